#include "ingest/speaker_pattern.hpp"

#include <gtest/gtest.h>

#include "ingest/speaker_text_reader.hpp"

namespace thematica {
namespace {

TEST(SpeakerPatternTest, RequiresASpeakerGroup) {
  auto pattern = SpeakerPattern::compile(R"(^([IB])\.:)");
  ASSERT_FALSE(pattern);
  EXPECT_EQ(pattern.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(pattern.error().message,
            "--speaker-pattern needs a (?<speaker>...) group; (?<text>...) and (?<time>...) are "
            "optional");
}

TEST(SpeakerPatternTest, ReportsSyntaxErrorsWithTheirPosition) {
  auto pattern = SpeakerPattern::compile("(?<speaker>[A-Z");
  ASSERT_FALSE(pattern);
  EXPECT_EQ(pattern.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(pattern.error().message, "--speaker-pattern: missing close bracket at character 16");
}

TEST(SpeakerPatternTest, ReadsSpeakerAndTextGroups) {
  auto pattern = SpeakerPattern::compile(R"(^(?<speaker>[IB])\.:\s*(?<text>.*)$)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  auto turn = pattern->match("I.: Hello there.");
  ASSERT_TRUE(turn);
  EXPECT_EQ(turn->speaker, "I");
  EXPECT_EQ(turn->text, "Hello there.");
  EXPECT_EQ(turn->start_ms, std::nullopt);
  EXPECT_FALSE(pattern->match("Hello there."));
  EXPECT_FALSE(pattern->match("X.: Not a speaker the pattern knows."));
}

TEST(SpeakerPatternTest, TakesTheRestOfTheLineWithoutATextGroupAndReadsTheTime) {
  auto pattern = SpeakerPattern::compile(R"(^\[(?<time>[0-9:.]+)\] (?<speaker>\w+):)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  auto turn = pattern->match("[01:02] Ann:   Fine thanks  ");
  ASSERT_TRUE(turn);
  EXPECT_EQ(turn->speaker, "Ann");
  EXPECT_EQ(turn->start_ms, 62000);
  EXPECT_EQ(turn->text, "Fine thanks");
  auto late = pattern->match("[1:02:03.5] Bob: Late");
  ASSERT_TRUE(late);
  EXPECT_EQ(late->start_ms, 3723500);
}

TEST(SpeakerPatternTest, ATimeThatIsNotAClockIsNoMatch) {
  auto pattern = SpeakerPattern::compile(R"(^\[(?<time>[0-9:.]+)\] (?<speaker>\w+):)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  EXPECT_FALSE(pattern->match("[99:99] Bob: Not a time"));
}

TEST(SpeakerPatternTest, ReadsATranscriptInTheUsersLayout) {
  auto pattern = SpeakerPattern::compile(R"(^(?<speaker>[IB])\.:\s*(?<text>.*)$)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  auto cues = read_speaker_text_cues("I.: Hello there.\nB.: Hi.\nand more\n", &*pattern);
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 2u);
  EXPECT_EQ((*cues)[0].speaker, "I");
  EXPECT_EQ((*cues)[0].text, "Hello there.");
  EXPECT_EQ((*cues)[0].line, 1);
  EXPECT_EQ((*cues)[1].speaker, "B");
  EXPECT_EQ((*cues)[1].text, "Hi. and more");  // a line the pattern does not match continues
  EXPECT_EQ((*cues)[1].line, 2);
}

TEST(SpeakerPatternTest, OneMatchingLineIsEnough) {
  auto pattern = SpeakerPattern::compile(R"(^(?<speaker>[IB])\.:\s*(?<text>.*)$)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  auto cues = read_speaker_text_cues("I.: Only one turn.\n", &*pattern);
  ASSERT_TRUE(cues) << cues.error().message;
  EXPECT_EQ(cues->size(), 1u);
}

TEST(SpeakerPatternTest, RefusesAFileThePatternNeverMatches) {
  auto pattern = SpeakerPattern::compile(R"(^(?<speaker>X):)");
  ASSERT_TRUE(pattern) << pattern.error().message;
  auto cues = read_speaker_text_cues("I.: Hello there.\nB.: Hi.\n", &*pattern);
  ASSERT_FALSE(cues);
  EXPECT_EQ(cues.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(cues.error().message, "--speaker-pattern matched no line of the file");
}

TEST(SpeakerPatternTest, ReadsF4TimeMarksAsTurnEnds) {
  auto cues = read_speaker_text_cues("I: Wie war das? #00:01:23-4#\nB: Gut. #00:01:30-0#\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 2u);
  EXPECT_EQ((*cues)[0].speaker, "I");
  EXPECT_EQ((*cues)[0].text, "Wie war das?");
  EXPECT_EQ((*cues)[0].end_ms, 83400);
  EXPECT_EQ((*cues)[1].speaker, "B");
  EXPECT_EQ((*cues)[1].text, "Gut.");
  EXPECT_EQ((*cues)[1].end_ms, 90000);
}

TEST(SpeakerPatternTest, ParsesClocksAsTranscriptsPrintThem) {
  EXPECT_EQ(parse_clock("0:49"), 49000);
  EXPECT_EQ(parse_clock("12:05"), 725000);
  EXPECT_EQ(parse_clock("1:02:03"), 3723000);
  EXPECT_EQ(parse_clock("00:01:23.5"), 83500);
  EXPECT_EQ(parse_clock("1:2"), std::nullopt);
  EXPECT_EQ(parse_clock("12:60"), std::nullopt);
  EXPECT_EQ(parse_clock("soon"), std::nullopt);
}

}  // namespace
}  // namespace thematica
