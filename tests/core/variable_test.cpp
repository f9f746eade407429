#include "core/variable.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(VariableTest, InfersTypeFromFirstValue) {
  EXPECT_EQ(infer_variable_type("34"), VariableType::kNumber);
  EXPECT_EQ(infer_variable_type("2.5"), VariableType::kNumber);
  EXPECT_EQ(infer_variable_type("2024-02-29"), VariableType::kDate);
  EXPECT_EQ(infer_variable_type("yes"), VariableType::kBoolean);
  EXPECT_EQ(infer_variable_type("student"), VariableType::kText);
  EXPECT_EQ(infer_variable_type("2023-02-29"), VariableType::kText);  // not a real date
}

TEST(VariableTest, CanonicalisesAndValidatesValues) {
  Variable flag{1, "g", "consented", VariableType::kBoolean, {}};
  EXPECT_EQ(*canonical_value(flag, "Yes"), "true");
  EXPECT_EQ(*canonical_value(flag, "0"), "false");
  EXPECT_FALSE(canonical_value(flag, "maybe"));

  Variable age{2, "g", "age", VariableType::kNumber, {}};
  EXPECT_EQ(*canonical_value(age, "41"), "41");
  auto bad = canonical_value(age, "forty");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("age is a number variable"), std::string::npos);

  Variable when{3, "g", "session", VariableType::kDate, {}};
  EXPECT_TRUE(canonical_value(when, "2025-12-31"));
  EXPECT_FALSE(canonical_value(when, "31/12/2025"));
}

TEST(VariableTest, CategoryListsAllowedValues) {
  Variable role{4, "g", "role", VariableType::kCategory, {"MS", "SGA", "MCL"}};
  EXPECT_EQ(*canonical_value(role, "SGA"), "SGA");
  auto bad = canonical_value(role, "nurse");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("use one of: MS, SGA, MCL"), std::string::npos);
}

TEST(VariableTest, ParsesTypeNames) {
  EXPECT_EQ(*parse_variable_type("Category"), VariableType::kCategory);
  EXPECT_FALSE(parse_variable_type("colour"));
}

}  // namespace
}  // namespace thematica
