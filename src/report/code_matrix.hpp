#pragma once
// A code × group matrix as a results section shows it: for each theme, how many segments,
// documents or participants fall in each group (or document), with row and column percentages and,
// for groups of participants, a test of whether the share of participants who mentioned the theme
// differs between groups. Plain data, filled by services/code_matrix, written by the report
// writers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stats/independence.hpp"

namespace thematica::report {

enum class MatrixCount { kSegments, kDocuments, kParticipants };

struct MatrixRow {
  std::string path;
  std::string name;
  std::string colour;                   // the code's colour, "#rrggbb"
  int depth = 0;                        // sub-themes are indented by depth
  std::vector<std::int64_t> cells;      // one per column; a theme's cells include its sub-themes
  std::int64_t total = 0;               // over all columns (distinct documents or participants)
  std::int64_t participants = 0;        // distinct participants in the row, whatever is counted
  stats::IndependenceTest test;         // "not applicable" when the columns are not groups
  std::vector<std::int64_t> mentioned;  // per column: participants who mentioned the theme
};

struct CodeMatrix {
  std::string by;  // the case variable, or "document"
  MatrixCount count = MatrixCount::kParticipants;
  std::vector<std::string> columns;  // the variable's values ("unknown" last), or documents
  // What a column percentage divides by: the group's participants (cases with the value) when
  // counting participants, else the column's segments or documents over all the rows' codes.
  std::vector<std::int64_t> column_bases;
  std::vector<MatrixRow> rows;
  std::string methods;
};

// The cell as a percentage of the row's total, or of the column's base; nullopt when that is 0.
std::optional<double> row_percent(const MatrixRow& row, std::size_t column);
std::optional<double> column_percent(const CodeMatrix& m, const MatrixRow& row, std::size_t column);

// A percentage as tables print it: "67%", "4.5%" below 10, "<1%" for a small non-zero share.
std::string percent_text(double percent);

// A test as a results table names it: "χ²(2) = 4.10, p = .129", "Fisher's exact, p = .486",
// "p < .001"; "" when not applicable.
std::string test_text(const stats::IndependenceTest& test);

}  // namespace thematica::report
