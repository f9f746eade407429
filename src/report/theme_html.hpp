#pragma once
// A theme report as one self-contained HTML page that prints well: the title, the methods
// paragraph and the legend, one table per group as in the Word report (theme with its colour and
// definition, participants, segments, quotes with their tags), the themes-by-group matrix and its
// chart when the report is split by group, and the codebook of the reported codes.

#include <string>

#include "report/theme_table.hpp"

namespace thematica::report {

std::string theme_report_html(const ThemeReport& report);

}  // namespace thematica::report
