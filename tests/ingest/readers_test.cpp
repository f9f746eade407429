#include "ingest/readers.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "support/temp_dir.hpp"

namespace thematica::testing {
namespace {

std::string reader_for(const std::string& path) {
  auto reader = choose_reader(path, std::nullopt);
  return reader ? *reader : "error: " + reader.error().message;
}

TEST(ReadersTest, ChoosesTheReaderByExtension) {
  EXPECT_EQ(reader_for("INTERVIEW.VTT"), "webvtt");
  EXPECT_EQ(reader_for("subtitles.srt"), "srt");
  EXPECT_EQ(reader_for("interview.docx"), "docx");
  EXPECT_EQ(reader_for("notes.odt"), "odt");
  EXPECT_EQ(reader_for("essay.pdf"), "pdf");
  EXPECT_EQ(reader_for("page.htm"), "html");
  EXPECT_EQ(reader_for("page.html"), "html");
  EXPECT_EQ(reader_for("notes.markdown"), "markdown");
  EXPECT_EQ(reader_for("notes.md"), "markdown");
  EXPECT_EQ(reader_for("interview.txt"), "text");
  EXPECT_EQ(reader_for("data.xyz"), "text");
  EXPECT_EQ(reader_for("README"), "text");
}

TEST(ReadersTest, TakesTheKindTheUserNames) {
  auto reader = choose_reader("interview.txt", std::string("speaker-text"));
  ASSERT_TRUE(reader) << reader.error().message;
  EXPECT_EQ(*reader, "speaker-text");
}

TEST(ReadersTest, RefusesAnUnknownKindListingTheKnownOnes) {
  auto reader = choose_reader("interview.txt", std::string("rtf"));
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(reader.error().message,
            "unknown --kind 'rtf'; use text, speaker-text, webvtt, srt, docx, odt, pdf, html or "
            "markdown");
}

constexpr const char* kTurns =
    "Interviewer: How are you?\nStudent: Tired, mostly.\nInterviewer: Why?\n";

TEST(ReadersTest, ReadsATextFileOfSpeakerTurnsAsATranscript) {
  TempDir dir;
  auto doc = read_document_file(dir.write("turns.txt", kTurns), "text", false, ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "speaker-text");
  EXPECT_EQ(doc->text, kTurns);
  EXPECT_EQ(doc->encoding, "UTF-8");
  EXPECT_FALSE(doc->encoding_guessed);
  ASSERT_TRUE(doc->transcript);
  EXPECT_EQ(doc->transcript->reader, "speaker-text");
  ASSERT_EQ(doc->transcript->turns.size(), 3u);
  EXPECT_EQ(doc->transcript->turns[1].speaker, "Student");
  EXPECT_EQ(doc->transcript->turns[1].range, (Range{26, 49}));
}

TEST(ReadersTest, AForcedTextReaderKeepsSpeakerTurnsPlain) {
  TempDir dir;
  auto doc = read_document_file(dir.write("turns.txt", kTurns), "text", true, ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "text");
  EXPECT_EQ(doc->text, kTurns);
  EXPECT_FALSE(doc->transcript);
}

TEST(ReadersTest, NormalisesLineEndingsOfTextFiles) {
  TempDir dir;
  auto doc = read_document_file(dir.write("notes.txt", "\xEF\xBB\xBFOne\r\nTwo\rThree\n"), "text",
                                false, ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "text");
  EXPECT_EQ(doc->text, "One\nTwo\nThree\n");
}

TEST(ReadersTest, ReadsTurnsInTheLayoutThePatternDescribes) {
  TempDir dir;
  ReadOptions options;
  options.speaker_pattern = R"(^(?<speaker>[IB])\.:\s*(?<text>.*)$)";
  auto doc = read_document_file(dir.write("turns.txt", "I.: Hello there.\nB.: Hi.\n"), "text",
                                false, options);
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "speaker-text");
  EXPECT_EQ(doc->text, "I: Hello there.\nB: Hi.\n");
  ASSERT_TRUE(doc->transcript);
  EXPECT_EQ(doc->transcript->turns.size(), 2u);
}

TEST(ReadersTest, ReadsMarkdownOfSpeakerTurnsAsATranscript) {
  TempDir dir;
  auto doc = read_document_file(
      dir.write("turns.md", "**Interviewer**: How are you?\n\n**Student**: Tired.\n"), "markdown",
      false, ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "markdown");
  EXPECT_EQ(doc->text, "Interviewer: How are you?\nStudent: Tired.\n");
  ASSERT_TRUE(doc->transcript);
  ASSERT_EQ(doc->transcript->turns.size(), 2u);
  EXPECT_EQ(doc->transcript->turns[0].speaker, "Interviewer");
  EXPECT_EQ(doc->transcript->turns[1].speaker, "Student");
}

TEST(ReadersTest, RefusesAPdfSavedAsText) {
  TempDir dir;
  auto doc = read_document_file(dir.write("essay.txt", "%PDF-1.4\n%binary follows\n"), "text",
                                false, ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "this is a PDF file with a text extension; rename it to .pdf or use --kind pdf");
}

TEST(ReadersTest, RefusesAZipSavedAsText) {
  TempDir dir;
  auto doc = read_document_file(dir.write("interview.txt", "PK\x03\x04rest of a zip"), "text",
                                false, ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().message,
            "this is a zip file (DOCX, ODT, XLSX?) with a text extension; rename it or use --kind "
            "docx / --kind odt");
}

TEST(ReadersTest, RefusesAnEmptyFile) {
  TempDir dir;
  for (const char* bytes : {"", "\xEF\xBB\xBF"}) {
    auto doc = read_document_file(dir.write("empty.txt", bytes), "text", false, ReadOptions{});
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
    EXPECT_EQ(doc.error().message, "the file is empty; there is nothing to import");
  }
}

TEST(ReadersTest, RefusesAFileOverTheSizeCapNamingBothSizes) {
  TempDir dir;
  std::string path = dir.write("big.txt", std::string(2000, 'a'));
  ReadOptions options;
  options.max_bytes = 1000;
  auto doc = read_document_file(path, "text", false, options);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "the file is 2.0 kB, over the 1.0 kB limit; raise it with --max-size if the file is "
            "genuine");
  EXPECT_EQ(doc.error().where, path);
}

TEST(ReadersTest, SaysWhenTheFileIsMissing) {
  TempDir dir;
  auto doc = read_document_file(dir.file("missing.txt"), "text", false, ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(doc.error().message, "no such file");
}

}  // namespace
}  // namespace thematica::testing
