#include "core/guid.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

namespace thematica {
namespace {

TEST(GuidTest, NewGuidsAreVersion7UniqueAndOrdered) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 2000; ++i) {
    std::string g = new_guid();
    ASSERT_TRUE(is_guid(g)) << g;
    EXPECT_EQ(g[14], '7');
    EXPECT_TRUE(g[19] == '8' || g[19] == '9' || g[19] == 'a' || g[19] == 'b');
    EXPECT_LT(previous, g);  // time-ordered: inserts append to indexes
    previous = g;
    seen.insert(g);
  }
  EXPECT_EQ(seen.size(), 2000u);
}

TEST(GuidTest, RecognisesEitherCase) {
  EXPECT_TRUE(is_guid("2C0E1D1B-7C2A-4F43-9C9D-0B3E7A1F5E21"));
  EXPECT_FALSE(is_guid("2C0E1D1B7C2A4F439C9D0B3E7A1F5E21"));
  EXPECT_FALSE(is_guid("2C0E1D1B-7C2A-4F43-9C9D-0B3E7A1F5E2Z"));
  // The characters next to the digits and to a-f / A-F.
  for (char c : {'/', ':', '@', 'G', '`', 'g'}) {
    EXPECT_FALSE(is_guid(std::string("2c0e1d1b-7c2a-4f43-9c9d-0b3e7a1f5e2") + c)) << c;
  }
  EXPECT_TRUE(is_guid("09afAF09-0000-0000-0000-000000000000"));
  // A digit out of place at each group's edge, a dash moved, and bytes beyond ASCII.
  for (std::size_t at : {0, 7, 9, 12, 14, 19, 24, 35}) {
    std::string bad = "2c0e1d1b-7c2a-4f43-9c9d-0b3e7a1f5e21";
    bad[at] = 'x';
    EXPECT_FALSE(is_guid(bad)) << at;
    EXPECT_FALSE(guid_bytes(bad)) << at;
  }
  EXPECT_FALSE(is_guid("2c0e1d1b7-c2a-4f43-9c9d-0b3e7a1f5e21"));
  EXPECT_FALSE(is_guid("2c0e1d1b-7c2a-4f43-9c9d-0b3e7a1f5e2\xC3"));
  EXPECT_FALSE(is_guid(std::string("2c0e1d1b-7c2a-4f43-9c9d-0b3e7a1f5e2\0", 36)));
}

TEST(GuidTest, BytesAreTheDigitPairsInOrderEitherCase) {
  auto g = guid_bytes("09AFaf10-2c0E-4f43-9C9d-0b3e7a1f5eFF");
  ASSERT_TRUE(g);
  const std::array<std::uint8_t, 16> expected = {0x09, 0xAF, 0xAF, 0x10, 0x2C, 0x0E, 0x4F, 0x43,
                                                 0x9C, 0x9D, 0x0B, 0x3E, 0x7A, 0x1F, 0x5E, 0xFF};
  EXPECT_EQ(g->bytes, expected);
  EXPECT_EQ(guid_string(*g), "09afaf10-2c0e-4f43-9c9d-0b3e7a1f5eff");
  EXPECT_FALSE(guid_bytes("09AFaf10-2c0E-4f43-9C9d-0b3e7a1f5eF"));
}

}  // namespace
}  // namespace thematica
