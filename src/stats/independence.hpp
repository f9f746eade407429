#pragma once
// Tests of independence for a contingency table of counts (rows × columns), as a report's
// code × group matrix uses them: Pearson's chi-square test, and Fisher's exact test for tables
// with two rows or two columns when expected counts are small. Formulas and sources:
// docs/methods/reports.md.

#include <cstdint>
#include <string>
#include <vector>

namespace thematica::stats {

using CountTable = std::vector<std::vector<std::int64_t>>;  // rows of equal length

struct IndependenceTest {
  // "chi-square", "Fisher's exact test", or "not applicable" (fewer than two non-empty rows or
  // columns, where there is nothing to compare).
  std::string method;
  double statistic = 0;  // Pearson's X² (also computed when Fisher's test is the one used)
  int df = 0;            // (rows - 1)(columns - 1) over non-empty rows and columns
  double p_value = 1;    // two-sided
  double min_expected = 0;
};

// Pearson's X² = Σ (O - E)² / E with E = row total × column total / n, without continuity
// correction; p from the chi-square distribution with df degrees of freedom. Rows and columns
// whose total is zero are left out.
IndependenceTest chi_square_test(const CountTable& table);

// Fisher's exact test for a table with two rows or two columns (the other dimension any size):
// the probability, given the margins, of every table no more probable than the one observed
// (the two-sided p-value as R's fisher.test computes it, with a relative tolerance of 1e-7).
// A table with more than two rows and columns gets "not applicable".
IndependenceTest fisher_exact_test(const CountTable& table);

// Chi-square when every expected count is at least 5 (Cochran's rule), otherwise Fisher's exact
// test when the table has two rows or two columns; otherwise chi-square, whose p is then
// approximate (the method says so: "chi-square (expected counts below 5)").
IndependenceTest independence_test(const CountTable& table);

}  // namespace thematica::stats
