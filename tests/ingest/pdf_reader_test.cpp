#include "ingest/pdf_reader.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace thematica::testing {
namespace {

// A PDF of `objects` (object 1 the catalog) with correct cross-reference offsets; `trailer` adds
// entries to the trailer dictionary.
std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer = "") {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  std::size_t xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (std::size_t offset : offsets) out += fmt::format("{:010d} 00000 n \n", offset);
  out += fmt::format("trailer\n<< /Size {} /Root 1 0 R {}>>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, trailer, xref);
  return out;
}

// A valid one-page PDF whose page draws nothing: what a scan without OCR gives pdftotext.
std::string blank_pdf() {
  return make_pdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
      "<< /Length 0 >>\nstream\n\nendstream",
  });
}

// Encrypted with the standard security handler and a user password that is not empty, so the
// file cannot be opened without it.
std::string locked_pdf() {
  std::string o(64, '1'), u(64, '2'), id(32, '3');
  return make_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                   fmt::format("<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>", o, u)},
                  fmt::format("/Encrypt 4 0 R /ID [<{0}> <{0}>] ", id));
}

TEST(PdfReaderTest, ReadsTheExampleEssayWithItsPages) {
  auto doc = read_pdf(std::string(THEMATICA_EXAMPLES_DIR) + "/reflection-essay.pdf", ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "pdf");
  EXPECT_EQ(doc->text,
            "Reflective essay: the night shift\n"
            "I want to write about a night shift on the surgical wards in my fourth year.\n"
            "It was about 3 a.m. when the FY1 asked me to sit with Mrs D (not her real name),\n"
            "who was frightened and could not sleep. I had been awake for nearly twenty hours.\n"
            "My first feeling was irritation, and straight afterwards I felt ashamed of it.\n"
            "I sat down anyway. She told me about her late husband and his allotment.\n"
            "\n"
            "Looking back, compassion did not feel like a warm emotion that night. It felt\n"
            "like a decision I made while I was tired, and it cost me something.\n"
            "I noticed that I was far kinder to her than I was to myself on the drive home.\n"
            "Next time I want to tell someone when I am running on empty, instead of hiding it.\n"
            "Being kind to myself is part of being safe with patients, not a luxury.\n");
  EXPECT_EQ(doc->page_starts, (std::vector<std::uint64_t>{0, 427}));
  EXPECT_FALSE(doc->transcript);
  EXPECT_TRUE(doc->warnings.empty());
}

TEST(PdfReaderTest, RefusesADamagedFile) {
  TempDir dir;
  auto doc = read_pdf(dir.write("broken.pdf", "%PDF-1.4 broken"), ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message, "the PDF is damaged or not a PDF (pdftotext cannot read it)");
}

TEST(PdfReaderTest, RefusesAPasswordProtectedPdf) {
  TempDir dir;
  auto doc = read_pdf(dir.write("locked.pdf", locked_pdf()), ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "the PDF is password-protected or forbids copying its text; save an unprotected copy "
            "and import that");
}

TEST(PdfReaderTest, RefusesAPdfWithoutText) {
  TempDir dir;
  auto doc = read_pdf(dir.write("scan.pdf", blank_pdf()), ReadOptions{});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "the PDF has no text (a scanned document?); run it through OCR first, then import the "
            "result");
}

}  // namespace
}  // namespace thematica::testing
