#include "interop/qde.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace thematica::testing {
namespace {

std::string shared_file(const std::string& path) {
  std::ifstream in(std::string(THEMATICA_SHARED_DIR) + "/" + path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string refusal(const std::string& xml) {
  auto project = parse_qde(xml);
  return project ? "accepted" : project.error().message;
}

const QdeKeptAside* kept(const QdeProject& p, const std::string& element, std::size_t nth = 0) {
  for (const auto& k : p.kept_aside) {
    if (k.element == element && nth-- == 0) return &k;
  }
  return nullptr;
}

TEST(QdeTest, ReadsTheAtlasTiSampleWithEverySection) {
  auto p = parse_qde(shared_file("refi-qda/samples/atlasti/atlasti-8.4-mac-standard-project.qde"));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->name, "ATLAS.ti standard project");
  EXPECT_EQ(p->origin.substr(0, 11), "ATLAS.ti 8.");
  EXPECT_EQ(p->created_at, "2018-03-27T17:46:39.000Z");
  ASSERT_EQ(p->users.size(), 3u);
  EXPECT_EQ(p->users[1].guid, "ad68fbe7-e1ee-4a82-a279-23cc698c89eb");
  EXPECT_EQ(p->users[1].name, "Friedrich Markgraf");
  ASSERT_EQ(p->codes.size(), 14u);
  EXPECT_EQ(p->codes[4].name, "Coke::full-fat Coke");
  EXPECT_EQ(p->codes[4].colour, "#966450");
  EXPECT_EQ(p->codes[4].description, "aka regular");
  EXPECT_EQ(p->codes[13].name, "\"rushed\"");

  // Six text sources, two PDFs (their representations), three transcripts of two videos.
  ASSERT_EQ(p->sources.size(), 11u);
  const auto& simon = p->sources[5];
  EXPECT_EQ(simon.name, "Simon.docx");
  EXPECT_EQ(simon.plain_path, "internal://C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt");
  ASSERT_EQ(simon.selections.size(), 3u);
  EXPECT_EQ(simon.selections[0].start, 688u);
  EXPECT_EQ(simon.selections[0].end, 907u);
  EXPECT_EQ(simon.selections[0].name, "damage done by fatty foods");
  EXPECT_EQ(simon.selections[0].description, "why does Simon feel the need to do this?");
  ASSERT_EQ(simon.selections[0].codings.size(), 1u);
  EXPECT_EQ(simon.selections[0].codings[0].code_guid, "f9c6eac0-8a66-4757-9d8a-9a6c8fea3c44");
  EXPECT_EQ(simon.selections[0].codings[0].user_guid, "ad68fbe7-e1ee-4a82-a279-23cc698c89eb");

  const auto& granola = p->sources[7];
  EXPECT_EQ(granola.kind, QdeSourceKind::kPdf);
  EXPECT_EQ(granola.guid, "2065d8ab-d724-40c9-b4e9-6eb8dab73541");
  EXPECT_EQ(granola.plain_path, "internal://142EB46D-612E-4593-A385-D0E5D04D1288.txt");
  ASSERT_EQ(granola.selections.size(), 2u);
  EXPECT_EQ(granola.selections[1].start, 62u);
  EXPECT_EQ(granola.selections[1].end, 69u);
  EXPECT_EQ(granola.selections[1].name, "granola");

  const auto& diet_coke = p->sources[10];
  EXPECT_EQ(diet_coke.kind, QdeSourceKind::kTranscript);
  EXPECT_EQ(diet_coke.media_name, "1994 Diet Coke-Diet Coke Break.mp4");
  ASSERT_EQ(diet_coke.sync_points.size(), 11u);
  EXPECT_EQ(diet_coke.sync_points[3].position, 73u);
  EXPECT_EQ(diet_coke.sync_points[3].time_ms, 4420);

  ASSERT_EQ(p->notes.size(), 2u);
  EXPECT_EQ(p->notes[0].name, "Research Plan");
  EXPECT_EQ(p->notes[0].inline_text,
            "This is a great project by a dynamic team of researcher-developers. ");
  ASSERT_EQ(p->links.size(), 1u);
  EXPECT_EQ(p->links[0].origin_guid, "e41be463-fdf3-4ed0-b668-119c53d8d687");
  ASSERT_EQ(p->sets.size(), 16u);
  EXPECT_EQ(p->sets[14].name, "<3");
  EXPECT_EQ(p->sets[13].member_codes.size(), 6u);

  // What Thematica cannot represent is kept as written.
  const auto* picture = kept(*p, "PictureSource");
  ASSERT_NE(picture, nullptr);
  EXPECT_EQ(picture->name, "cornflakes-n-milk.jpg");
  EXPECT_NE(picture->xml.find("<PictureSelection firstX=\"267\""), std::string::npos);
  const QdeKeptAside* region = nullptr;
  for (const auto& k : p->kept_aside) {
    if (k.guid == "95916796-d0a0-4b49-80b0-5a5c8b94ae13" && k.element == "PDFSelection")
      region = &k;
  }
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->owner_guid, "2065d8ab-d724-40c9-b4e9-6eb8dab73541");
  EXPECT_NE(region->xml.find("<PlainTextContent>favoritos.Dificultad"), std::string::npos);
  const auto* graph = kept(*p, "Graph");
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(graph->name, "Netzwerk");
  EXPECT_NE(graph->xml.find("<Edge "), std::string::npos);
  ASSERT_NE(kept(*p, "Link"), nullptr);
  EXPECT_NE(kept(*p, "VideoSelection"), nullptr);
  EXPECT_EQ(kept(*p, "VideoSource")->guid, "9d260347-8f7d-4161-89f7-dcc93cc34170");
}

TEST(QdeTest, ReadsTheF4SampleWithSelectionMemosAndNoteRefs) {
  auto p = parse_qde(shared_file("refi-qda/samples/f4/f4-2025.2.9-project.qde"));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->origin, "f4 2025.2.9");
  ASSERT_EQ(p->sources.size(), 4u);
  const auto& sixty = p->sources[2];
  ASSERT_EQ(sixty.selections.size(), 4u);
  EXPECT_FALSE(sixty.selections[2].name.has_value());
  EXPECT_TRUE(sixty.selections[2].codings.empty());
  EXPECT_EQ(sixty.selections[2].description.substr(0, 12), "Dies ist ein");
  ASSERT_EQ(p->note_refs.size(), 3u);
  EXPECT_EQ(p->note_refs[0].target_guid, "206750b8-d3c8-4bc6-a922-5c8c1475f36f");  // a code
  EXPECT_EQ(p->note_refs[1].target_guid, "1b1d9d6c-5e81-40df-b470-7ea8b99573e4");  // a selection
  EXPECT_EQ(p->note_refs[1].note_guid, "b4352c05-1171-41d9-9d27-401fd25cd8e7");
  EXPECT_EQ(p->note_refs[1].line, 27u);
}

