#include "services/cases_service.hpp"

#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class CasesServiceTest : public ServiceTest {};

TEST_F(CasesServiceTest, SetCreatesCaseAndTypedVariables) {
  ASSERT_TRUE(set_case_values(
      ctx(), "Jane Doe",
      {{"role", "student"}, {"age", "23"}, {"consented", "yes"}, {"interviewed", "2025-03-14"}}));
  auto vars = list_variables(*store_);
  ASSERT_EQ(vars->size(), 4u);
  EXPECT_EQ((*vars)[0].name, "age");
  EXPECT_EQ((*vars)[0].type, VariableType::kNumber);
  EXPECT_EQ((*vars)[1].type, VariableType::kBoolean);
  EXPECT_EQ((*vars)[2].type, VariableType::kDate);
  EXPECT_EQ((*vars)[3].type, VariableType::kText);
  auto cases = list_cases(*store_);
  ASSERT_EQ(cases->size(), 1u);
  using Values = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ((*cases)[0].values, (Values{{"age", "23"},
                                        {"consented", "true"},
                                        {"interviewed", "2025-03-14"},
                                        {"role", "student"}}));
}

TEST_F(CasesServiceTest, ValueOfWrongTypeChangesNothing) {
  ASSERT_TRUE(set_case_values(ctx(), "Jane Doe", {{"age", "23"}}));
  std::int64_t before = event_count();
  auto bad = set_case_values(ctx(), "John Roe", {{"role", "advisor"}, {"age", "fifty"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("'fifty' is not a number"), std::string::npos);
  EXPECT_EQ(list_cases(*store_)->size(), 1u);
  EXPECT_EQ(list_variables(*store_)->size(), 1u);
  EXPECT_EQ(event_count(), before);
}

TEST_F(CasesServiceTest, CategoryVariablesAndClearing) {
  ASSERT_TRUE(add_variable(ctx(), "group", VariableType::kCategory, {"MS", "SGA", "MCL"}));
  EXPECT_FALSE(add_variable(ctx(), "other", VariableType::kCategory, {}));
  ASSERT_TRUE(set_case_values(ctx(), "P07", {{"group", "SGA"}}));
  auto bad = set_case_values(ctx(), "P07", {{"group", "nurse"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("use one of: MS, SGA, MCL"), std::string::npos);
  ASSERT_TRUE(set_case_values(ctx(), "P07", {{"group", ""}}));
  EXPECT_TRUE((*list_cases(*store_))[0].values.empty());
}

TEST_F(CasesServiceTest, LinksToDocumentsAndRanges) {
  import("fg-1", "Student: I feel ashamed asking.");
  ASSERT_TRUE(link_case(ctx(), "S1", "fg-1", Range{0, 31}));
  ASSERT_TRUE(link_case(ctx(), "Group A", "fg-1", std::nullopt));
  auto dup = link_case(ctx(), "S1", "fg-1", Range{0, 31});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
  auto past = link_case(ctx(), "S1", "fg-1", Range{0, 99});
  ASSERT_FALSE(past);
  auto cases = list_cases(*store_);
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[1].kase.name, "S1");
  ASSERT_EQ((*cases)[1].links.size(), 1u);
  EXPECT_EQ((*cases)[1].links[0].range, std::optional<Range>(Range{0, 31}));
  ASSERT_TRUE(delete_case(ctx(), "S1"));
  EXPECT_EQ(list_cases(*store_)->size(), 1u);
}

}  // namespace
}  // namespace thematica::testing
