#pragma once
// A code × group matrix as HTML: the table as the Word report shows it ("n (column %)", group
// sizes in the header, the test), its methods note, and the themes-by-group chart inline as SVG.

#include <string>

#include "report/code_matrix.hpp"
#include "report/html_page.hpp"

namespace thematica::report {

// Adds "Table N. CAPTION", the table and its note, then (when there is one to draw) "Figure F."
// with the chart. Returns whether a figure was added.
bool add_matrix_html(HtmlPage& page, const CodeMatrix& matrix, int table_number, int figure_number,
                     const std::string& caption);

// A whole page holding only the matrix and its chart.
std::string code_matrix_html(const CodeMatrix& matrix);

}  // namespace thematica::report
