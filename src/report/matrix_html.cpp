#include "report/matrix_html.hpp"

#include <fmt/format.h>

#include "report/matrix_chart.hpp"
#include "report/matrix_docx.hpp"

namespace thematica::report {

bool add_matrix_html(HtmlPage& page, const CodeMatrix& m, int table_number, int figure_number,
                     const std::string& caption) {
  page.open("section", {{"class", "matrix"}});
  page.caption_heading(fmt::format("Table {}.", table_number), caption);
  bool tests = false;
  for (const auto& row : m.rows) tests = tests || row.test.method != "not applicable";
  page.open("table");
  page.open("thead");
  page.open("tr");
  page.element("th", "Theme");
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    page.element("th",
                 m.count == MatrixCount::kParticipants && m.by != "document"
                     ? fmt::format("{} (n = {})", m.columns[c], m.column_bases[c])
                     : m.columns[c],
                 "number");
  }
  page.element("th", "Total", "number");
  if (tests) page.element("th", "Test");
  page.close("tr");
  page.close("thead");
  page.open("tbody");
  for (const auto& row : m.rows) {
    page.open("tr", {{"class", row.depth == 0 ? "theme" : "sub"}});
    HtmlAttributes indent;
    if (row.depth > 0) {
      indent.emplace_back("style", fmt::format("padding-left: {:.1f}em", 0.45 + row.depth * 1.2));
    }
    page.open("td", indent);
    page.element("span", row.name, "theme-name");
    page.close("td");
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      auto percent = column_percent(m, row, c);
      page.element("td",
                   percent ? fmt::format("{} ({})", row.cells[c], percent_text(*percent))
                           : std::to_string(row.cells[c]),
                   "number");
    }
    page.element("td", std::to_string(row.total), "number");
    if (tests) page.element("td", test_text(row.test));
    page.close("tr");
  }
  page.close("tbody");
  page.close("table");
  page.element("p", m.methods, "note");
  page.close("section");

  auto chart = matrix_chart(m);
  if (!chart) return false;
  page.figure(fmt::format("Figure {}.", figure_number), figure_caption(m), chart->svg);
  return true;
}

std::string code_matrix_html(const CodeMatrix& m) {
  HtmlPage page;
  page.element("h1", matrix_caption(m));
  add_matrix_html(page, m, 1, 1, matrix_caption(m));
  return page.finish(matrix_caption(m));
}

}  // namespace thematica::report
