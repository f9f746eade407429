#include "interop/offset_counting.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

// "Hi 👍\r\nok": H i space 👍 CR LF o k = 8 code points; 👍 is two UTF-16 units.
constexpr std::string_view kText = "Hi \xF0\x9F\x91\x8D\r\nok";

TEST(OffsetCountingTest, ConvertsEachCountingBothWays) {
  PositionMap points(kText, Counting{false, false});
  EXPECT_EQ(points.to_units(6), 6u);
  EXPECT_EQ(points.to_code_point(8), 8u);
  EXPECT_EQ(points.to_code_point(9), std::nullopt);

  PositionMap nvivo(kText, Counting{true, false});
  EXPECT_EQ(nvivo.to_units(3), 3u);  // the emoji starts at 3
  EXPECT_EQ(nvivo.to_units(4), 5u);  // and takes two units
  EXPECT_EQ(nvivo.to_units(6), 7u);  // "o"
  EXPECT_EQ(nvivo.to_code_point(7), 6u);
  EXPECT_EQ(nvivo.to_code_point(4), std::nullopt);  // inside the surrogate pair
  EXPECT_EQ(nvivo.length_in_units(), 9u);

  PositionMap atlas(kText, Counting{false, true});
  EXPECT_EQ(atlas.to_units(4), 4u);       // CR
  EXPECT_EQ(atlas.to_units(5), 5u);       // LF shares the CR's position
  EXPECT_EQ(atlas.to_units(6), 5u);       // so "o" is 5
  EXPECT_EQ(atlas.to_code_point(5), 6u);  // the later of LF and "o": a selection starts at "o"
  EXPECT_EQ(atlas.length_in_units(), 7u);

  PositionMap both(kText, Counting{true, true});
  EXPECT_EQ(both.to_units(6), 6u);
  EXPECT_EQ(both.to_code_point(6), 6u);
}

TEST(OffsetCountingTest, ChoosesTheCountingUnderWhichNamesMatch) {
  auto text = Text::from_utf8("One \xF0\x9F\x98\x80 two\r\nthree four\r\nfive").value();
  // "four" is code points 17..21; NVivo-style units add one for the emoji before it.
  std::vector<SelectionClaim> claims = {{18, 22, "four"}, {7, 10, "two"}};
  auto choice = choose_counting(text, claims, Counting{});
  EXPECT_EQ(choice.counting, (Counting{true, false}));
  EXPECT_EQ(choice.confirmed, 2);
  EXPECT_FALSE(choice.by_default);
  EXPECT_EQ(describe(choice),
            "UTF-16 units, CRLF = 2 (2 of 2 named selections match their text; 2 of 2 "
            "selections start and end on word boundaries)");

  // ATLAS.ti-style: CRLF as one, a long name shortened with "…" and line breaks as spaces.
  claims = {{10, 25, "three four five"}, {6, 13, "two thr\xE2\x80\xA6"}};
  choice = choose_counting(text, claims, Counting{});
  EXPECT_EQ(choice.counting, (Counting{false, true}));
  EXPECT_EQ(choice.confirmed, 2);
}

TEST(OffsetCountingTest, FallsBackToTheProgramsDefaultWhenNoNameDecides) {
  auto text = Text::from_utf8("a\r\nb").value();
  auto choice = choose_counting(text, {{0, 1, ""}}, default_counting("NVivo for Windows 12.6"));
  EXPECT_TRUE(choice.by_default);
  EXPECT_EQ(choice.counting, (Counting{true, false}));
  EXPECT_EQ(default_counting("ATLAS.ti 8.4.0"), (Counting{false, true}));
  EXPECT_EQ(default_counting("MAXQDA 2022"), (Counting{false, true}));
  EXPECT_EQ(default_counting("qc 1.3.2"), (Counting{}));

  auto plain = Text::from_utf8("no line breaks").value();
  choice = choose_counting(plain, {}, Counting{});
  EXPECT_FALSE(choice.differs);
  EXPECT_EQ(describe(choice),
            "code points (no CRLF and no character beyond U+FFFF, so every counting agrees)");
}

}  // namespace
}  // namespace thematica::testing
