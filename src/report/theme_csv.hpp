#pragma once
// A theme report as one CSV table (RFC 4180, UTF-8, LF rows): one row per quote, and one row for a
// theme with no quote, so every theme's counts appear. Text cells are spreadsheet-safe.

#include <string>

#include "report/theme_table.hpp"

namespace thematica::report {

// Columns: table, theme, level, definition, segments, participants, documents, quote, tag,
// speaker, document, where, representative. `tag` is named after the tag variable when there is
// one ("role"), else "tag".
std::string theme_report_csv(const ThemeReport& report);

}  // namespace thematica::report
