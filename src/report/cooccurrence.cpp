#include "report/cooccurrence.hpp"

#include <fmt/format.h>

#include "core/csv.hpp"

namespace thematica::report {

std::optional<double> cooccurrence_percent(const Cooccurrence& c, std::size_t a, std::size_t b) {
  const auto& cell = c.cells[a][b];
  if (!cell || c.segments[a] == 0) return std::nullopt;
  return 100.0 * static_cast<double>(*cell) / static_cast<double>(c.segments[a]);
}

std::string cooccurrence_csv(const Cooccurrence& c) {
  CsvRow header = {"theme", "segments"};
  for (const auto& path : c.paths) {
    header.push_back(spreadsheet_safe(path));
    header.push_back(spreadsheet_safe(path + " %"));
  }
  std::string out = format_csv_row(header);
  for (std::size_t a = 0; a < c.paths.size(); ++a) {
    CsvRow line = {spreadsheet_safe(c.paths[a]), std::to_string(c.segments[a])};
    for (std::size_t b = 0; b < c.paths.size(); ++b) {
      auto percent = cooccurrence_percent(c, a, b);
      line.push_back(c.cells[a][b] ? std::to_string(*c.cells[a][b]) : "");
      line.push_back(percent ? fmt::format("{:.1f}", *percent) : "");
    }
    out += format_csv_row(line);
  }
  return out;
}

}  // namespace thematica::report
