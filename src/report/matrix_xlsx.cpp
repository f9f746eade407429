#include "report/matrix_xlsx.hpp"

#include <fmt/format.h>

#include "report/matrix_docx.hpp"

namespace thematica::report {
namespace {

constexpr std::uint32_t kHeaderRow = 2;

std::string column_header(const CodeMatrix& m, std::size_t c) {
  return m.count == MatrixCount::kParticipants && m.by != "document"
             ? fmt::format("{} (n = {})", m.columns[c], m.column_bases[c])
             : m.columns[c];
}

void percent_cell(XlsxSheet& sheet, std::uint32_t row, std::uint16_t column,
                  const std::optional<double>& percent) {
  if (percent) sheet.number(row, column, *percent / 100, XlsxStyle::kPercent);
}

}  // namespace

void add_matrix_sheet(XlsxWorkbook& book, const CodeMatrix& m, int number,
                      const std::string& caption) {
  XlsxSheet& sheet = book.add_sheet("Themes by " + m.by);
  sheet.text(0, 0, fmt::format("Table {}. {}", number, caption), XlsxStyle::kTitle);
  std::vector<std::string> header = {"Theme", "Code path"};
  std::vector<double> widths = {30, 24};
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    header.insert(header.end(),
                  {column_header(m, c), m.columns[c] + " row %", m.columns[c] + " column %"});
    widths.insert(widths.end(), {12, 9, 9});
  }
  header.insert(header.end(), {"Total", "Participants", "Test", "Method", "Statistic", "df", "p"});
  widths.insert(widths.end(), {9, 12, 26, 22, 10, 6, 10});
  for (std::size_t c = 0; c < header.size(); ++c) {
    sheet.text(kHeaderRow, static_cast<std::uint16_t>(c), header[c], XlsxStyle::kHeader);
  }
  sheet.widths(widths);
  sheet.header_row(kHeaderRow, static_cast<std::uint16_t>(header.size() - 1));

  std::uint32_t r = kHeaderRow + 1;
  for (const auto& row : m.rows) {
    sheet.text(r, 0, row.name, row.depth == 0 ? XlsxStyle::kBold : XlsxStyle::kText, row.depth);
    sheet.text(r, 1, row.path);
    std::uint16_t col = 2;
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      sheet.number(r, col++, static_cast<double>(row.cells[c]));
      percent_cell(sheet, r, col++, row_percent(row, c));
      percent_cell(sheet, r, col++, column_percent(m, row, c));
    }
    sheet.number(r, col++, static_cast<double>(row.total));
    sheet.number(r, col++, static_cast<double>(row.participants));
    if (row.test.method != "not applicable") {
      sheet.text(r, col, test_text(row.test));
      sheet.text(r, col + 1, row.test.method);
      sheet.number(r, col + 2, row.test.statistic, XlsxStyle::kDecimal);
      sheet.number(r, col + 3, row.test.df);
      sheet.number(r, col + 4, row.test.p_value, XlsxStyle::kDecimal);
    }
    ++r;
  }
  std::uint32_t note_row = r + 1;
  sheet.paragraph(note_row, static_cast<std::uint16_t>(header.size() - 1), m.methods);

  // The chart compares groups: the share of each group's participants (or segments) per theme.
  // Columns with nothing to divide by, and documents, are left out.
  XlsxColumnChart chart;
  chart.title = caption;
  chart.y_axis = m.count == MatrixCount::kParticipants ? "Participants in the group"
                 : m.count == MatrixCount::kDocuments  ? "Documents in the group"
                                                       : "Segments in the group";
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    if (m.column_bases[c] == 0) continue;
    chart.value_columns.push_back(static_cast<std::uint16_t>(2 + 3 * c + 2));
    chart.series_names.push_back(m.columns[c]);
  }
  if (m.by != "document" && !m.rows.empty() && !chart.value_columns.empty()) {
    chart.first_row = kHeaderRow + 1;
    chart.last_row = r - 1;
    chart.category_column = 0;
    chart.at_row = note_row + 2;
    sheet.chart(std::move(chart));
  }
}

XlsxWorkbook code_matrix_xlsx(const CodeMatrix& m) {
  XlsxWorkbook book;
  add_matrix_sheet(book, m, 1, matrix_caption(m));
  return book;
}

}  // namespace thematica::report
