#include "ingest/docx_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/readers.hpp"
#include "support/zip_writer.hpp"

namespace thematica::testing {
namespace {

constexpr const char* kTransitional =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

std::string document_xml(const std::string& body, const char* ns = kTransitional) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
         "<w:document xmlns:w=\"" + ns +
         "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
         body + "</w:body></w:document>";
}

std::string p(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }

std::string r(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>";
  for (const auto& row : rows) {
    out += "<w:tr>";
    for (const auto& cell : row) out += "<w:tc>" + p(cell.empty() ? "" : r(cell)) + "</w:tc>";
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

// A DOCX whose word/document.xml holds `body`, with `parts` besides it.
std::string docx(const std::string& body, std::vector<ZipEntry> parts = {},
                 const char* ns = kTransitional) {
  std::vector<ZipEntry> all = {ZipEntry{"[Content_Types].xml", kContentTypes},
                               ZipEntry{"word/document.xml", document_xml(body, ns)}};
  all.insert(all.end(), parts.begin(), parts.end());
  return make_zip(all);
}

Result<Extraction> read_doc(const std::string& bytes) { return read_docx(bytes, ReadOptions{}); }

constexpr const char* kCompassion =
    "<w:p><w:r><w:t>When you hear the word</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t>"
    "</w:r><w:r><w:t>compas</w:t></w:r><w:r><w:t>sion</w:t></w:r>"
    "<w:r><w:t>, what comes to mind?</w:t></w:r></w:p>";

TEST(DocxReaderTest, JoinsRunsAsWrittenKeepingASingleSpaceRun) {
  auto doc = read_doc(docx(kCompassion));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "docx");
  EXPECT_EQ(doc->text, "When you hear the word compassion, what comes to mind?\n");
  EXPECT_FALSE(doc->transcript);
  EXPECT_TRUE(doc->warnings.empty());
}

TEST(DocxReaderTest, ReadsStrictOoxmlLikeTransitional) {
  auto doc = read_doc(docx(kCompassion, {}, kStrict));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "When you hear the word compassion, what comes to mind?\n");
}

TEST(DocxReaderTest, TurnsTabsAndBreaksIntoCharacters) {
  auto doc = read_doc(
      docx(p("<w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t>Second line</w:t></w:r>")));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Name\tRole\nSecond line\n");
}

TEST(DocxReaderTest, KeepsInsertionsAndDropsDeletionsWithAWarning) {
  auto doc =
      read_doc(docx(p(r("She was ") +
                      "<w:ins w:id=\"1\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">really "
                      "</w:t></w:r></w:ins>"
                      "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">"
                      "very </w:delText></w:r></w:del>" +
                      r("tired."))));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "She was really tired.\n");
  EXPECT_EQ(doc->warnings,
            std::vector<std::string>{
                "1 tracked deletion was dropped: the text is imported as last edited; accept or "
                "reject the changes in Word first if that is not what you want"});
}

TEST(DocxReaderTest, CountsEveryDeletionInTheWarning) {
  std::string deletion =
      "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>x</w:delText></w:r></w:del>";
  auto doc = read_doc(docx(p(r("One") + deletion) + p(r("Two") + deletion)));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "One\nTwo\n");
  ASSERT_EQ(doc->warnings.size(), 1u);
  EXPECT_EQ(doc->warnings[0].substr(0, 32), "2 tracked deletions were dropped");
}