TEST(QdeTest, HandsSourcesToTheSinkOneByOne) {
  std::string xml = shared_file("refi-qda/samples/f4/f4-2025.2.9-project.qde");
  std::vector<std::string> names;
  bool done = false;
  auto next = [&]() -> Result<std::string_view> {
    if (done) return std::string_view();
    done = true;
    return std::string_view(xml);
  };
  auto p = parse_qde(next, [&](const QdeProject& so_far, QdeTextSource&& s) -> Status {
    EXPECT_EQ(so_far.codes.size(), 1u);
    names.push_back(s.name + ":" + std::to_string(s.selections.size()));
    return {};
  });
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_TRUE(p->sources.empty());
  EXPECT_EQ(names, (std::vector<std::string>{"Interview 15mins:0", "Interview 30mins:0",
                                             "Interview 60mins:4", "testfile:0"}));
}

constexpr const char* kHead =
    "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n";

TEST(QdeTest, RefusesBadInputNamingTheElementAndLine) {
  EXPECT_EQ(
      refusal(std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x "
                          "SYSTEM \"file:///etc/passwd\">]>\n<Project name=\"p\">&x;</Project>")),
      "line 2: <!DOCTYPE> declares a DOCTYPE; REFI-QDA files have none, and it is refused "
      "rather than read");
  EXPECT_EQ(refusal(std::string(kHead) + "<Users><User guid=\"c001\"/></Users></Project>"),
            "line 3: <User> has an invalid guid 'c001' (a GUID is 8-4-4-4-12 hex digits)");
  EXPECT_EQ(refusal("<Project xmlns=\"urn:other\" name=\"p\"/>"),
            "line 1: <Project> has the namespace 'urn:other', not urn:QDA-XML:project:1.0");
  EXPECT_EQ(refusal("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>"),
            "line 1: <CodeBook> is not a REFI-QDA project (its root must be <Project>)");
  EXPECT_EQ(refusal(std::string(kHead) +
                    "<Sources><TextSource guid=\"0a1b2c3d-0000-4000-8000-000000000001\">\n"
                    "<PlainTextSelection guid=\"0a1b2c3d-0000-4000-8000-000000000002\" "
                    "startPosition=\"9\" endPosition=\"4\"/></TextSource></Sources></Project>"),
            "line 4: <PlainTextSelection> ends (endPosition=\"4\") before it starts "
            "(startPosition=\"9\")");
  EXPECT_EQ(refusal(std::string(kHead) +
                    "<Sources><TextSource guid=\"0a1b2c3d-0000-4000-8000-000000000001\">\n"
                    "<PlainTextSelection guid=\"0a1b2c3d-0000-4000-8000-000000000002\" "
                    "startPosition=\"-1\" endPosition=\"4\"/></TextSource></Sources></Project>"),
            "line 4: <PlainTextSelection> has startPosition=\"-1\", which is not a whole number");
  // A coding without its code (a misspelt <CodeRef>, kept aside) cannot be stored or written.
  EXPECT_EQ(refusal(std::string(kHead) +
                    "<Sources><TextSource guid=\"0a1b2c3d-0000-4000-8000-000000000001\">\n"
                    "<PlainTextSelection guid=\"0a1b2c3d-0000-4000-8000-000000000002\" "
                    "startPosition=\"1\" endPosition=\"4\">\n"
                    "<Coding guid=\"0a1b2c3d-0000-4000-8000-000000000003\">\n"
                    "<CodeRt targetGUID=\"0a1b2c3d-0000-4000-8000-000000000004\"/>\n"
                    "</Coding></PlainTextSelection></TextSource></Sources></Project>"),
            "line 5: <Coding> has no <CodeRef>: every coding must name its code");
  EXPECT_EQ(refusal(std::string(kHead) +
                    "<Users><User guid=\"0a1b2c3d-0000-4000-8000-000000000001\"></Project>"),
            "line 3: malformed XML (mismatched tag)");
}

