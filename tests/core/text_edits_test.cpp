#include "core/text_edits.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

// "Zoë told Dr Okafor about it" — Zoë [0,3), Okafor [12,18).
const std::string kSentence = "Zo\xC3\xAB told Dr Okafor about it";

TEST(TextEditsTest, ReplacesSpansGivenInAnyOrder) {
  Text text = Text::from_utf8(kSentence).value();
  auto edited = apply_edits(text, {{{12, 18}, "[P02]"}, {{0, 3}, "[P01]"}});
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->text, "[P01] told Dr [P02] about it");
}

TEST(TextEditsTest, MapsPositionsAroundAndInsideReplacedSpans) {
  Text text = Text::from_utf8(kSentence).value();
  auto edited = apply_edits(text, {{{0, 3}, "[P01]"}, {{12, 18}, "[P02]"}});
  ASSERT_TRUE(edited);
  const EditMap& map = edited->map;
  // Before, at and after the spans: shifted by +2 after "Zoë", then -1 after "Okafor".
  EXPECT_EQ(map.start(0), 0u);
  EXPECT_EQ(map.end(3), 5u);
  EXPECT_EQ(map.start(3), 5u);
  EXPECT_EQ(map.start(12), 14u);
  EXPECT_EQ(map.end(12), 14u);
  EXPECT_EQ(map.end(18), 19u);
  EXPECT_EQ(map.start(19), 20u);
  EXPECT_EQ(map.end(text.length()), 28u);
  // Inside "Okafor": a start goes to the start of "[P02]", an end to its end.
  EXPECT_EQ(map.start(15), 14u);
  EXPECT_EQ(map.end(15), 19u);
  EXPECT_EQ(map.edit_inside(15), 1u);
  EXPECT_EQ(map.edit_inside(12), std::nullopt);
  EXPECT_EQ(map.edit_inside(18), std::nullopt);
  // "told Dr Okafor" [4,18) still covers the same words: "told Dr [P02]".
  Range r = map.range({4, 18});
  EXPECT_EQ(edited->text.substr(r.start, r.length()), "told Dr [P02]");
}

TEST(TextEditsTest, RefusesOverlappingEmptyOrOutsideEdits) {
  Text text = Text::from_utf8(kSentence).value();
  auto overlap = apply_edits(text, {{{9, 18}, "[x]"}, {{12, 18}, "[P02]"}});
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().message,
            "the replacements at 12-18 and the one before it overlap; keep one of them");
  EXPECT_FALSE(apply_edits(text, {{{4, 4}, "[x]"}}));
  EXPECT_FALSE(apply_edits(text, {{{20, 40}, "[x]"}}));
}

TEST(TextEditsTest, NoEditsLeavesTheTextAndPositions) {
  Text text = Text::from_utf8(kSentence).value();
  auto edited = apply_edits(text, {});
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->text, kSentence);
  EXPECT_EQ(edited->map.start(7), 7u);
  EXPECT_EQ(edited->map.end(7), 7u);
}

}  // namespace
}  // namespace thematica
