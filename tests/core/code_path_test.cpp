#include "core/code_path.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(CodePathTest, SplitsAndTrimsLevels) {
  auto names = parse_code_path(" Barriers / Time constraints ");
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"Barriers", "Time constraints"}));
}

TEST(CodePathTest, EscapedSlashStaysInName) {
  auto names = parse_code_path("Roles/Student\\/trainee");
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"Roles", "Student/trainee"}));
  EXPECT_EQ(format_code_path(*names), "Roles/Student\\/trainee");
}

TEST(CodePathTest, RejectsEmptyLevelsAndControlCharacters) {
  EXPECT_FALSE(parse_code_path(""));
  EXPECT_FALSE(parse_code_path("a//b"));
  EXPECT_FALSE(parse_code_path("/a"));
  EXPECT_FALSE(parse_code_path("a\\"));
  EXPECT_FALSE(parse_code_path("tab\there"));
}

}  // namespace
}  // namespace thematica
