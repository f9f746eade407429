#include "ingest/transcript.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(TranscriptTest, ParsesTimestampVariants) {
  EXPECT_EQ(parse_timestamp("00:02:24.720"), 144720);
  EXPECT_EQ(parse_timestamp("02:24.720"), 144720);
  EXPECT_EQ(parse_timestamp("00:00:01,5"), 1500);
  EXPECT_EQ(parse_timestamp("123:00:00.000"), 442800000);  // more than 99 hours
  EXPECT_FALSE(parse_timestamp("00:60:00.000"));
  EXPECT_FALSE(parse_timestamp("1:2.000"));
  EXPECT_FALSE(parse_timestamp("00:01:02.1234"));
  EXPECT_FALSE(parse_timestamp("00:01:02"));
}

// Found by fuzz_vtt: an hour field of 18 digits overflowed the millisecond count.
TEST(TranscriptTest, AbsurdlyLongHoursAreNotATime) {
  EXPECT_EQ(parse_timestamp("999999:00:00.000"), 3599996400000);
  EXPECT_EQ(parse_timestamp("1000000:00:00.000"), std::nullopt);
  EXPECT_EQ(parse_timestamp("222222222222222222200:00:07.900"), std::nullopt);
}

TEST(TranscriptTest, SpeakerKeysIgnoreCaseSpacingAndInvisibles) {
  EXPECT_EQ(speaker_key("  Jane   Doe "), "jane doe");
  EXPECT_EQ(speaker_key("JANE\xC2\xA0"
                        "DOE"),
            "jane doe");  // no-break space
  EXPECT_EQ(speaker_key("\xE2\x80\x8EJane\xE2\x80\x8B Doe\xEF\xBB\xBF"),
            "jane doe");  // LRM, ZWSP, BOM
  EXPECT_NE(speaker_key("Jane Doe"), speaker_key("Jane Dow"));
}

TEST(TranscriptTest, NamesMayHoldPeriodsAndCommasButNotSentences) {
  EXPECT_TRUE(looks_like_name("Dr. Amira Khan"));
  EXPECT_TRUE(looks_like_name("Graham, Ken (Guest)"));
  EXPECT_FALSE(looks_like_name("Why did you say that?"));
  EXPECT_FALSE(looks_like_name("so I went to the ward and then the"));  // seven words
  EXPECT_FALSE(looks_like_name(""));
  EXPECT_FALSE(looks_like_name(" Padded"));
}

TEST(TranscriptTest, MergesSameSpeakerAcrossSpellings) {
  std::vector<Cue> cues = {{0, 1000, "Jane Doe", "One.", 1},
                           {1000, 2000, "jane  doe", "Two.", 5},
                           {2000, 3000, "", "Three.", 9}};
  auto t = assemble_transcript(cues, "test");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "Jane Doe: One. Two.\nThree.\n");
  ASSERT_EQ(t->turns.size(), 2u);
  EXPECT_EQ(t->turns[0].speaker, "Jane Doe");  // the first spelling is kept
  EXPECT_EQ(t->turns[1].range, (Range{20, 26}));
}

}  // namespace
}  // namespace thematica
