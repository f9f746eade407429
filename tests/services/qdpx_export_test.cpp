#include "services/qdpx_export.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <vector>

#include "ingest/zip_archive.hpp"
#include "services/cases_service.hpp"
#include "services/memos.hpp"
#include "services/qdpx_import.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

std::string schema() {
  return std::string(THEMATICA_SHARED_DIR) + "/refi-qda/schema/Project-mrt2019.xsd";
}

// Everything a round trip must keep, written out as lines to compare.
std::vector<std::string> fingerprint(Store& store) {
  std::vector<std::string> out;
  // Range-for over *store.x() would read a destroyed temporary: keep each result.
  auto docs = store.documents();
  auto coders = *store.coders();
  auto codes = *store.codes();
  auto codings = *store.codings({});
  auto memos = *store.memos();
  auto cases = *store.cases();
  auto variables = *store.variables();
  auto values = *store.case_values();
  auto links = *store.case_links();
  auto sets = *store.code_sets();
  auto groups = *store.groups();
  std::map<Id, std::string> doc_names, coder_names, code_names;
  for (const auto& d : *docs) {
    doc_names[d.id] = d.name;
    out.push_back(fmt::format("document {} {} {} {}", d.guid, d.name, d.sha256, d.byte_size));
  }
  for (const auto& c : coders) {
    coder_names[c.id] = c.name;
    out.push_back(fmt::format("coder {} {}", c.guid, c.name));
  }
  for (const auto& c : codes) {
    code_names[c.id] = c.name;
    out.push_back(fmt::format("code {} {} {} {}|{}|{}|{}", c.guid, c.name, c.colour,
                              c.description.definition, c.description.when_to_use,
                              c.description.when_not_to_use, c.description.example));
  }
  for (const auto& c : codings) {
    out.push_back(fmt::format("coding {} {} {}:{} {} {} {} '{}'", c.guid, doc_names[c.document_id],
                              c.range.start, c.range.end, code_names[c.code_id],
                              coder_names[c.coder_id], c.created_at, c.comment));
  }
  for (const auto& m : memos) {
    out.push_back(
        fmt::format("memo {} {} {}", static_cast<int>(m.target), m.text, coder_names[m.coder_id]));
  }
  for (const auto& c : cases) out.push_back(fmt::format("case {} {}", c.guid, c.name));
  for (const auto& v : variables) {
    out.push_back(fmt::format("variable {} {}", v.name, variable_type_name(v.type)));
  }
  for (const auto& v : values) {
    out.push_back(fmt::format("value {} {} {}", v.case_id, v.variable_id, v.value));
  }
  for (const auto& l : links) {
    out.push_back(fmt::format("link {} {} {}", l.case_id, doc_names[l.document_id],
                              l.range ? fmt::format("{}:{}", l.range->start, l.range->end) : ""));
  }
  for (const auto& s : sets) out.push_back(fmt::format("set {} {}", s.guid, s.name));
  for (const auto& g : groups) out.push_back(fmt::format("group {}", g.name));
  std::sort(out.begin(), out.end());
  return out;
}

class QdpxExportTest : public ServiceTest {
 protected:
  // Exports, checks the file against the schema, and imports it into a fresh project.
  std::unique_ptr<Store> round_trip(Store& from, QdpxProfile profile, const std::string& name) {
    std::string file = dir_.file(name + ".qdpx");
    auto report = export_qdpx(from, file, profile);
    EXPECT_TRUE(report) << report.error().message;
    validate(file);
    auto store = create_project_file(dir_.file(name + ".thematica"));
    EXPECT_TRUE(store) << store.error().message;
    ServiceContext other{**store, "bob"};
    auto imported = import_qdpx(other, file, {});
    EXPECT_TRUE(imported) << imported.error().message;
    return std::move(*store);
  }

  std::string qde_of(const std::string& file) {
    auto bytes = read_all(file);
    auto zip = ZipArchive::open(bytes, "qdpx", 1 << 30);
    return **zip->read("project.qde");
  }

