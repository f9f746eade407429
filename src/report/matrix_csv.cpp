#include "report/matrix_csv.hpp"

#include <fmt/format.h>

#include "core/csv.hpp"

namespace thematica::report {
namespace {

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{:.1f}", *value) : std::string();
}

}  // namespace

std::string code_matrix_csv(const CodeMatrix& m) {
  CsvRow header = {"theme", "level"};
  for (const auto& column : m.columns) {
    std::string safe = spreadsheet_safe(column);
    header.push_back(safe);
    header.push_back(safe + " row %");
    header.push_back(safe + " column %");
  }
  for (const char* name : {"total", "participants", "test", "statistic", "df", "p"}) {
    header.emplace_back(name);
  }
  std::string out = format_csv_row(header);
  for (const auto& row : m.rows) {
    CsvRow line = {spreadsheet_safe(row.path), std::to_string(row.depth)};
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      line.push_back(std::to_string(row.cells[c]));
      line.push_back(number(row_percent(row, c)));
      line.push_back(number(column_percent(m, row, c)));
    }
    line.push_back(std::to_string(row.total));
    line.push_back(std::to_string(row.participants));
    bool tested = row.test.method != "not applicable";
    line.push_back(tested ? row.test.method : "");
    line.push_back(tested ? fmt::format("{:.4f}", row.test.statistic) : "");
    line.push_back(tested ? std::to_string(row.test.df) : "");
    line.push_back(tested ? fmt::format("{:.6g}", row.test.p_value) : "");
    out += format_csv_row(line);
  }
  return out;
}

}  // namespace thematica::report
