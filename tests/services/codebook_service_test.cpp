#include "services/codebook_service.hpp"

#include "services/lookup.hpp"
#include "services/retrieval.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class CodebookServiceTest : public ServiceTest {
 protected:
  std::vector<std::string> paths() {
    auto codes = list_codes(*store_);
    EXPECT_TRUE(codes);
    std::vector<std::string> out;
    for (const auto& c : *codes) out.push_back(c.path);
    return out;
  }
};

TEST_F(CodebookServiceTest, AddCreatesMissingParentsAndRefusesDuplicates) {
  auto event = add_code(ctx(), "Barriers/Time constraints", {});
  ASSERT_TRUE(event);
  EXPECT_EQ(event->summary, "added code 'Barriers/Time constraints' (2 levels new)");
  EXPECT_EQ(paths(), (std::vector<std::string>{"Barriers", "Barriers/Time constraints"}));
  auto again = add_code(ctx(), "barriers/time constraints", {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  auto colour = add_code(ctx(), "Facilitators", CodeEdits{std::string("red"), {}, {}, {}, {}});
  ASSERT_FALSE(colour);
  EXPECT_EQ(colour.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(paths().size(), 2u);
}

TEST_F(CodebookServiceTest, RenameAndMoveKeepTheTreeValid) {
  add("Barriers/Time constraints");
  add("Barriers/Burnout");
  add("Facilitators");
  ASSERT_TRUE(rename_code(ctx(), "Barriers/Burnout", "Burnout and futility"));
  auto clash = rename_code(ctx(), "Barriers/Burnout and futility", "Time constraints");
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().kind, ErrorKind::kConflict);
  ASSERT_TRUE(move_code(ctx(), "Barriers/Time constraints", "Facilitators"));
  auto loop = move_code(ctx(), "Facilitators", "Facilitators/Time constraints");
  ASSERT_FALSE(loop);
  EXPECT_NE(loop.error().message.find("cannot move 'Facilitators' below itself"),
            std::string::npos);
  ASSERT_TRUE(move_code(ctx(), "Facilitators/Time constraints", ""));
  EXPECT_EQ(paths(), (std::vector<std::string>{"Barriers", "Barriers/Burnout and futility",
                                               "Facilitators", "Time constraints"}));
}

TEST_F(CodebookServiceTest, MergeMovesCodingsAndSubcodesAndDropsDuplicates) {
  import("fg-1", "Role models showed me how to sit with a patient.");
  add("Role models");
  add("Modelling/Senior doctors");
  ASSERT_TRUE(code_range("fg-1", "Role models", {0, 11}));
  ASSERT_TRUE(code_range("fg-1", "Modelling", {0, 11}));          // duplicate after merge
  ASSERT_TRUE(code_range("fg-1", "Modelling", {12, 30}, "bob"));  // moves
  auto merged = merge_codes(ctx(), "Modelling", "Role models");
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->summary,
            "merged 'Modelling' into 'Role models' (1 coding moved, 1 duplicate dropped)");
  EXPECT_EQ(paths(), (std::vector<std::string>{"Role models", "Role models/Senior doctors"}));
  SegmentQuery q;
  q.codes = {"Role models"};
  auto segments = find_segments(*store_, q);
  ASSERT_EQ(segments->size(), 2u);
  EXPECT_EQ((*segments)[1].coder, "bob");
  EXPECT_EQ((*segments)[1].text, "showed me how to s");
}

TEST_F(CodebookServiceTest, DeleteRefusedWhileCodedUnlessForced) {
  import("fg-1", "No time to care.");
  add("Barriers/Time constraints");
  ASSERT_TRUE(code_range("fg-1", "Barriers/Time constraints", {0, 7}));
  auto refused = delete_code(ctx(), "Barriers", false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.find("has 1 coding and 1 sub-code"), std::string::npos);
  auto forced = delete_code(ctx(), "Barriers", true);
  ASSERT_TRUE(forced) << forced.error().message;
  EXPECT_EQ(forced->summary, "deleted code 'Barriers' (2 codes, 1 coding)");
  EXPECT_TRUE(paths().empty());
  EXPECT_TRUE(find_segments(*store_, {})->empty());
}

TEST_F(CodebookServiceTest, CsvExportAndImportRoundTrip) {
  CodeEdits edits;
  edits.definition = std::string("Not enough time, staff or slack to care, \"as I'd like\"");
  edits.when_to_use = std::string("Structural pressure, not personal choice");
  edits.colour = std::string("#D55E00");
  // Text a spreadsheet would run as a formula is neutralised, and restored on import.
  edits.example = std::string("=HYPERLINK(\"x\") - no time at all");
  ASSERT_TRUE(add_code(ctx(), "Barriers/Time constraints", edits));
  auto csv = export_codebook_csv(*store_);
  ASSERT_TRUE(csv);
  EXPECT_EQ(*csv,
            "path,colour,definition,when_to_use,when_not_to_use,example\n"
            "Barriers,#e69f00,,,,\n"
            "Barriers/Time constraints,#d55e00,\"Not enough time, staff or slack to care, "
            "\"\"as I'd like\"\"\",\"Structural pressure, not personal choice\",,"
            "\"'=HYPERLINK(\"\"x\"\") - no time at all\"\n");

  TempDir other_dir;
  auto other = create_project_file(other_dir.file("other.thematica"));
  ServiceContext other_ctx{**other, "bob"};
  auto imported = import_codebook_csv(other_ctx, *csv);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->added, 2);
  EXPECT_EQ(*export_codebook_csv(**other), *csv);
  auto book = load_codebook(**other);
  ASSERT_TRUE(book);
  EXPECT_EQ((*book->resolve("Barriers/Time constraints"))->description.example,
            "=HYPERLINK(\"x\") - no time at all");

  auto bad = import_codebook_csv(other_ctx, "path,colour\nA,#zzz\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("codebook CSV row 2"), std::string::npos);
  auto headless = import_codebook_csv(other_ctx, "name\nA\n");
  ASSERT_FALSE(headless);
  EXPECT_NE(headless.error().message.find("'path' column"), std::string::npos);
}

}  // namespace
}  // namespace thematica::testing
