#include "ingest/vtt_reader.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(VttReaderTest, ZoomPrefixesBecomeSpeakersAndTurnsMerge) {
  auto cues = read_vtt_cues(
      "WEBVTT\n\n"
      "1\n00:00:01.200 --> 00:00:04.000\nDr Amira Khan: Thanks for joining. What does compassion\n"
      "look like on your ward?\n\n"
      "2\n00:00:04.500 --> 00:00:06.000\nDr Amira Khan: Take your time.\n\n"
      "3\n00:00:06.100 --> 00:00:09.900\nJoel: Honestly: it is the nurse who stays.\n\n"
      "4\n00:00:10.000 --> 00:00:12.000\nJoel: Even at the end of a shift.\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 4u);
  EXPECT_EQ((*cues)[0].speaker, "Dr Amira Khan");
  EXPECT_EQ((*cues)[0].text, "Thanks for joining. What does compassion look like on your ward?");
  EXPECT_EQ((*cues)[0].start_ms, 1200);
  EXPECT_EQ((*cues)[0].line, 4);
  EXPECT_EQ((*cues)[2].text, "Honestly: it is the nurse who stays.");  // "a: b" in speech stays

  auto transcript = assemble_transcript(*cues, "webvtt");
  ASSERT_TRUE(transcript);
  EXPECT_EQ(transcript->text,
            "Dr Amira Khan: Thanks for joining. What does compassion look like on your ward? "
            "Take your time.\n"
            "Joel: Honestly: it is the nurse who stays. Even at the end of a shift.\n");
  ASSERT_EQ(transcript->turns.size(), 2u);
  EXPECT_EQ(transcript->turns[0].range, (Range{0, 95}));
  EXPECT_EQ(transcript->turns[0].start_ms, 1200);
  EXPECT_EQ(transcript->turns[0].end_ms, 6000);
  EXPECT_EQ(transcript->turns[1].speaker, "Joel");
  EXPECT_EQ(transcript->turns[1].range, (Range{96, 166}));
  EXPECT_EQ(transcript->turns[1].end_ms, 12000);
}

TEST(VttReaderTest, TeamsVoiceTagsEntitiesAndMissingCloseTag) {
  auto cues = read_vtt_cues(
      "WEBVTT\n\n"
      "NOTE exported by a meeting app\n\n"
      "STYLE\n::cue { color: white }\n\n"
      "001ec368-3c77-4441-9f7e-67031cc3b038/9-0\n"
      "00:00:07.165 --> 00:00:08.845 align:start position:10%\n"
      "<v Carlos Far&#237;as>Self-care is &quot;not&quot; selfish &amp; we</v>\n\n"
      "001ec368-3c77-4441-9f7e-67031cc3b038/9-1\n"
      "00:08.900 --> 00:10.000\n"
      "<v Carlos Far&#237;as>forget that.\n\n"
      "001ec368-3c77-4441-9f7e-67031cc3b038/10-0\n"
      "00:00:10.500 --> 00:00:12.000\n"
      "<v Graham, Ken (Guest)><i>Agreed.</i></v>\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 3u);
  EXPECT_EQ((*cues)[0].speaker, "Carlos Farías");
  EXPECT_EQ((*cues)[0].text, "Self-care is \"not\" selfish & we");
  EXPECT_EQ((*cues)[1].start_ms, 8900);  // hour-less time
  EXPECT_EQ((*cues)[1].text, "forget that.");
  EXPECT_EQ((*cues)[2].speaker, "Graham, Ken (Guest)");
  auto transcript = assemble_transcript(*cues, "webvtt");
  ASSERT_TRUE(transcript);
  EXPECT_EQ(transcript->text,
            "Carlos Farías: Self-care is \"not\" selfish & we forget that.\n"
            "Graham, Ken (Guest): Agreed.\n");
  EXPECT_EQ(transcript->turns[0].range, (Range{0, 59}));  // í is one code point
  EXPECT_EQ(transcript->turns[1].range, (Range{60, 88}));
}

TEST(VttReaderTest, CuesWithoutSpeakerKeepTheirText) {
  auto cues = read_vtt_cues(
      "WEBVTT - a header\n\n00:01.000 --> 00:02.000\n10:30 Meeting: started\n\n"
      "00:02.000 --> 00:03.000\nWelcome everyone.\n");
  ASSERT_TRUE(cues);
  EXPECT_EQ((*cues)[0].speaker, "");
  EXPECT_EQ((*cues)[0].text, "10:30 Meeting: started");
  auto transcript = assemble_transcript(*cues, "webvtt");
  EXPECT_EQ(transcript->text, "10:30 Meeting: started Welcome everyone.\n");
}

TEST(VttReaderTest, RefusesWhatIsNotWebVtt) {
  auto no_header = read_vtt_cues("1\n00:00:01.000 --> 00:00:02.000\nHello\n");
  ASSERT_FALSE(no_header);
  EXPECT_NE(no_header.error().message.find("first line must be WEBVTT"), std::string::npos);
  auto bad_time = read_vtt_cues("WEBVTT\n\n1\n00:00:01.000 --> 00:0x:02.000\nHello\n");
  ASSERT_FALSE(bad_time);
  EXPECT_NE(bad_time.error().message.find("line 4: malformed cue timing"), std::string::npos);
  auto comma = read_vtt_cues("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHello\n");
  EXPECT_FALSE(comma);
  auto backwards = read_vtt_cues("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHello\n");
  ASSERT_FALSE(backwards);
  EXPECT_NE(backwards.error().message.find("ends before it starts"), std::string::npos);
  auto empty =
      assemble_transcript(*read_vtt_cues("WEBVTT\n\n00:01.000 --> 00:02.000\n<i></i>\n"), "webvtt");
  EXPECT_FALSE(empty);
}

}  // namespace
}  // namespace thematica
