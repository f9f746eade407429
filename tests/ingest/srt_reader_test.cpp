#include "ingest/srt_reader.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(SrtReaderTest, ReadsNumberedCuesWithCommaMillisecondsAndTags) {
  auto cues = read_srt_cues(
      "1\n00:00:01,500 --> 00:00:03,250 X1:40 X2:600 Y1:20 Y2:50\n<i>Nurse 2:</i> We never "
      "stop.\n\n"
      "2\n00:00:03,300 --> 00:00:05,000\nNurse 2: <font color=\"red\">Never.</font>\n\n"
      "3\n01:00:00,000 --> 01:00:01,5\nTutor: And the students?\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 3u);
  EXPECT_EQ((*cues)[0].speaker, "Nurse 2");
  EXPECT_EQ((*cues)[0].text, "We never stop.");
  EXPECT_EQ((*cues)[0].start_ms, 1500);
  EXPECT_EQ((*cues)[0].end_ms, 3250);
  // Every cue starts with a name, so "Tutor" is a speaker although it starts one cue only.
  EXPECT_EQ((*cues)[2].speaker, "Tutor");
  EXPECT_EQ((*cues)[2].end_ms, 3601500);
  auto transcript = assemble_transcript(*cues, "srt");
  EXPECT_EQ(transcript->text, "Nurse 2: We never stop. Never.\nTutor: And the students?\n");
  ASSERT_EQ(transcript->turns.size(), 2u);
  EXPECT_EQ(transcript->turns[1].speaker, "Tutor");
}

TEST(SrtReaderTest, ColonInOrdinarySubtitlesIsNotASpeaker) {
  auto cues = read_srt_cues(
      "1\n00:00:01,000 --> 00:00:02,000\nThe rule was simple: be kind.\n\n"
      "2\n00:00:02,000 --> 00:00:03,000\nNobody said it out loud.\n\n"
      "3\n00:00:03,000 --> 00:00:04,000\nBut we all knew it.\n");
  ASSERT_TRUE(cues);
  EXPECT_EQ((*cues)[0].speaker, "");
  EXPECT_EQ((*cues)[0].text, "The rule was simple: be kind.");
}

TEST(SrtReaderTest, MalformedTimingNamesTheLine) {
  auto cues = read_srt_cues("1\n00:00:01,500 --> 00:00:03,250\nfine\n\n2\n00:00:0 --> x\nbad\n");
  ASSERT_FALSE(cues);
  EXPECT_NE(cues.error().message.find("line 6: malformed cue timing"), std::string::npos);
  EXPECT_FALSE(read_srt_cues("just some text\nwith no cues\n"));
}

}  // namespace
}  // namespace thematica
