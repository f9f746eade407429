#pragma once
// Codes per document as an SVG chart, in the spirit of a document portrait: one horizontal bar per
// document, split into the themes' shares of its coded segments (or of whatever the matrix
// counts), each piece in its code's colour and, where it has room, labelled with its count; a
// legend names the colours. The counts carry the values, so the chart survives black-and-white
// print where colours merge.

#include <optional>
#include <string>

#include "report/code_matrix.hpp"
#include "report/group_chart_svg.hpp"

namespace thematica::report {

// For a matrix by document. The themes shown are those named (or, for a single theme, its
// sub-themes), so no piece is counted twice. Nullopt when the matrix is not by document, or has
// nothing to show.
std::optional<SvgChart> document_portrait_svg(const CodeMatrix& matrix, const std::string& title);

}  // namespace thematica::report
