#include "ingest/odt_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/zip_writer.hpp"

namespace thematica::testing {
namespace {

constexpr const char* kManifest =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
    "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
    "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
    "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";

constexpr const char* kEncryptedManifest =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
    "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
    "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
    "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" manifest:size=\"1024\">"
    "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\">"
    "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
    "manifest:initialisation-vector=\"AAAA\"/><manifest:key-derivation "
    "manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" "
    "manifest:salt=\"AAAA\"/></manifest:encryption-data></manifest:file-entry>"
    "</manifest:manifest>";

std::string content_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
         "<office:body><office:text>" +
         body + "</office:text></office:body></office:document-content>";
}

// An ODT whose office:text holds `body`.
std::string odt(const std::string& body, const char* manifest = kManifest) {
  return make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                   {"META-INF/manifest.xml", manifest},
                   {"content.xml", content_xml(body)}});
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "<table:table-row>";
  for (const auto& cell : cells) {
    out += "<table:table-cell office:value-type=\"string\"><text:p>" + cell +
           "</text:p></table:table-cell>";
  }
  return out + "</table:table-row>";
}

Result<Extraction> read_doc(const std::string& bytes) { return read_odt(bytes, ReadOptions{}); }

TEST(OdtReaderTest, ReadsHeadingsParagraphsSpacesTabsBreaksSpansAndLists) {
  auto doc = read_doc(
      odt("<text:h text:outline-level=\"1\">Field notes</text:h>"
          "<text:p>Three<text:s text:c=\"3\"/>spaces, a<text:tab/>tab and a<text:line-break/>break."
          "</text:p>"
          "<text:p>The <text:span text:style-name=\"T1\">ward</text:span> was calm.</text:p>"
          "<text:list><text:list-item><text:p>First point</text:p></text:list-item>"
          "<text:list-item><text:p>Second point</text:p></text:list-item></text:list>"));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "odt");
  EXPECT_EQ(doc->text,
            "Field notes\n"
            "Three   spaces, a\ttab and a\nbreak.\n"
            "The ward was calm.\n"
            "First point\n"
            "Second point\n");
  EXPECT_FALSE(doc->transcript);
  EXPECT_TRUE(doc->warnings.empty());
}

TEST(OdtReaderTest, MarksNotesAndAppendsThem) {
  auto doc = read_doc(
      odt("<text:p>She saw the counsellor.<text:note text:id=\"ftn1\" "
          "text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
          "<text:note-body><text:p>Name removed.</text:p></text:note-body></text:note> It helped."
          "</text:p>"));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text,
            "She saw the counsellor.[1] It helped.\n"
            "\n"
            "Notes\n"
            "[1] Name removed.\n");
}

TEST(OdtReaderTest, AppendsCommentsWithTheirAuthors) {
  auto doc =
      read_doc(odt("<text:p><office:annotation><dc:creator>Coder B</dc:creator>"
                   "<dc:date>2026-01-01T00:00:00</dc:date><text:p>Worth a code.</text:p>"
                   "</office:annotation>I felt lost.<office:annotation-end/></text:p>"));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text,
            "I felt lost.\n"
            "\n"
            "Comments\n"
            "[comment 1, Coder B] Worth a code.\n");
}

TEST(OdtReaderTest, DropsTrackedDeletionsWithAWarning) {
  auto doc = read_doc(
      odt("<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion>"
          "<office:change-info><dc:creator>A</dc:creator><dc:date>2026-01-01T00:00:00</dc:date>"
          "</office:change-info><text:p>Dr Patel</text:p></text:deletion></text:changed-region>"
          "</text:tracked-changes>"
          "<text:p>I told <text:change text:change-id=\"ct1\"/>her supervisor.</text:p>"));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "I told her supervisor.\n");
  EXPECT_EQ(doc->warnings, std::vector<std::string>{"1 tracked deletion was dropped: the text is "
                                                    "imported as last edited"});
}

TEST(OdtReaderTest, ReadsASpeakerTextTableAsATranscript) {
  auto doc = read_doc(
      odt("<text:p>Focus group 2</text:p><table:table table:name=\"Table1\">"
          "<table:table-column table:number-columns-repeated=\"2\"/><table:table-header-rows>" +
          row({"Speaker", "Text"}) + "</table:table-header-rows>" +
          row({"Moderator", "Welcome, everyone."}) + row({"Nurse A", "Thanks for having us."}) +
          "</table:table>"));
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text,
            "Focus group 2\n"
            "Moderator: Welcome, everyone.\n"
            "Nurse A: Thanks for having us.\n");
  ASSERT_TRUE(doc->transcript);
  EXPECT_EQ(doc->transcript->reader, "odt");
  const auto& turns = doc->transcript->turns;
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].speaker, "Moderator");
  EXPECT_EQ(turns[0].start_ms, std::nullopt);
  EXPECT_EQ(turns[0].range, (Range{14, 43}));
  EXPECT_EQ(turns[1].speaker, "Nurse A");
  EXPECT_EQ(turns[1].range, (Range{44, 74}));
}

TEST(OdtReaderTest, RefusesAnEncryptedFile) {
  auto doc = read_doc(odt("<text:p>Secret</text:p>", kEncryptedManifest));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message,
            "this ODT is password-protected; save a copy without a password and import that");
}

TEST(OdtReaderTest, RefusesAZipWithoutContent) {
  auto doc = read_doc(make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                {"META-INF/manifest.xml", kManifest}}));
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().message, "not an OpenDocument text: it has no content.xml");
}

}  // namespace
}  // namespace thematica::testing
