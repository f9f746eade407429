#include "report/theme_csv.hpp"

#include "core/csv.hpp"

namespace thematica::report {

std::string theme_report_csv(const ThemeReport& report) {
  std::string out = format_csv_row(
      {"table", "theme", "level", "definition", "segments", "participants", "documents", "quote",
       report.tag_variable.empty() ? "tag" : spreadsheet_safe(report.tag_variable), "speaker",
       "document", "where", "representative"});
  for (const auto& table : report.tables) {
    for (const auto& row : table.rows) {
      CsvRow theme = {spreadsheet_safe(table.title), spreadsheet_safe(row.path),
                      std::to_string(row.depth),     spreadsheet_safe(row.definition),
                      std::to_string(row.segments),  std::to_string(row.participants),
                      std::to_string(row.documents)};
      if (row.quotes.empty()) {
        CsvRow line = theme;
        line.resize(13);
        out += format_csv_row(line);
      }
      for (const auto& q : row.quotes) {
        CsvRow line = theme;
        for (const std::string* cell : {&q.text, &q.tag, &q.speaker, &q.document, &q.where}) {
          line.push_back(spreadsheet_safe(*cell));
        }
        line.emplace_back(q.representative ? "yes" : "no");
        out += format_csv_row(line);
      }
    }
  }
  return out;
}

}  // namespace thematica::report
