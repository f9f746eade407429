#include "services/qdc_exchange.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "services/code_sets.hpp"
#include "services/codebook_service.hpp"
#include "services/lookup.hpp"
#include "services/service_fixture.hpp"
#include "store/project_file.hpp"

namespace thematica::testing {
namespace {

class QdcExchangeTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    CodeEdits edits;
    edits.definition = "Anything that stops a student acting with compassion.";
    edits.when_to_use = "Ward pressures, rotas, staffing.";
    edits.example = "There is never enough time.";
    ASSERT_TRUE(add_code(ctx(), "Barriers/Time \\/ rota", edits));
    ASSERT_TRUE(add_code(ctx(), "Emotions/Shame 😔", {}));
    ASSERT_TRUE(add_code(ctx(), "Emotions/مشاعر", {}));  // right-to-left
    ASSERT_TRUE(add_to_code_set(ctx(), "Feelings", {"Emotions/Shame 😔", "Barriers/Time \\/ rota"}));
  }

  std::vector<std::string> paths(Store& store) {
    std::vector<std::string> out;
    auto codes = list_codes(store);
    for (const auto& c : *codes) out.push_back(c.path);
    return out;
  }
};

TEST_F(QdcExchangeTest, ExportValidatesAgainstTheRefiQdaSchema) {
  auto xml = export_codebook_qdc(*store_);
  ASSERT_TRUE(xml) << xml.error().message;
  std::string file = dir_.write("codebook.qdc", *xml);
  std::string schema = std::string(THEMATICA_SHARED_DIR) + "/refi-qda/schema/Codebook.xsd";
  ASSERT_TRUE(std::filesystem::exists(schema))
      << "the shared REFI-QDA schema is missing: " << schema;
  std::string command = "xmllint --noout --schema '" + schema + "' '" + file + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST_F(QdcExchangeTest, ARoundTripKeepsPathsGuidsColoursAndDescriptions) {
  auto xml = export_codebook_qdc(*store_);
  ASSERT_TRUE(xml);
  auto other = create_project_file(dir_.file("other.thematica"));
  ASSERT_TRUE(other);
  ServiceContext other_ctx{**other, "bob"};
  auto report = import_codebook_qdc(other_ctx, *xml);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->added, 5);
  EXPECT_EQ(report->matched, 0);
  EXPECT_EQ(paths(**other), paths(*store_));
  EXPECT_EQ(report->sets_added, 1);
  auto sets = list_code_sets(**other);
  ASSERT_EQ(sets->size(), 1u);
  EXPECT_EQ((*sets)[0].set.guid, (*list_code_sets(*store_))[0].set.guid);
  EXPECT_EQ((*sets)[0].paths,
            (std::vector<std::string>{"Barriers/Time \\/ rota", "Emotions/Shame 😔"}));
  auto before = *store_->codes();
  auto after = *(*other)->codes();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].guid, before[i].guid);
    EXPECT_EQ(after[i].colour, before[i].colour);
    EXPECT_EQ(after[i].description, before[i].description) << before[i].name;
  }
}

TEST_F(QdcExchangeTest, ImportingTheSameCodebookAgainAddsNothing) {
  auto xml = export_codebook_qdc(*store_);
  ASSERT_TRUE(xml);
  auto report = import_codebook_qdc(ctx(), *xml);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->added, 0);
  EXPECT_EQ(report->matched, 5);
  EXPECT_EQ(report->sets_matched, 1);
}

TEST_F(QdcExchangeTest, CodesMatchByPathAndNewSubCodesGoUnderThem) {
  std::string xml = R"(<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
    <Code guid="11111111-2222-4333-8444-555555555555" name="barriers" isCodable="true">
      <Code guid="11111111-2222-4333-8444-555555555556" name="Staffing" isCodable="true" color="#abc"/>
    </Code></Codes>
    <Sets><Set guid="11111111-2222-4333-8444-555555555557" name="Workload">
      <MemberCode guid="11111111-2222-4333-8444-555555555556"/></Set></Sets></CodeBook>)";
  auto report = import_codebook_qdc(ctx(), xml);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->matched, 1);
  EXPECT_EQ(report->added, 1);
  EXPECT_EQ(report->sets_added, 1);
  auto sets = list_code_sets(*store_);
  ASSERT_EQ(sets->size(), 2u);  // "Feelings" from SetUp, and the new one
  auto workload = std::find_if(sets->begin(), sets->end(),
                               [](const CodeSetSummary& s) { return s.set.name == "Workload"; });
  ASSERT_NE(workload, sets->end());
  EXPECT_EQ(workload->paths, (std::vector<std::string>{"Barriers/Staffing"}));
  auto book = load_codebook(*store_);
  auto staffing = book->resolve("Barriers/Staffing");
  ASSERT_TRUE(staffing);
  EXPECT_EQ((*staffing)->colour, "#aabbcc");
  EXPECT_EQ((*staffing)->guid, "11111111-2222-4333-8444-555555555556");
}

TEST_F(QdcExchangeTest, AnEmptyCodebookIsNotExported) {
  auto empty = create_project_file(dir_.file("empty.thematica"));
  auto xml = export_codebook_qdc(**empty);
  ASSERT_FALSE(xml);
  EXPECT_EQ(xml.error().message,
            "the codebook is empty; a REFI-QDA codebook needs at least one code");
}

}  // namespace
}  // namespace thematica::testing