TEST(QdeTest, AcceptsOldNamespacesBracesAndNoNamespace) {
  auto p = parse_qde(
      "<Project xmlns=\"urn:QDA-XML:project:1:0\" name=\"p\"><Users><User "
      "guid=\"{0A1B2C3D-0000-4000-8000-00000000000A}\"/></Users></Project>");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->users[0].guid, "0a1b2c3d-0000-4000-8000-00000000000a");
  EXPECT_TRUE(parse_qde("<Project name=\"p\"/>"));
}

TEST(QdeTest, WritesWhatItReadsInSchemaOrderWithoutEmptyLists) {
  auto p = parse_qde(shared_file("refi-qda/samples/f4/f4-2025.2.9-project.qde"));
  ASSERT_TRUE(p) << p.error().message;
  std::string xml = write_qde(*p);
  EXPECT_TRUE(
      xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project "
                      "xmlns=\"urn:QDA-XML:project:1.0\" name=\"f4-Projekt\""));
  EXPECT_EQ(xml.find("<Users"), std::string::npos);  // f4 wrote none: no empty list
  auto again = parse_qde(xml);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(write_qde(*again), xml);
  EXPECT_EQ(again->note_refs.size(), 3u);
  EXPECT_EQ(again->sources[2].selections[3].description, p->sources[2].selections[3].description);
}

}  // namespace
}  // namespace thematica::testing
