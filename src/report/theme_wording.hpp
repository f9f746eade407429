#pragma once
// The sentences every format of a theme report shares: how a quote names its source, and the
// legend of the quote tags.

#include <string>

#include "report/theme_table.hpp"

namespace thematica::report {

// How a quote is shown in every format that shows it as prose: “text” (tag, speaker; document,
// where), leaving out what is empty.
std::string quote_with_source(const ThemeQuote& quote);
// Its source alone: "(tag, speaker; document, where)", or "" when all are empty.
std::string quote_source(const ThemeQuote& quote);

// The legend line: "Tags give each speaker's role: MS = medical student (n = 6); …".
std::string legend_text(const ThemeReport& report);

}  // namespace thematica::report
