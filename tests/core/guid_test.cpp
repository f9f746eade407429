#include "core/guid.hpp"

#include <gtest/gtest.h>

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
}

}  // namespace
}  // namespace thematica
