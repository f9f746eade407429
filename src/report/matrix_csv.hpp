#pragma once
// A code × group matrix as one CSV table (RFC 4180, UTF-8): one row per theme; for each column
// its count, row percentage and column percentage (one decimal, empty when undefined); then the
// theme's total and participants and its test. Text cells are spreadsheet-safe.

#include <string>

#include "report/code_matrix.hpp"

namespace thematica::report {

// Columns: theme, level, then per column C: "C", "C row %", "C column %"; then total,
// participants, test, statistic, df, p.
std::string code_matrix_csv(const CodeMatrix& matrix);

}  // namespace thematica::report
