#include "core/range.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(RangeTest, ParsesStartColonEnd) {
  auto r = parse_range("120:164");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (Range{120, 164}));
  EXPECT_EQ(r->length(), 44u);
}

TEST(RangeTest, RejectsMalformedAndReversed) {
  for (const char* bad : {"", "12", "a:b", "1:2:3", "-1:4", "5:"}) {
    auto r = parse_range(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  }
  auto reversed = parse_range("9:3");
  ASSERT_FALSE(reversed);
  EXPECT_NE(reversed.error().message.find("reversed"), std::string::npos);
}

TEST(RangeTest, ChecksAgainstTextLength) {
  EXPECT_TRUE(check_range({0, 10}, 10));
  auto past = check_range({5, 11}, 10);
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().message.find("has 10 code points"), std::string::npos);
  EXPECT_FALSE(check_range({4, 4}, 10));
  EXPECT_FALSE(check_range({6, 4}, 10));
}

TEST(RangeTest, OverlapIsHalfOpen) {
  EXPECT_TRUE((Range{0, 5}).overlaps({4, 8}));
  EXPECT_FALSE((Range{0, 5}).overlaps({5, 8}));
}

}  // namespace
}  // namespace thematica