  std::string read_all(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  void validate(const std::string& file) {
    std::string qde = dir_.write("check.qde", qde_of(file));
    std::string command = "xmllint --noout --schema '" + schema() + "' '" + qde + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
};

TEST_F(QdpxExportTest, AGeneratedProjectSurvivesTheRoundTripInEveryProfile) {
  // Emoji, combining marks, CRLF and right-to-left text: what shifts positions in other tools.
  import("interview-01",
         "Student A: I felt 😔 when the consultant said it.\n"
         "Student B: Cafe\xCC\x81 breaks are where we talk. مشاعر الخجل\n");
  import("interview-02", "Educator: We never have time.\r\nIt is the rota.\r\n");
  add("Emotions/Shame 😔");
  add("Barriers/Time");
  CodeEdits edits;
  edits.definition = "Feeling exposed.";
  edits.when_to_use = "Any mention of hiding.";
  ASSERT_TRUE(edit_code(ctx(), "Emotions/Shame 😔", edits));
  ASSERT_TRUE(code_quote("interview-01", "Emotions/Shame 😔", "I felt 😔 when"));
  ASSERT_TRUE(code_quote("interview-01", "Barriers/Time", "Cafe\xCC\x81 breaks"));
  ASSERT_TRUE(code_quote("interview-01", "Emotions/Shame 😔", "مشاعر الخجل"));
  ASSERT_TRUE(code_range("interview-01", "Barriers/Time", Range{0, 10}, "bob"));
  ASSERT_TRUE(set_case_values(ctx(), "Student A", {{"role", "student"}, {"year", "3"}}));
  ASSERT_TRUE(link_case(ctx(), "Student A", "interview-01", Range{11, 49}));
  ASSERT_TRUE(add_memo(ctx(), MemoRequest{MemoTarget::kDocument, "interview-01",
                                          "Line one\r\nline two 👍", "alice"}));
  ASSERT_TRUE(
      add_memo(ctx(), MemoRequest{MemoTarget::kCode, "Barriers/Time", "A code memo", "bob"}));
  ASSERT_TRUE(assign_to_group(ctx(), "Students", {"interview-01"}));

  auto expected = fingerprint(*store_);
  for (auto profile : {QdpxProfile::kStandard, QdpxProfile::kNvivo, QdpxProfile::kMaxqda}) {
    auto copy = round_trip(*store_, profile, fmt::format("copy{}", static_cast<int>(profile)));
    if (profile == QdpxProfile::kMaxqda) continue;  // its text gains CRs; checked below
    EXPECT_EQ(fingerprint(*copy), expected) << static_cast<int>(profile);
  }
}

TEST_F(QdpxExportTest, ExportsAreIdenticalWhenNothingChanged) {
  import("a", "One two three.\n");
  add("Theme");
  ASSERT_TRUE(code_quote("a", "Theme", "two"));
  ASSERT_TRUE(export_qdpx(*store_, dir_.file("p.qdpx"), QdpxProfile::kStandard));
  std::string first = qde_of(dir_.file("p.qdpx"));
  ASSERT_TRUE(export_qdpx(*store_, dir_.file("p.qdpx"), QdpxProfile::kStandard));
  EXPECT_EQ(qde_of(dir_.file("p.qdpx")), first);
}

TEST_F(QdpxExportTest, EverySampleExportsValidAndComesBackTheSame) {
  for (std::string name :
       {"nvivo/nvivo12.6-win-oltas0517.qdpx", "qc/qc-1.3.2-demo.qdpx",
        "nvivo/nvivo15-mac-nvivo_project.qdpx", "atlasti/target-atlas-project.qdpx"}) {
    auto store = create_project_file(dir_.file("s.thematica"));
    ASSERT_TRUE(store);
    ServiceContext in{**store, "alice"};
    auto imported =
        import_qdpx(in, std::string(THEMATICA_SHARED_DIR) + "/refi-qda/samples/" + name, {});
    ASSERT_TRUE(imported) << name << ": " << imported.error().message;
    auto copy = round_trip(**store, QdpxProfile::kStandard, "sample");
    EXPECT_EQ(fingerprint(*copy), fingerprint(**store)) << name;
    store->reset();
    copy.reset();
    for (auto f : {"s.thematica", "sample.thematica", "sample.qdpx"}) {
      std::filesystem::remove(dir_.file(f));
      std::filesystem::remove(dir_.file(std::string(f) + "-wal"));
      std::filesystem::remove(dir_.file(std::string(f) + "-shm"));
    }
  }
}

// The paired-coding workflow: the lead hands out one copy, two coders code it apart, and the
// lead merges both copies back. Both coders' codings land on the same text, the codebook is not
// duplicated, and what does not fit is reported.
TEST_F(QdpxExportTest, TwoCodersCopiesMergeIntoOneProject) {
  import("fg-nurses",
         "Nurse 1: I hide it when I cry after a shift.\nNurse 2: Nobody asks how we are.\n");
  import("fg-students", "Student 1: The ward round made me feel stupid.\n");
  add("Emotions/Shame");
  add("Support/Absent");
  std::string handout = dir_.file("handout.qdpx");
  ASSERT_TRUE(export_qdpx(*store_, handout, QdpxProfile::kStandard));

  // One coder's copy: imported from the handout, coded as `coder`, exported back.
  auto code_a_copy =
      [&](const std::string& coder,
          const std::vector<std::tuple<std::string, std::string, std::string>>& codings,
          const std::string& own_document) {
        auto copy = create_project_file(dir_.file(coder + ".thematica"));
        EXPECT_TRUE(copy);
        ServiceContext as_coder{**copy, coder};
        EXPECT_TRUE(import_qdpx(as_coder, handout, {}));
        if (!own_document.empty()) {
          EXPECT_TRUE(
              import_documents(as_coder, {dir_.write("interview-03.txt", own_document)}, {}));
        }
        for (const auto& [doc, code, quote] : codings) {
          if (code == "Emotions/Fear") {
            EXPECT_TRUE(add_code(as_coder, code, {}));
          }
          CodingRequest r{doc, code, coder, PassageRef{}, "", false};
          r.passage.quote = quote;
          auto applied = apply_coding(as_coder, r);
          EXPECT_TRUE(applied) << applied.error().message;
        }
        std::string file = dir_.file(coder + ".qdpx");
        EXPECT_TRUE(export_qdpx(**copy, file, QdpxProfile::kStandard));
        return file;
      };
  std::string dana = code_a_copy("dana",
                                 {{"fg-nurses", "Emotions/Shame", "I hide it when I cry"},
                                  {"fg-nurses", "Support/Absent", "Nobody asks how we are."}},
                                 "");
  std::string eli = code_a_copy("eli",
                                {{"fg-nurses", "Emotions/Shame", "I hide it when I cry"},
                                 {"fg-students", "Emotions/Shame", "made me feel stupid"},
                                 {"fg-students", "Emotions/Fear", "The ward round"},
                                 {"interview-03", "Support/Absent", "on my own"}},
                                "Tutor: I was on my own that night.\n");
  // Meanwhile the lead has added a different transcript under the same name.
  import("interview-03", "Tutor: The debrief helped.\n");

  QdpxImportOptions merge;
  merge.merge = true;
  auto from_dana = import_qdpx(ctx(), dana, merge);
  ASSERT_TRUE(from_dana) << from_dana.error().message;
  EXPECT_EQ(from_dana->documents_matched, 2);
  EXPECT_EQ(from_dana->documents_added, 0);
  EXPECT_EQ(from_dana->codes_matched, 4);  // two themes, two codes
  EXPECT_EQ(from_dana->codes_added, 0);
  EXPECT_EQ(from_dana->coders_added, 1);
  EXPECT_EQ(from_dana->codings_added, 2);
  EXPECT_TRUE(from_dana->conflicts.empty());

  auto from_eli = import_qdpx(ctx(), eli, merge);
  ASSERT_TRUE(from_eli) << from_eli.error().message;
  EXPECT_EQ(from_eli->documents_matched, 2);
  EXPECT_EQ(from_eli->documents_added, 1);
  EXPECT_EQ(from_eli->codes_added, 1);  // Emotions/Fear
  EXPECT_EQ(from_eli->coders_added, 1);
  EXPECT_EQ(from_eli->codings_added, 4);
  EXPECT_EQ(from_eli->conflicts,
            std::vector<std::string>{"'interview-03': a different document of that name is in the "
                                     "project; added as 'interview-03 (2)'"});

  // Merging dana's copy again adds nothing: her codings are already there.
  auto again = import_qdpx(ctx(), dana, merge);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->codings_added, 0);
  EXPECT_EQ(again->codings_already, 2);

  // Every coding, with its coder, on the text that coder selected.
  auto docs = *store_->documents();
  auto coders = *store_->coders();
  auto codes = *store_->codes();
  std::map<Id, std::string> doc_names, coder_names, code_names;
  for (const auto& d : docs) doc_names[d.id] = d.name;
  for (const auto& c : coders) coder_names[c.id] = c.name;
  for (const auto& c : codes) code_names[c.id] = c.name;
  std::vector<std::string> got;
  auto codings = *store_->codings({});  // a local: range-for over *x() reads a dead temporary
  for (const auto& c : codings) {
    auto text = Text::from_utf8(*store_->document_text(c.document_id));
    ASSERT_TRUE(text);
    got.push_back(fmt::format("{} {} {} [{}:{}] {}", coder_names[c.coder_id],
                              doc_names[c.document_id], code_names[c.code_id], c.range.start,
                              c.range.end, text->slice(c.range)));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "dana fg-nurses Absent [54:77] Nobody asks how we are.",
                     "dana fg-nurses Shame [9:29] I hide it when I cry",
                     "eli fg-nurses Shame [9:29] I hide it when I cry",
                     "eli fg-students Fear [11:25] The ward round",
                     "eli fg-students Shame [26:45] made me feel stupid",
                     "eli interview-03 (2) Absent [13:22] on my own",
                 }));
}

}  // namespace
}  // namespace thematica::testing
