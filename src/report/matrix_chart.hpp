#pragma once
// The chart that goes with a matrix in the Word and HTML reports: themes by group for a case
// variable, a document portrait for documents.

#include <optional>
#include <string>

#include "report/code_matrix.hpp"
#include "report/group_chart_svg.hpp"

namespace thematica::report {

// "Share of each role's participants that mention each theme", or "Themes in each document:
// coded segments".
std::string figure_caption(const CodeMatrix& matrix);

// Nullopt when there is nothing to draw.
std::optional<SvgChart> matrix_chart(const CodeMatrix& matrix);

}  // namespace thematica::report
