#pragma once
// A theme report as a Word document laid out like a published qualitative paper's table: a
// methods paragraph, a legend of the quote tags, and for each table (all participants, or one per
// group) a row per theme with its definition, participant and segment counts, and its quotes,
// each followed by its speaker's tag: “…” (MS, P03; Focus group 1, 12:05).

#include "report/docx_document.hpp"
#include "report/theme_table.hpp"
#include "report/theme_wording.hpp"

namespace thematica::report {

// Table columns: Theme (name, then its definition; sub-themes indented), Participants,
// Segments, Representative quotes. A report split by group ends with its themes-by-group matrix.
DocxDocument theme_report_docx(const ThemeReport& report);

}  // namespace thematica::report
