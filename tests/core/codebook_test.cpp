#include "core/codebook.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

Codebook sample() {
  // Barriers(1) > Time constraints(2), Burnout(3); Facilitators(4) > Role models(5)
  std::vector<Code> codes = {
      {1, "g1", std::nullopt, "Barriers", "#000000", {}},
      {2, "g2", 1, "Time constraints", "#000000", {}},
      {3, "g3", 1, "Burnout", "#000000", {}},
      {4, "g4", std::nullopt, "Facilitators", "#000000", {}},
      {5, "g5", 4, "Role models", "#000000", {}},
  };
  return Codebook(codes);
}

TEST(CodebookTest, ResolvesPathsIgnoringAsciiCase) {
  Codebook book = sample();
  auto code = book.resolve("barriers/TIME CONSTRAINTS");
  ASSERT_TRUE(code);
  EXPECT_EQ((*code)->id, 2);
  EXPECT_EQ(book.path_of(2), "Barriers/Time constraints");
}

TEST(CodebookTest, MissingCodeSuggestsSameNameElsewhere) {
  Codebook book = sample();
  auto code = book.resolve("Role models");
  ASSERT_FALSE(code);
  EXPECT_EQ(code.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(code.error().message.find("did you mean 'Facilitators/Role models'"),
            std::string::npos);
}

TEST(CodebookTest, SubtreeAndDepth) {
  Codebook book = sample();
  EXPECT_EQ(book.subtree(1), (std::vector<Id>{1, 2, 3}));
  EXPECT_EQ(book.subtree(5), (std::vector<Id>{5}));
  EXPECT_EQ(book.depth_of(2), 1);
  EXPECT_EQ(book.depth_of(4), 0);
}

TEST(CodebookTest, RefusesMoveBelowItself) {
  Codebook book = sample();
  EXPECT_FALSE(book.check_move(1, 2));
  EXPECT_FALSE(book.check_move(1, 1));
  EXPECT_TRUE(book.check_move(2, 4));
  EXPECT_TRUE(book.check_move(2, std::nullopt));
}

TEST(CodebookTest, TreeOrderPutsParentsFirstAndSortsSiblings) {
  Codebook book = sample();
  std::vector<Id> order;
  for (const Code* c : book.in_tree_order()) order.push_back(c->id);
  EXPECT_EQ(order, (std::vector<Id>{1, 3, 2, 4, 5}));
}

}  // namespace
}  // namespace thematica
