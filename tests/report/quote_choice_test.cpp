#include "report/quote_choice.hpp"

#include <gtest/gtest.h>

namespace thematica::report {
namespace {

// Views: the callers pass string literals, which outlive the candidates.
QuoteCandidate quote(std::string_view document, std::uint64_t start, std::int64_t turn,
                     std::string_view speaker, std::string_view group, bool representative = false,
                     std::uint64_t length = 100) {
  return QuoteCandidate{document, start, length, turn, speaker, group, representative};
}

TEST(QuoteChoiceTest, RepresentativeQuotesComeFirstThenTheFillSpreadsOverGroups) {
  std::vector<QuoteCandidate> c = {
      quote("fg-students", 100, 1, "S1", "MS"),                    // 0
      quote("fg-students", 900, 4, "S2", "MS"),                    // 1
      quote("fg-advisors", 300, 2, "A1", "SGA", /*marked=*/true),  // 2
      quote("fg-advisors", 700, 5, "A2", "SGA"),                   // 3
      quote("fg-leaders", 50, 0, "L1", "CL"),                      // 4
  };
  // The marked one (SGA); then CL and MS (none chosen yet; by name); then, all groups at one,
  // MS again before SGA (by name). Listed in document order.
  EXPECT_EQ(choose_quotes(c, 1), (std::vector<std::size_t>{2}));
  EXPECT_EQ(choose_quotes(c, 2), (std::vector<std::size_t>{2, 4}));
  EXPECT_EQ(choose_quotes(c, 3), (std::vector<std::size_t>{2, 4, 0}));
  EXPECT_EQ(choose_quotes(c, 4), (std::vector<std::size_t>{2, 4, 0, 1}));
  EXPECT_EQ(choose_quotes(c, 9), (std::vector<std::size_t>{2, 3, 4, 0, 1}));
}

TEST(QuoteChoiceTest, NeverTwoFromOneTurnUnlessTheResearcherMarkedThem) {
  std::vector<QuoteCandidate> c = {
      quote("fg", 10, 3, "S1", "MS"),
      quote("fg", 60, 3, "S1", "MS"),
      quote("fg", 200, 7, "S1", "MS"),
  };
  EXPECT_EQ(choose_quotes(c, 3), (std::vector<std::size_t>{0, 2}));
  c[0].representative = c[1].representative = true;
  EXPECT_EQ(choose_quotes(c, 3), (std::vector<std::size_t>{0, 1, 2}));
  // More marked quotes than asked for: the first ones in document order.
  c[2].representative = true;
  EXPECT_EQ(choose_quotes(c, 2), (std::vector<std::size_t>{0, 1}));
}

TEST(QuoteChoiceTest, SpreadsOverSpeakersAndPrefersReadableLengths) {
  std::vector<QuoteCandidate> c = {
      quote("fg", 10, 1, "S1", "MS", false, 12),    // too short to say much
      quote("fg", 100, 2, "S1", "MS", false, 150),  // S1 again
      quote("fg", 400, 3, "S2", "MS", false, 900),  // too long for a cell
      quote("fg", 900, 4, "S2", "MS", false, 200),
  };
  // First pick: S1 (by name) and its readable quote; second: S2's readable quote.
  EXPECT_EQ(choose_quotes(c, 2), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(choose_quotes(c, 4), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(QuoteChoiceTest, UnknownGroupsAndSpeakersComeLastAndDuplicatesOnce) {
  std::vector<QuoteCandidate> c = {
      quote("notes", 5, -1, "", ""),
      quote("notes", 5, -1, "", ""),  // the same passage coded twice (two coders)
      quote("fg", 500, 2, "S9", "MS"),
  };
  EXPECT_EQ(choose_quotes(c, 1), (std::vector<std::size_t>{2}));
  EXPECT_EQ(choose_quotes(c, 3), (std::vector<std::size_t>{2, 0}));
  EXPECT_TRUE(choose_quotes({}, 3).empty());
  EXPECT_TRUE(choose_quotes(c, 0).empty());
}

}  // namespace
}  // namespace thematica::report
