#include "report/theme_docx.hpp"

#include <fmt/format.h>

#include "report/matrix_docx.hpp"

namespace thematica::report {
namespace {

constexpr int kSubThemeIndent = 284;  // 0.5 cm per level

std::vector<DocxParagraph> theme_cell(const ThemeRow& row) {
  std::vector<DocxParagraph> cell;
  cell.push_back({{DocxRun{row.name}}, "ThemeName", row.depth * kSubThemeIndent});
  if (!row.definition.empty()) {
    cell.push_back({{DocxRun{row.definition}}, "Definition", row.depth * kSubThemeIndent});
  }
  return cell;
}

std::vector<DocxParagraph> number_cell(std::int64_t n) {
  return {DocxParagraph{{DocxRun{std::to_string(n)}}, "TableText", 0, true}};
}

std::vector<DocxParagraph> quotes_cell(const ThemeRow& row) {
  std::vector<DocxParagraph> cell;
  for (const auto& q : row.quotes) cell.push_back({{DocxRun{quote_with_source(q)}}, "QuoteText"});
  if (cell.empty()) {
    std::string why = row.segments == 0 ? "No coded segments." : "";
    cell.push_back({{DocxRun{why, false, true}}, "TableText"});
  }
  return cell;
}

}  // namespace

DocxDocument theme_report_docx(const ThemeReport& report) {
  DocxDocument doc;
  doc.paragraph("Themes and representative quotes", "Title");
  doc.paragraph(report.methods);
  if (std::string legend = legend_text(report); !legend.empty()) doc.paragraph(legend, "Note");
  int number = 0;
  for (const auto& table : report.tables) {
    doc.caption(fmt::format("Table {}.", ++number),
                fmt::format("Themes and representative quotes: {}", table.title));
    doc.begin_table({27, 13, 11, 49},
                    {"Theme", "Participants", "Segments", "Representative quotes"});
    for (const auto& row : table.rows) {
      doc.row({theme_cell(row), number_cell(row.participants), number_cell(row.segments),
               quotes_cell(row)});
    }
    doc.end_table();
  }
  if (report.matrix) {
    add_matrix_table(doc, *report.matrix, ++number, matrix_caption(*report.matrix));
    add_matrix_figure(doc, *report.matrix, 1);
  }
  return doc;
}

}  // namespace thematica::report
