#include "report/theme_xlsx.hpp"

#include <fmt/format.h>

#include "report/matrix_docx.hpp"
#include "report/matrix_xlsx.hpp"
#include "report/theme_wording.hpp"

namespace thematica::report {
namespace {

constexpr std::uint32_t kHeaderRow = 2;

void add_table_sheet(XlsxWorkbook& book, const ThemeReport& report, const ThemeTable& table,
                     int number) {
  XlsxSheet& sheet = book.add_sheet(table.group.empty() ? "All participants" : table.group);
  sheet.text(0, 0,
             fmt::format("Table {}. Themes and representative quotes: {}", number, table.title),
             XlsxStyle::kTitle);
  const std::vector<std::string> header = {
      "Theme",      "Code path",
      "Definition", "Participants",
      "Segments",   "Documents",
      "Quote",      report.tag_variable.empty() ? "Tag" : report.tag_variable,
      "Speaker",    "Document",
      "Where",      "Representative"};
  for (std::size_t c = 0; c < header.size(); ++c) {
    sheet.text(kHeaderRow, static_cast<std::uint16_t>(c), header[c], XlsxStyle::kHeader);
  }
  sheet.widths({26, 22, 36, 12, 10, 11, 70, 10, 14, 22, 14, 15});
  sheet.header_row(kHeaderRow, static_cast<std::uint16_t>(header.size() - 1));
  std::uint32_t r = kHeaderRow + 1;
  for (const auto& row : table.rows) {
    auto theme = [&](std::uint32_t at) {
      sheet.text(at, 0, row.name, XlsxStyle::kBold, row.depth);
      sheet.text(at, 1, row.path);
      sheet.text(at, 2, row.definition);
      sheet.number(at, 3, static_cast<double>(row.participants));
      sheet.number(at, 4, static_cast<double>(row.segments));
      sheet.number(at, 5, static_cast<double>(row.documents));
    };
    if (row.quotes.empty()) theme(r++);
    for (const auto& q : row.quotes) {
      theme(r);
      sheet.text(r, 6, q.text);
      sheet.text(r, 7, q.tag);
      sheet.text(r, 8, q.speaker);
      sheet.text(r, 9, q.document);
      sheet.text(r, 10, q.where);
      sheet.text(r, 11, q.representative ? "yes" : "no");
      ++r;
    }
  }
}

void add_methods_sheet(XlsxWorkbook& book, const ThemeReport& report) {
  XlsxSheet& sheet = book.add_sheet("Methods");
  sheet.widths({110});
  sheet.text(0, 0, "Themes and representative quotes", XlsxStyle::kTitle);
  sheet.paragraph(2, 0, report.methods, XlsxStyle::kText);
  if (std::string legend = legend_text(report); !legend.empty()) {
    sheet.paragraph(4, 0, legend, XlsxStyle::kText);
  }
}

}  // namespace

XlsxWorkbook theme_report_xlsx(const ThemeReport& report) {
  XlsxWorkbook book;
  int number = 0;
  for (const auto& table : report.tables) add_table_sheet(book, report, table, ++number);
  if (report.matrix) {
    add_matrix_sheet(book, *report.matrix, ++number, matrix_caption(*report.matrix));
  }
  add_methods_sheet(book, report);
  return book;
}

}  // namespace thematica::report
