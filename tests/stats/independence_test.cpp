#include "stats/independence.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thematica::stats {
namespace {

double log_choose(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

// Fisher's tea-tasting experiment (Fisher, The Design of Experiments, 1935): 3 of 4 cups
// identified correctly; the two-sided p is 34/70.
TEST(IndependenceTest, FisherTeaTasting) {
  auto test = fisher_exact_test({{3, 1}, {1, 3}});
  EXPECT_EQ(test.method, "Fisher's exact test");
  EXPECT_NEAR(test.p_value, 34.0 / 70.0, 1e-12);
  EXPECT_EQ(test.df, 1);
  // Small expected counts (2 in every cell): the automatic choice is Fisher's test.
  EXPECT_EQ(independence_test({{3, 1}, {1, 3}}).method, "Fisher's exact test");
}

// The dieting example of the Fisher's exact test literature: men 1 of 10, women 11 of 14;
// R's fisher.test gives p = 0.002759.
TEST(IndependenceTest, FisherTwoByTwoAsRComputesIt) {
  EXPECT_NEAR(fisher_exact_test({{1, 9}, {11, 3}}).p_value, 0.002759, 5e-7);
  EXPECT_NEAR(fisher_exact_test({{1, 11}, {9, 3}}).p_value, 0.002759, 5e-7);  // transposed
}

// Party identification by gender (Agresti, An Introduction to Categorical Data Analysis, 2nd
// ed., 2007, table 2.5): X² = 30.07 with 2 df, p = 2.954e-07.
TEST(IndependenceTest, ChiSquareOnAgrestiPartyIdentification) {
  CountTable table = {{762, 327, 468}, {484, 239, 477}};
  auto test = independence_test(table);
  EXPECT_EQ(test.method, "chi-square");
  EXPECT_NEAR(test.statistic, 30.07, 0.005);
  EXPECT_EQ(test.df, 2);
  EXPECT_NEAR(test.p_value, 2.954e-07, 0.0005e-07);
  // With 2 df the chi-square tail is exp(-x/2) exactly.
  EXPECT_NEAR(test.p_value, std::exp(-test.statistic / 2), 1e-15);
}

// A 2 × 3 table against a plain enumeration of every table with its margins.
TEST(IndependenceTest, FisherTwoByThreeMatchesAPlainEnumeration) {
  CountTable table = {{4, 1, 0}, {1, 3, 5}};
  double columns[3] = {5, 4, 5};
  double n = 14, r1 = 5;
  auto probability = [&](int a, int b, int c) {
    return std::exp(log_choose(columns[0], a) + log_choose(columns[1], b) +
                    log_choose(columns[2], c) - log_choose(n, r1));
  };
  double observed = probability(4, 1, 0), expected_p = 0;
  for (int a = 0; a <= 5; ++a) {
    for (int b = 0; b <= 4; ++b) {
      int c = 5 - a - b;
      if (c < 0 || c > 5) continue;
      double p = probability(a, b, c);
      if (p <= observed * (1 + 1e-7)) expected_p += p;
    }
  }
  auto test = independence_test(table);
  EXPECT_EQ(test.method, "Fisher's exact test");
  EXPECT_NEAR(test.p_value, expected_p, 1e-12);
  EXPECT_EQ(test.df, 2);
  EXPECT_LT(test.p_value, 0.05);
}

TEST(IndependenceTest, EmptyRowsAndColumnsAreLeftOutAndOneGroupIsNotATest) {
  // A group with no members (an empty column) changes nothing.
  auto with_empty = independence_test({{3, 0, 1}, {1, 0, 3}});
  EXPECT_NEAR(with_empty.p_value, 34.0 / 70.0, 1e-12);
  EXPECT_EQ(with_empty.df, 1);
  EXPECT_EQ(independence_test({{3, 0}, {1, 0}}).method, "not applicable");
  EXPECT_EQ(independence_test({}).method, "not applicable");
  EXPECT_EQ(fisher_exact_test({{1, 2, 3}, {3, 2, 1}, {2, 2, 2}}).method, "not applicable");
  // A 3 × 3 table with small expected counts: chi-square, saying its p is approximate.
  EXPECT_EQ(independence_test({{1, 2, 3}, {3, 2, 1}, {2, 2, 2}}).method,
            "chi-square (expected counts below 5)");
}

}  // namespace
}  // namespace thematica::stats
