#include "report/quote_text.hpp"

#include <gtest/gtest.h>

namespace thematica::report {
namespace {

TEST(QuoteTextTest, RemovesFillersWithTheirCommaAndSpace) {
  EXPECT_EQ(without_fillers("Well, um, I think she was rushed"), "Well, I think she was rushed");
  EXPECT_EQ(without_fillers("So uh the consultant just left"), "So the consultant just left");
  EXPECT_EQ(without_fillers("Um, I felt ashamed"), "I felt ashamed");
  EXPECT_EQ(without_fillers("Ummm,   you notice it"), "you notice it");
  EXPECT_EQ(without_fillers("it was, erm, hmm, hard"), "it was, hard");
}

TEST(QuoteTextTest, AFillerEndingASentenceHandsOnItsFullStop) {
  EXPECT_EQ(without_fillers("I don't know, um. Then she cried"), "I don't know. Then she cried");
  EXPECT_EQ(without_fillers("Was it kind, uh?"), "Was it kind?");
  EXPECT_EQ(without_fillers("That was it. Um."), "That was it.");
}

TEST(QuoteTextTest, KeepsWordsThatOnlyLookLikeFillers) {
  EXPECT_EQ(without_fillers("I worked in the ER at night"), "I worked in the ER at night");
  EXPECT_EQ(without_fillers("the umbrella, the summer, hummus"),
            "the umbrella, the summer, hummus");
  EXPECT_EQ(without_fillers("line one\n\nline two"), "line one\n\nline two");
  EXPECT_EQ(without_fillers("first\num second"), "first second");
  EXPECT_EQ(without_fillers("café 😀 um naïve"), "café 😀 naïve");
}

TEST(QuoteTextTest, TrimsAtAWordBoundaryWithAnEllipsis) {
  EXPECT_EQ(trimmed_quote("you just keep going, even when you are empty", 4),
            "you just keep going …");
  EXPECT_EQ(trimmed_quote("the ward was loud; nobody listened", 4), "the ward was loud …");
  EXPECT_EQ(trimmed_quote("short quote", 4), "short quote");
  EXPECT_EQ(trimmed_quote("exactly four words here", 4), "exactly four words here");
  EXPECT_EQ(trimmed_quote("no limit at all here", 0), "no limit at all here");
  EXPECT_EQ(trimmed_quote("naïve café\n😀 kindness matters", 3), "naïve café\n😀 …");
}

}  // namespace
}  // namespace thematica::report
