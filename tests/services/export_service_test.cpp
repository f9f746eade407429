#include "services/export_service.hpp"

#include <nlohmann/json.hpp>

#include "services/cases_service.hpp"
#include "services/code_sets.hpp"
#include "services/memos.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class ExportServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-1", "We never have time, \"really\", to care.");
    add("Barriers/Time constraints");
    ASSERT_TRUE(code_range("fg-1", "Barriers/Time constraints", {3, 18}));
    ASSERT_TRUE(add_memo(ctx(), MemoRequest{MemoTarget::kDocument, "fg-1", "Loud room.", "alice"}));
  }
};

TEST_F(ExportServiceTest, JsonHoldsTextCodingsAndCodebook) {
  auto text = export_json(*store_);
  ASSERT_TRUE(text) << text.error().message;
  auto json = nlohmann::json::parse(*text);
  EXPECT_EQ(json["format"], "thematica-export");
  ASSERT_EQ(json["documents"].size(), 1u);
  const auto& doc = json["documents"][0];
  EXPECT_EQ(doc["name"], "fg-1");
  EXPECT_EQ(doc["text"], "We never have time, \"really\", to care.");
  ASSERT_EQ(doc["codings"].size(), 1u);
  EXPECT_EQ(doc["codings"][0]["code"], "Barriers/Time constraints");
  EXPECT_EQ(doc["codings"][0]["start"], 3);
  EXPECT_EQ(doc["codings"][0]["end"], 18);
  EXPECT_EQ(doc["codings"][0]["text"], "never have time");
  EXPECT_EQ(json["codes"].size(), 2u);
  EXPECT_EQ(json["memos"][0]["target"], "fg-1");
  EXPECT_EQ(json["coders"][0]["name"], "alice");
}

TEST_F(ExportServiceTest, CsvListsEverySegment) {
  auto csv = export_segments_csv(*store_);
  ASSERT_TRUE(csv);
  EXPECT_EQ(*csv,
            "id,document,code,coder,start,end,text,comment,important,representative\n"
            "1,fg-1,Barriers/Time constraints,alice,3,18,never have time,,false,false\n");
}

TEST_F(ExportServiceTest, ExportsKeepTurnsSetsAndCodingsOfSpeakersLeftOut) {
  import("fg-2", "Moderator: Why?\nJoel: Time.\n");
  ASSERT_TRUE(code_range("fg-2", "Barriers/Time constraints", {11, 15}));  // "Why?"
  ASSERT_TRUE(set_case_analysed(ctx(), "Moderator", false));
  ASSERT_TRUE(add_to_code_set(ctx(), "Structural", {"Barriers/Time constraints"}));
  auto json = nlohmann::json::parse(*export_json(*store_));
  const auto& doc = json["documents"][1];
  EXPECT_EQ(doc["name"], "fg-2");
  ASSERT_EQ(doc["codings"].size(), 1u);  // left out of analysis, not out of the project
  EXPECT_EQ(doc["codings"][0]["text"], "Why?");
  ASSERT_EQ(doc["turns"].size(), 2u);
  EXPECT_EQ(doc["turns"][1]["speaker"], "Joel");
  EXPECT_EQ(doc["turns"][1]["start"], 16);
  EXPECT_EQ(doc["turns"][1]["end"], 27);
  EXPECT_FALSE(json["documents"][0].contains("turns"));
  EXPECT_EQ(json["code_sets"][0]["name"], "Structural");
  EXPECT_EQ(json["code_sets"][0]["codes"], nlohmann::json::array({"Barriers/Time constraints"}));
  auto csv = export_segments_csv(*store_);
  EXPECT_NE(csv->find(",fg-2,Barriers/Time constraints,alice,11,15,Why?,"), std::string::npos)
      << *csv;
}

}  // namespace
}  // namespace thematica::testing
