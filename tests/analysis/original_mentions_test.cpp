#include "analysis/original_mentions.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(OriginalMentionsTest, FindsWholeWordsAsWrittenLowerAndUpperLongestFirst) {
  OriginalsFinder finder({"Priya", "Priya Raman", "Ben", "Zo\xC3\xAB"});
  std::string text =
      "PRIYA said Priya Raman's notes and priya raman, not Benefits or Ben's; Zo\xC3\xAB too. "
      "Priya Ramanathan";
  auto found = finder.find(text);
  ASSERT_EQ(found.size(), 6u);
  auto at = [&](std::size_t i) {
    return text.substr(found[i].begin, found[i].end - found[i].begin);
  };
  EXPECT_EQ(at(0), "PRIYA");
  EXPECT_EQ(found[0].original, 0u);
  EXPECT_EQ(at(1), "Priya Raman");
  EXPECT_EQ(found[1].original, 1u);
  EXPECT_EQ(at(2), "priya raman");
  EXPECT_EQ(at(3), "Ben");
  EXPECT_EQ(at(4), "Zo\xC3\xAB");
  EXPECT_EQ(found[4].original, 3u);
  EXPECT_EQ(at(5), "Priya");  // "Priya Raman" is not whole in "Priya Ramanathan"
  EXPECT_EQ(found[5].begin, text.size() - 16);
}

TEST(OriginalMentionsTest, ANameThatIsAWordIsNotFoundInLowerCase) {
  OriginalsFinder finder({"Mark", "Mark Ellison"});
  std::string text = "Mark said the mark sheet was Mark Ellison's, not mark ellison's.";
  std::vector<std::string> found;
  for (const auto& m : finder.find(text)) found.push_back(text.substr(m.begin, m.end - m.begin));
  EXPECT_EQ(found, (std::vector<std::string>{"Mark", "Mark Ellison", "mark ellison"}));
}

TEST(OriginalMentionsTest, ReplacesMentionsOrSaysThereWereNone) {
  OriginalsFinder finder({"Helen Marsh", "Helen"});
  auto replaced = finder.replace("left 'Helen Marsh' out; Helen's turn", {"[P01]", "[P01]"});
  ASSERT_TRUE(replaced);
  EXPECT_EQ(*replaced, "left '[P01]' out; [P01]'s turn");
  EXPECT_EQ(finder.replace("Helena and Marsh", {"x", "y"}), std::nullopt);
  EXPECT_EQ(OriginalsFinder({}).replace("anything", {}), std::nullopt);
}

}  // namespace
}  // namespace thematica