TEST(DocxReaderTest, SkipsFieldCodesAndKeepsTheirResult) {
  auto doc = read_doc(docx(p(r("See page ") +
                             "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                             "xml:space=\"preserve\"> PAGEREF _Ref1 \\h </w:instrText></w:r>"
                             "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                             r("4") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "See page 4\n");
}

TEST(DocxReaderTest, ReadsATextBoxOnceFromItsChoiceBranch) {
  std::string box =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
      "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" +
      p(r("Boxed quote")) +
      "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
      "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
      p(r("Fallback copy")) +
      "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  auto doc = read_doc(docx(p(r("Before the box.")) + p(box) + p(r("After the box."))));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Before the box.\nBoxed quote\nAfter the box.\n");
}

TEST(DocxReaderTest, MarksFootnotesAndAppendsThem) {
  std::string footnotes =
      std::string("<w:footnotes xmlns:w=\"") + kTransitional +
      "\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
      "<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id=\"2\"><w:p><w:r>"
      "<w:footnoteRef/></w:r>" +
      r(" The staff counselling service.") + "</w:p></w:footnote></w:footnotes>";
  auto doc = read_doc(docx(p(r("Referred to support.") +
                             "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" + r(" It helped.")),
                           {{"word/footnotes.xml", footnotes}}));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text,
            "Referred to support.[1] It helped.\n"
            "\n"
            "Footnotes\n"
            "[1] The staff counselling service.\n");
}

TEST(DocxReaderTest, AppendsCommentsWithTheirAuthors) {
  std::string comments =
      std::string("<w:comments xmlns:w=\"") + kTransitional +
      "\"><w:comment w:id=\"0\" w:author=\"Coder A\" w:initials=\"CA\"><w:p><w:r>"
      "<w:annotationRef/></w:r>" +
      r("Possible code: impostor feelings.") + "</w:p></w:comment><w:comment w:id=\"1\"><w:p>" +
      r("Check the date.") + "</w:p></w:comment></w:comments>";
  auto doc = read_doc(docx(p("<w:commentRangeStart w:id=\"0\"/>" + r("I felt like a fraud.") +
                             "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/>"
                             "</w:r>"),
                           {{"word/comments.xml", comments}}));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text,
            "I felt like a fraud.\n"
            "\n"
            "Comments\n"
            "[comment 1, Coder A] Possible code: impostor feelings.\n"
            "[comment 2] Check the date.\n");
}

TEST(DocxReaderTest, ReadsATableHeadedTimeSpeakerTextAsATranscript) {
  auto doc = read_doc(docx(p(r("Interview 3")) +
                           table({{"Time", "Speaker", "Text"},
                                  {"00:00:05", "Interviewer", "How are you?"},
                                  {"00:00:09", "Student", "Tired."},
                                  {"00:00:15", "", "And hungry."},
                                  {"00:00:20", "Interviewer", "Why?"}}) +
                           p(r("End."))));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "docx");
  EXPECT_EQ(doc->text,
            "Interview 3\n"
            "Interviewer: How are you?\n"
            "Student: Tired. And hungry.\n"
            "Interviewer: Why?\n"
            "End.\n");
  ASSERT_TRUE(doc->transcript);
  EXPECT_EQ(doc->transcript->reader, "docx");
  EXPECT_EQ(doc->transcript->text, doc->text);
  const auto& turns = doc->transcript->turns;
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Interviewer");
  EXPECT_EQ(turns[0].start_ms, 5000);
  EXPECT_EQ(turns[0].end_ms, std::nullopt);
  EXPECT_EQ(turns[0].range, (Range{12, 37}));
  EXPECT_EQ(turns[1].speaker, "Student");  // the row without a speaker continues the turn
  EXPECT_EQ(turns[1].start_ms, 9000);
  EXPECT_EQ(turns[1].range, (Range{38, 65}));
  EXPECT_EQ(turns[2].speaker, "Interviewer");
  EXPECT_EQ(turns[2].start_ms, 20000);
  EXPECT_EQ(turns[2].range, (Range{66, 83}));
}

TEST(DocxReaderTest, ReadsAnUnheadedSpeakerTextTableAsATranscript) {
  auto doc = read_doc(docx(
      table({{"Interviewer", "How are you?"}, {"Student", "Tired."}, {"Interviewer", "Why?"}})));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Interviewer: How are you?\nStudent: Tired.\nInterviewer: Why?\n");
  ASSERT_TRUE(doc->transcript);
  const auto& turns = doc->transcript->turns;
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Interviewer");
  EXPECT_EQ(turns[0].start_ms, std::nullopt);
  EXPECT_EQ(turns[0].range, (Range{0, 25}));
  EXPECT_EQ(turns[1].speaker, "Student");
  EXPECT_EQ(turns[1].range, (Range{26, 41}));
  EXPECT_EQ(turns[2].range, (Range{42, 59}));
}

