#include "core/colour.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(ColourTest, NormalisesShortAndUpperCaseForms) {
  EXPECT_EQ(*parse_colour("#E69F00"), "#e69f00");
  EXPECT_EQ(*parse_colour("#abc"), "#aabbcc");
  EXPECT_FALSE(parse_colour("red"));
  EXPECT_FALSE(parse_colour("#12345g"));
}

TEST(ColourTest, PaletteCycles) {
  EXPECT_EQ(palette_colour(0), "#e69f00");
  EXPECT_EQ(palette_colour(12), palette_colour(0));
  EXPECT_NE(palette_colour(1), palette_colour(0));
}

}  // namespace
}  // namespace thematica
