#pragma once
// A theme report as a Word document laid out like a published qualitative paper's table: a
// methods paragraph, a legend of the quote tags, and for each table (all participants, or one per
// group) a row per theme with its definition, participant and segment counts, and its quotes,
// each followed by its speaker's tag: “…” (MS, P03; Focus group 1, 12:05).

#include "report/docx_document.hpp"
#include "report/theme_table.hpp"

namespace thematica::report {

// Table columns: Theme (name, then its definition; sub-themes indented), Participants,
// Segments, Representative quotes. A report split by group ends with its themes-by-group matrix.
DocxDocument theme_report_docx(const ThemeReport& report);

// How a quote is shown in every format that shows it as prose: “text” (tag, speaker; document,
// where), leaving out what is empty.
std::string quote_with_source(const ThemeQuote& quote);

// The legend line: "Tags give each speaker's role: MS = medical student (n = 6); …".
std::string legend_text(const ThemeReport& report);

}  // namespace thematica::report
