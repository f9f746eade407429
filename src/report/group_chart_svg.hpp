#pragma once
// Themes by group as an SVG chart: for each theme (marked with its code's colour; with a single
// theme, the theme and its sub-themes, indented) one horizontal bar per group, as long as the share
// of the group that mentioned the theme (the matrix's column percentage), labelled with that share
// and the count. The labels carry the numbers and neighbouring groups differ in lightness, so the
// chart reads in black and white; the SVG has a title and a description for screen readers. Plain
// text in, plain text out: the same matrix gives the same bytes.

#include <optional>
#include <string>

#include "report/code_matrix.hpp"

namespace thematica::report {

struct SvgChart {
  std::string svg;
  int width = 0;  // in CSS pixels (1/96 inch)
  int height = 0;
};

// `title` names the picture for screen readers, and heads it when `draw_title` (a report that
// captions its figures leaves it out). Nullopt when there is nothing to compare: columns that
// are documents, no row, or no group with a base to divide by (groups without one are left out
// of the chart, as is "unknown" when empty).
std::optional<SvgChart> themes_by_group_svg(const CodeMatrix& matrix, const std::string& title,
                                            bool draw_title);

}  // namespace thematica::report
