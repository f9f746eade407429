// The unitizing alphas' corner cases (the published examples are in agreement_reference_test).
#include "stats/unitizing.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

TEST(UnitizingTest, IdenticalSegmentationAgreesPerfectly) {
  Continuum c{100, 2, {{{10, 30, 1}, {50, 60, 2}}, {{10, 30, 1}, {50, 60, 2}}}};
  auto result = unitizing_agreement(c);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_DOUBLE_EQ(*result->u_alpha.value, 1.0);
  EXPECT_DOUBLE_EQ(*result->binary_u_alpha.value, 1.0);
  EXPECT_DOUBLE_EQ(*result->cu_alpha.value, 1.0);
  EXPECT_DOUBLE_EQ(*result->per_value[0].value, 1.0);
  EXPECT_DOUBLE_EQ(result->coverage, 0.3);
}

TEST(UnitizingTest, OneValueLeavesCuAlphaUndefinedWithTheReason) {
  Continuum c{100, 1, {{{10, 30, 1}}, {{12, 30, 1}}}};
  auto result = unitizing_agreement(c);
  ASSERT_TRUE(result);
  ASSERT_TRUE(result->binary_u_alpha.value);
  EXPECT_FALSE(result->cu_alpha.value);
  EXPECT_EQ(result->cu_alpha.why_undefined,
            "fewer than two values meet in units coded by different coders");
}

TEST(UnitizingTest, BadSegmentsAreRefused) {
  EXPECT_EQ(unitizing_agreement({100, 1, {{{10, 30, 1}, {20, 40, 1}}, {}}}).error().message,
            "coder 1: segments overlap at [20, 30); unitizing needs each coder's segments to be "
            "separate");
  EXPECT_EQ(unitizing_agreement({100, 1, {{{90, 120, 1}}, {}}}).error().message,
            "coder 1: segment [90, 120) is empty or outside the continuum [0, 100)");
  EXPECT_EQ(unitizing_agreement({100, 1, {{{10, 20, 1}}}}).error().message,
            "unitizing agreement needs two or more coders");
  EXPECT_EQ(unitizing_agreement({100, 1, {{{10, 20, 2}}, {}}}).error().message,
            "coder 1: segment [10, 20) has value 2, not 1..1");
}

}  // namespace
}  // namespace thematica::testing
