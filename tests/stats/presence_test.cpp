// Presence/absence data kept sparsely must give the published values of binary examples.
#include "stats/presence.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stats/kappa.hpp"
#include "stats/weights.hpp"

namespace thematica::testing {
namespace {

// A binary coder-by-unit example from ../shared/icr/vectors.json as a presence table.
PresenceTable presence_of(const std::string& key) {
  std::ifstream in(std::string(THEMATICA_SHARED_DIR) + "/icr/vectors.json");
  auto data = nlohmann::json::parse(in)[key]["data"];  // one row per coder
  PresenceTable table(data.size());
  for (std::size_t u = 0; u < data[0].size(); ++u) {
    std::uint64_t mask = 0;
    for (std::size_t coder = 0; coder < data.size(); ++coder) {
      if (data[coder][u].get<int>() == 1) mask |= std::uint64_t{1} << coder;
    }
    mask != 0 ? table.add_present(mask) : table.add_absent(1);
  }
  return table;
}

TEST(PresenceTest, ReproducesKrippendorff2004BinaryExample) {
  auto table = presence_of("K2004BIN");
  auto alpha = krippendorff_alpha(table.coincidences(), Level::kNominal);
  ASSERT_TRUE(alpha.value);
  EXPECT_NEAR(*alpha.value, 0.095, 0.0005);  // pp. 224-226
  EXPECT_NEAR(alpha.observed, 0.4, 0.00005);
  EXPECT_NEAR(alpha.expected, 0.442, 0.0005);
  EXPECT_EQ(alpha.units, 10u);
  EXPECT_NEAR(*percent_agreement(table).value, 0.6, 1e-12);
}

TEST(PresenceTest, ReproducesKrippendorff1995ExampleA) {
  auto table = presence_of("K1995_A");
  auto alpha = krippendorff_alpha(table.coincidences(), Level::kNominal);
  auto kappa = cohen_kappa(table.crosstab(), agreement_weights(Weighting::kIdentity, {0, 1}));
  ASSERT_TRUE(alpha.value && kappa.value);
  EXPECT_NEAR(*alpha.value, 0.329, 0.0005);  // p. 57
  EXPECT_NEAR(*kappa.value, 0.385, 0.0005);
}

// Three coders; worked by hand: 2 units all present, 1 unit with two of three, 1 with one of
// three, 4 all absent. n = 24 values, 9 present. Mixed pairs: 2*2*1/2 + 2*1*2/2 = 4, so
// D_o = 4/24; D_e = 2*9*15/(24*23); alpha = 1 - (4/24)/(270/552) = 1 - 92/270.
TEST(PresenceTest, HandlesThreeCodersAndAppends) {
  PresenceTable first(3), second(3);
  first.add_present(0b111);
  first.add_present(0b011);
  first.add_absent(3);
  second.add_present(0b111);
  second.add_present(0b100);
  second.add_absent(1);
  first.append(second);
  EXPECT_EQ(first.units(), 8u);
  EXPECT_EQ(first.units_all_present(), 2u);
  auto alpha = krippendorff_alpha(first.coincidences(), Level::kNominal);
  ASSERT_TRUE(alpha.value);
  EXPECT_NEAR(*alpha.value, 1 - 92.0 / 270.0, 1e-12);
  // Pairs agreeing: 6 units of 3/3 and two units of 1/3: (6 + 2/3) / 8.
  EXPECT_NEAR(*percent_agreement(first).value, (6 + 2.0 / 3) / 8, 1e-12);
}

TEST(PresenceTest, AlphaIsUndefinedWhenNobodySaysPresent) {
  PresenceTable table(2);
  table.add_absent(5);
  auto alpha = krippendorff_alpha(table.coincidences(), Level::kNominal);
  EXPECT_FALSE(alpha.value);
  EXPECT_NE(alpha.why_undefined.find("every pairable value is the same (0)"), std::string::npos);
}

}  // namespace
}  // namespace thematica::testing