TEST(DocxReaderTest, LaysOutAnOrdinaryTableWithTabs) {
  auto doc = read_doc(docx(p(r("Staffing")) +
                           table({{"Ward", "Beds", "Staff"}, {"A", "12", "4"}, {"B", "8", "3"}})));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Staffing\nWard\tBeds\tStaff\nA\t12\t4\nB\t8\t3\n");
  EXPECT_FALSE(doc->transcript);
}

TEST(DocxReaderTest, RefusesAPasswordProtectedFile) {
  auto doc = read_doc(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(504, '\0'));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "this DOCX is password-protected (or an old binary Office file); remove the password, "
            "or save it as DOCX again, and import that copy");
}

TEST(DocxReaderTest, RefusesAFileThatIsNotAZip) {
  auto doc = read_doc("just some text, not a zip archive at all");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().message, "the file is not a valid DOCX (it is not a zip archive)");
}

TEST(DocxReaderTest, RefusesATruncatedFile) {
  std::string whole = docx(kCompassion);
  auto doc = read_doc(whole.substr(0, whole.size() / 2));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().message,
            "the DOCX file is damaged or truncated (its zip structure is broken)");
}

TEST(DocxReaderTest, RefusesAZipWithoutADocumentPart) {
  auto doc = read_doc(
      make_zip({{"[Content_Types].xml", kContentTypes}, {"xl/workbook.xml", "<workbook/>"}}));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().message,
            "not a Word document: it has no word/document.xml (is it another Office file?)");
}

TEST(DocxReaderTest, NamesThePartHoldingMalformedXml) {
  std::string xml = std::string("<w:document xmlns:w=\"") + kTransitional +
                    "\"><w:body><w:p></w:body></w:document>";
  auto doc =
      read_doc(make_zip({{"[Content_Types].xml", kContentTypes}, {"word/document.xml", xml}}));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(
      doc.error().message,
      "the DOCX is damaged: Start-end tags mismatch at byte 98 of its part word/document.xml");
}

TEST(DocxReaderTest, RefusesAZipBomb) {
  ReadOptions options;
  options.max_bytes = 1000 * 1000;
  std::string bomb = make_zip(
      {{"[Content_Types].xml", kContentTypes}, zero_entry("word/document.xml", 2 * 1000 * 1000)});
  ASSERT_LT(bomb.size(), 100u * 1000u);  // deflate packs the zeros: only unpacking is large
  auto doc = read_docx(bomb, options);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "the DOCX unpacks to more than 1.0 MB (word/document.xml); it is refused as a possible "
            "zip bomb; raise --max-size if the file is genuine");
}

TEST(DocxReaderTest, ReadsTheExampleInterviewAsATranscript) {
  auto doc = read_document_file(std::string(THEMATICA_EXAMPLES_DIR) + "/interview-tutor-02.docx",
                                "docx", false, ReadOptions{});
  ASSERT_TRUE(doc) << doc.error().describe();
  EXPECT_EQ(doc->reader, "docx");
  EXPECT_EQ(doc->text.substr(0, doc->text.find('\n')), "Interview 2 \u2013 clinical tutor");
  ASSERT_TRUE(doc->transcript);
  const auto& turns = doc->transcript->turns;
  ASSERT_EQ(turns.size(), 12u);
  EXPECT_EQ(turns.front().speaker, "Interviewer");
  EXPECT_EQ(turns.front().start_ms, 5000);
  EXPECT_EQ(turns.front().range, (Range{230, 339}));
  EXPECT_EQ(doc->text.substr(doc->text.find("Interviewer: "), 110),
            "Interviewer: Thank you for agreeing to talk to me. Could you start by describing "
            "your role with the students?\n");
  EXPECT_EQ(turns.back().speaker, "Tutor 2");
  EXPECT_EQ(turns.back().start_ms, 216000);
  EXPECT_EQ(turns.back().range, (Range{1586, 1726}));
  EXPECT_NE(doc->text.find("\nTutor 2: Protected time. Even an hour a week where we could sit with "
                           "the students and talk about the \u201chard stuff\u201d without a "
                           "bleep going off.\nEnd of interview.\n"),
            std::string::npos);
  EXPECT_EQ(doc->warnings.size(), 1u);  // one tracked deletion
}

}  // namespace
}  // namespace thematica::testing
