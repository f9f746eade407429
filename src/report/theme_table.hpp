#pragma once
// A theme table as a manuscript shows it: each theme with its definition and its quotes, each quote
// tagged with its speaker's group. Plain data, filled by services/theme_report and written out by
// the report writers (DOCX, XLSX, CSV, HTML), so every format shows the same table.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/code_matrix.hpp"
#include "report/codebook_table.hpp"

namespace thematica::report {

struct ThemeQuote {
  std::string text;      // as shown: exact, or without fillers / trimmed when the report says so
  std::string tag;       // the speaker's group ("unknown" when the speaker has no value)
  std::string speaker;   // the speaker's (pseudonymous) id when asked for, else ""
  std::string document;  // document name
  std::string where;     // the turn's time ("12:05") or the position ("characters 120-180")
  bool representative = false;
};

struct ThemeRow {
  std::string path;  // code path
  std::string name;
  int depth = 0;  // 0 for the first level shown (sub-themes are indented by depth)
  std::string definition;
  std::int64_t segments = 0;      // coded segments in this table's scope
  std::int64_t participants = 0;  // distinct speakers among them (transcripts only)
  std::int64_t documents = 0;
  std::vector<ThemeQuote> quotes;
  std::string colour;  // the code's colour, "#rrggbb"
};

struct ThemeTable {
  std::string title;  // "All participants" or "role: students"
  std::string group;  // the group's value, "" for all participants
  std::vector<ThemeRow> rows;
};

// One value of the tag variable, for the legend: "MS = medical student (n = 6)".
struct TagLegend {
  std::string value;              // as it appears in the tags
  std::string label;              // the user's spelled-out form, "" when none was given
  std::int64_t participants = 0;  // cases with this value
};

struct ThemeReport {
  std::vector<ThemeTable> tables;
  std::string group_variable;     // "" when not split
  std::string tag_variable;       // the variable the quote tags come from, "" for none
  std::vector<TagLegend> legend;  // the tag variable's values, by value; "unknown" last
  bool speaker_ids = false;       // quotes carry their speaker's id
  std::size_t quotes_per_theme = 0;
  bool without_fillers = false;
  std::size_t max_words = 0;        // 0: quotes are not trimmed
  std::vector<std::string> coders;  // whose codings; empty: every coder
  std::string methods;  // a paragraph describing what was computed, for the researcher to adapt
  // With one table per group: the themes by group, counting participants who mentioned each.
  std::optional<CodeMatrix> matrix;
  // The reported codes with their whole descriptions, in table order (the HTML report's codebook).
  std::vector<CodebookEntry> codebook;
};

}  // namespace thematica::report
