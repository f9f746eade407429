#pragma once
// A code × group matrix as a results section shows it: for each theme, how many segments,
// documents or participants fall in each group (or document), with row and column percentages and,
// for groups of participants, a test of whether the share of participants who mentioned the theme
// differs between groups. Plain data, filled by services/code_matrix, written by the report
// writers.

#include <cstdint>
#include <string>
#include <vector>

#include "stats/independence.hpp"

namespace thematica::report {

enum class MatrixCount { kSegments, kDocuments, kParticipants };

struct MatrixRow {
  std::string path;
  std::string name;
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

// "segments", "documents", "participants".
std::string count_name(MatrixCount count);

}  // namespace thematica::report
