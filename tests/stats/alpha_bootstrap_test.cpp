// Bootstrap intervals have no published reference values; these figures come from an independent
// implementation of the same algorithms (written apart from this one, in exact rational arithmetic,
// with the same SplitMix64 draws), so a change in either shows up here.
#include "stats/alpha_bootstrap.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

// Krippendorff (2011), the four-coder example with missing values.
Ratings ka2011() {
  const double m = kMissing;
  const std::vector<std::vector<double>> by_coder = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
      {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m},
  };
  Ratings r(12, 4);
  for (std::size_t c = 0; c < 4; ++c) {
    for (std::size_t u = 0; u < 12; ++u) r.set(u, c, by_coder[c][u]);
  }
  return r;
}

double share_below(const AlphaInterval& interval, double minimum) {
  for (const auto& [m, q] : interval.below) {
    if (m == minimum) return q;
  }
  return -1;
}

TEST(AlphaBootstrapTest, KrippendorffsAlgorithmNominal) {
  BootstrapOptions options;
  options.samples = 2000;
  options.seed = 20240601;
  auto interval = bootstrap_alpha(pairable_values(ka2011()), Level::kNominal, options);
  ASSERT_TRUE(interval) << interval.error().message;
  EXPECT_EQ(interval->draws, 60u);  // min(25 x 12 non-zero cells, 40 x 3 / 2)
  EXPECT_DOUBLE_EQ(interval->low, 0.59375);
  EXPECT_NEAR(interval->high, 0.8717105263157895, 1e-12);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.9), 0.994);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.8), 0.784);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.667), 0.128);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.5), 0.0005);
}

TEST(AlphaBootstrapTest, KrippendorffsAlgorithmInterval) {
  BootstrapOptions options;
  options.samples = 2000;
  options.seed = 7;
  auto interval = bootstrap_alpha(pairable_values(ka2011()), Level::kInterval, options);
  ASSERT_TRUE(interval) << interval.error().message;
  EXPECT_NEAR(interval->low, 0.7098214285714286, 1e-12);
  EXPECT_NEAR(interval->high, 0.9477678571428572, 1e-12);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.8), 0.188);
  EXPECT_DOUBLE_EQ(share_below(*interval, 0.667), 0.0065);
}

TEST(AlphaBootstrapTest, UnitResampling) {
  BootstrapOptions options;
  options.method = BootstrapMethod::kUnits;
  options.samples = 500;
  options.seed = 20240601;
  auto interval = bootstrap_alpha(pairable_values(ka2011()), Level::kNominal, options);
  ASSERT_TRUE(interval) << interval.error().message;
  EXPECT_NEAR(interval->low, 0.43283582089552236, 1e-12);
  EXPECT_DOUBLE_EQ(interval->high, 1.0);
  EXPECT_EQ(interval->undefined, 0u);
}

TEST(AlphaBootstrapTest, TheSameSeedGivesTheSameIntervalAndAnotherSeedAnother) {
  BootstrapOptions options;
  options.samples = 1000;
  auto data = pairable_values(ka2011());
  auto first = bootstrap_alpha(data, Level::kNominal, options);
  auto again = bootstrap_alpha(data, Level::kNominal, options);
  options.seed = 2;
  auto other = bootstrap_alpha(data, Level::kNominal, options);
  ASSERT_TRUE(first && again && other);
  EXPECT_EQ(first->low, again->low);
  EXPECT_EQ(first->high, again->high);
  EXPECT_EQ(first->below, again->below);
  // With 60 pairs per sample the interval's ends are coarse; the shares below show the draws.
  EXPECT_NE(first->below, other->below);
}

TEST(AlphaBootstrapTest, UndefinedAlphaHasNoInterval) {
  Ratings same(3, 2);
  for (std::size_t u = 0; u < 3; ++u) {
    same.set(u, 0, 1);
    same.set(u, 1, 1);
  }
  auto interval = bootstrap_alpha(pairable_values(same), Level::kNominal, {});
  ASSERT_FALSE(interval);
  EXPECT_EQ(interval.error().message,
            "no interval: alpha is undefined (every pairable value is the same (1), so the "
            "disagreement expected by chance is zero and alpha is undefined (0/0))");
  BootstrapOptions none;
  none.samples = 0;
  EXPECT_EQ(bootstrap_alpha(pairable_values(ka2011()), Level::kNominal, none).error().message,
            "bootstrap samples must be > 0");
}

}  // namespace
}  // namespace thematica::testing
