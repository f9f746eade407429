#include "ingest/speaker_text_reader.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(SpeakerTextReaderTest, ReadsTheCommonLayouts) {
  auto cues = read_speaker_text_cues(
      "[00:01:23] Interviewer: What helps on nights?\n"
      "Participant 4 (00:01:30.5): My colleagues.\n"
      "Participant 4: And tea at four in the morning.\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 3u);
  EXPECT_EQ((*cues)[0].speaker, "Interviewer");
  EXPECT_EQ((*cues)[0].start_ms, 83000);
  EXPECT_EQ((*cues)[0].text, "What helps on nights?");
  EXPECT_EQ((*cues)[1].start_ms, 90500);
  EXPECT_EQ((*cues)[2].start_ms, std::nullopt);
  auto t = assemble_transcript(*cues, "speaker-text");
  EXPECT_EQ(t->text,
            "Interviewer: What helps on nights?\n"
            "Participant 4: My colleagues. And tea at four in the morning.\n");
}

// Found by fuzz_speaker_text: a line ending in two spaces read past the end of the line.
TEST(SpeakerTextReaderTest, TrailingSpacesAreNotAnOtterHeader) {
  auto cues = read_speaker_text_cues("Facilitator: Thanks for coming.  \nStudent A: Hello.  \n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 2u);
  EXPECT_EQ((*cues)[0].text, "Thanks for coming.  ");
  EXPECT_EQ((*cues)[1].speaker, "Student A");
}

TEST(SpeakerTextReaderTest, ReadsOtterBlocks) {
  auto cues = read_speaker_text_cues(
      "Dr Amira Khan  0:49\nCan you say more?\n\nStudent B  1:02:03\nTime, mostly.\nAnd fear.\n");
  ASSERT_TRUE(cues) << cues.error().message;
  ASSERT_EQ(cues->size(), 2u);
  EXPECT_EQ((*cues)[0].speaker, "Dr Amira Khan");
  EXPECT_EQ((*cues)[0].start_ms, 49000);
  EXPECT_EQ((*cues)[0].text, "Can you say more?");
  EXPECT_EQ((*cues)[1].start_ms, 3723000);
  EXPECT_EQ((*cues)[1].text, "Time, mostly. And fear.");
}

TEST(SpeakerTextReaderTest, ProseIsNotATranscript) {
  EXPECT_FALSE(looks_like_speaker_text(
      "Title: Reflections on placement\nI spent six weeks on the ward.\nIt was hard.\n"
      "The nurses were kind.\n"));
  EXPECT_FALSE(looks_like_speaker_text("Note: one line only\n"));
  EXPECT_TRUE(looks_like_speaker_text("A: Hello.\nB: Hi.\n"));
}

}  // namespace
}  // namespace thematica
