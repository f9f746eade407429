#pragma once
// A theme report as an Excel workbook for sorting and filtering: a sheet per table (all
// participants, or one per group) with a row per quote, each row carrying its theme, the theme's
// counts and the quote's tag, speaker, document and place, so a filter on any column keeps every
// row whole; a theme with no quote has one row with its counts. A report split by group adds its
// themes-by-group matrix and chart; the last sheet holds the methods paragraph and the legend.

#include "report/theme_table.hpp"
#include "report/xlsx_workbook.hpp"

namespace thematica::report {

// Table sheets' columns: Theme, Code path, Definition, Participants, Segments, Documents, Quote,
// the tag variable's name (or "Tag"), Speaker, Document, Where, Representative ("yes"/"no").
XlsxWorkbook theme_report_xlsx(const ThemeReport& report);

}  // namespace thematica::report
