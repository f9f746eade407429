#pragma once
// Code co-occurrence as a results table in every report format: a row and a column per theme,
// each cell "n (p%)" of the row theme's segments, the diagonal and a theme's own sub-themes left
// blank; with a heatmap of the percentages (SVG, shaded from white to dark so it reads in black
// and white, each cell labelled with its percentage).

#include <optional>
#include <string>

#include "report/cooccurrence.hpp"
#include "report/docx_document.hpp"
#include "report/group_chart_svg.hpp"
#include "report/xlsx_workbook.hpp"

namespace thematica::report {

// "Themes that meet: coded segments overlapping" / "… in the same speaker turn".
std::string cooccurrence_caption(const Cooccurrence& c);

// The heatmap; nullopt when there are fewer than two themes.
std::optional<SvgChart> cooccurrence_heatmap_svg(const Cooccurrence& c);

DocxDocument cooccurrence_docx(const Cooccurrence& c);
XlsxWorkbook cooccurrence_xlsx(const Cooccurrence& c);
std::string cooccurrence_html(const Cooccurrence& c);

}  // namespace thematica::report
