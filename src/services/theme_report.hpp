#pragma once
// Theme tables for a manuscript: the chosen themes (codes and their sub-codes) with their
// definitions and representative quotes, each tagged with the speaker's group; one table for all
// participants or one per value of a case variable.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "report/theme_table.hpp"
#include "store/store.hpp"

namespace thematica {

struct ThemeReportSettings {
  std::vector<std::string> codes;  // code paths; each brings its sub-codes (as sub-themes)
  std::string group_by;            // case variable: one table per value; "" for one table
  std::string tag;                 // case variable of the quote tags; "" means `group_by`
  std::size_t quotes = 3;          // per theme and table (0: counts only)
  bool speaker_ids = false;        // show each quote's speaker (case name, a pseudonym)
  bool without_fillers = false;
  std::size_t max_words = 0;        // trim quotes longer than this (0: never)
  std::vector<std::string> coders;  // whose codings count; empty: every coder
  // Spelled-out forms of tag values for the legend, e.g. {"MS", "medical student"}.
  std::vector<std::pair<std::string, std::string>> labels;
};

// Quotes are chosen by report::choose_quotes (docs/methods/reports.md). A speaker with no value
// for the grouping or tag variable is in the group "unknown". Errors: kInvalidInput when no code
// is named; kNotFound for an unknown code, variable or coder.
Result<report::ThemeReport> build_theme_report(Store& store, const ThemeReportSettings& settings);

}  // namespace thematica
