#pragma once
// Reliability data as researchers keep it in a spreadsheet: one row per unit, one column per
// coder, a header row naming the coders, an empty cell (or NA) for a unit a coder did not rate.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "stats/ratings.hpp"

namespace thematica {

struct ReliabilityTable {
  std::vector<std::string> coders;
  Ratings ratings;
  // When every value is a number, the ratings are those numbers and `labels` is empty. Otherwise
  // the values are labels (nominal data): ratings hold 1, 2, ... for labels[0], labels[1], ...,
  // numbered in order of first appearance.
  std::vector<std::string> labels;
  bool numeric() const { return labels.empty(); }
};

// Errors (kInvalidInput, naming the line): malformed CSV; no header or fewer than two coder
// columns; an empty or repeated coder name; a row with more cells than the header; no unit rows.
Result<ReliabilityTable> parse_reliability_csv(std::string_view text);

}  // namespace thematica
