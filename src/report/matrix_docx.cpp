#include "report/matrix_docx.hpp"

#include <fmt/format.h>

#include "report/matrix_chart.hpp"

namespace thematica::report {
namespace {

constexpr int kSubThemeIndent = 284;  // 0.5 cm per level

DocxParagraph right(std::string text) {
  return DocxParagraph{{DocxRun{std::move(text)}}, "TableText", 0, true};
}

bool any_test(const CodeMatrix& m) {
  for (const auto& row : m.rows) {
    if (row.test.method != "not applicable") return true;
  }
  return false;
}

}  // namespace

std::string matrix_caption(const CodeMatrix& m) {
  std::string what = m.count == MatrixCount::kParticipants ? "participants who mentioned each theme"
                     : m.count == MatrixCount::kDocuments  ? "documents"
                                                           : "coded segments";
  return fmt::format("Themes by {}: {}", m.by, what);
}

void add_matrix_table(DocxDocument& doc, const CodeMatrix& m, int number,
                      const std::string& caption) {
  doc.caption(fmt::format("Table {}.", number), caption);
  bool tests = any_test(m);
  std::vector<int> weights = {24};
  std::vector<std::string> header = {"Theme"};
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    weights.push_back(10);
    header.push_back(m.count == MatrixCount::kParticipants && m.by != "document"
                         ? fmt::format("{} (n = {})", m.columns[c], m.column_bases[c])
                         : m.columns[c]);
  }
  weights.push_back(8);
  header.emplace_back("Total");
  if (tests) {
    weights.push_back(20);
    header.emplace_back("Test");
  }
  doc.begin_table(weights, header);
  for (const auto& row : m.rows) {
    std::vector<std::vector<DocxParagraph>> cells;
    cells.push_back({DocxParagraph{
        {DocxRun{row.name, row.depth == 0}}, "TableText", row.depth * kSubThemeIndent}});
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      auto percent = column_percent(m, row, c);
      cells.push_back({right(percent ? fmt::format("{} ({})", row.cells[c], percent_text(*percent))
                                     : std::to_string(row.cells[c]))});
    }
    cells.push_back({right(std::to_string(row.total))});
    if (tests) cells.push_back({DocxParagraph{{DocxRun{test_text(row.test)}}, "TableText"}});
    doc.row(cells);
  }
  doc.end_table();
  doc.paragraph(m.methods, "Note");
}

bool add_matrix_figure(DocxDocument& doc, const CodeMatrix& m, int number) {
  auto chart = matrix_chart(m);
  if (!chart) return false;
  doc.caption(fmt::format("Figure {}.", number), figure_caption(m));
  doc.figure(std::move(chart->svg), chart->width, chart->height, figure_caption(m));
  return true;
}

DocxDocument code_matrix_docx(const CodeMatrix& m) {
  DocxDocument doc(/*landscape=*/m.columns.size() > 6);
  doc.paragraph(matrix_caption(m), "Title");
  add_matrix_table(doc, m, 1, matrix_caption(m));
  add_matrix_figure(doc, m, 1);
  return doc;
}

}  // namespace thematica::report
