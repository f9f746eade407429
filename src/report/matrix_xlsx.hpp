#pragma once
// A code × group matrix as an Excel sheet: a row per theme (sub-themes indented) with, per column,
// the count and its row and column percentages as numbers (so they can be charted and summed),
// the totals and the test; the methods note under it, and for groups a chart of the share of
// each group that mentioned each theme.

#include <string>

#include "report/code_matrix.hpp"
#include "report/xlsx_workbook.hpp"

namespace thematica::report {

// Adds the sheet "Themes by VAR" to `book`, headed "Table N. CAPTION".
void add_matrix_sheet(XlsxWorkbook& book, const CodeMatrix& matrix, int number,
                      const std::string& caption);

// A workbook holding only the matrix.
XlsxWorkbook code_matrix_xlsx(const CodeMatrix& matrix);

}  // namespace thematica::report
