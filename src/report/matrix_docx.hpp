#pragma once
// A code × group matrix as a Word table: a row per theme (sub-themes indented), a column per
// group with "n (column %)", the theme's total, and the test when groups were compared.

#include <string>

#include "report/code_matrix.hpp"
#include "report/docx_document.hpp"
#include "report/matrix_chart.hpp"

namespace thematica::report {

// Adds "Table N. CAPTION", the table, and a note with the methods paragraph to `doc`.
void add_matrix_table(DocxDocument& doc, const CodeMatrix& matrix, int number,
                      const std::string& caption);

// Adds "Figure N. CAPTION" and the matrix's chart (report/matrix_chart) to `doc`. False, and
// nothing added, when the matrix has nothing to chart.
bool add_matrix_figure(DocxDocument& doc, const CodeMatrix& matrix, int number);

// A Word document holding only the matrix and its chart ("Table 1. Themes by role: participants").
DocxDocument code_matrix_docx(const CodeMatrix& matrix);

// "Themes by role: participants who mentioned each theme".
std::string matrix_caption(const CodeMatrix& matrix);

}  // namespace thematica::report
