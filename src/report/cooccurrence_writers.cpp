#include "report/cooccurrence_writers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/code_matrix.hpp"
#include "report/html_page.hpp"
#include "report/svg_drawing.hpp"

namespace thematica::report {
namespace {

constexpr int kCell = 34;
constexpr int kLabelWidth = 190;
constexpr double kCharWidth = 6.2;

std::string cell_text(const Cooccurrence& c, std::size_t a, std::size_t b) {
  if (!c.cells[a][b]) return "\u2013";
  auto percent = cooccurrence_percent(c, a, b);
  return percent ? fmt::format("{} ({})", *c.cells[a][b], percent_text(*percent))
                 : std::to_string(*c.cells[a][b]);
}

// A grey from white (0%) to near black (100%): the shade carries the value without colour.
std::string shade(double percent) {
  int level = static_cast<int>(std::lround(255 - 215 * std::clamp(percent, 0.0, 100.0) / 100));
  return fmt::format("#{0:02x}{0:02x}{0:02x}", level);
}

}  // namespace

std::string cooccurrence_caption(const Cooccurrence& c) {
  return c.within == Within::kOverlap ? "Themes that meet: coded segments overlapping"
                                      : "Themes that meet: coded segments in the same speaker turn";
}

std::optional<SvgChart> cooccurrence_heatmap_svg(const Cooccurrence& c) {
  std::size_t n = c.paths.size();
  if (n < 2) return std::nullopt;
  const int top = kLabelWidth;  // column labels are written upwards above the grid
  SvgChart chart{
      {}, kLabelWidth + static_cast<int>(n) * kCell + 10, top + static_cast<int>(n) * kCell + 10};
  std::string description = "Percentage of each row theme's segments that meet the column theme:";
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (auto p = cooccurrence_percent(c, a, b)) {
        description += fmt::format(" {} with {} {};", c.names[a], c.names[b], percent_text(*p));
      }
    }
  }
  XmlWriter xml(chart.svg);
  svg_open(xml, chart.width, chart.height, 11, cooccurrence_caption(c), description);
  for (std::size_t i = 0; i < n; ++i) {
    std::string name = fit_label(c.names[i], (kLabelWidth - 12) / kCharWidth);
    double middle = top + static_cast<double>(i) * kCell + kCell / 2.0;
    svg_text(xml, kLabelWidth - 6, middle + 4, name, {"end"});
    double x = kLabelWidth + static_cast<double>(i) * kCell + kCell / 2.0 + 4;
    svg_text(xml, x, top - 6, name,
             {"start", "#000000", false, fmt::format("rotate(-90 {} {})", svg_number(x), top - 6)});
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      double x = kLabelWidth + static_cast<double>(b) * kCell;
      double y = top + static_cast<double>(a) * kCell;
      auto percent = cooccurrence_percent(c, a, b);
      svg_rect(xml, x, y, kCell, kCell, c.cells[a][b] ? shade(percent.value_or(0)) : "#ffffff",
               {"#808080", "0.5"});
      std::string label = !c.cells[a][b] ? "\u2013" : percent ? percent_text(*percent) : "";
      svg_text(xml, x + kCell / 2.0, y + kCell / 2.0 + 4, label,
               {"middle", percent.value_or(0) > 55 ? "#ffffff" : "#000000"});
    }
  }
  xml.end("svg");
  return chart;
}

DocxDocument cooccurrence_docx(const Cooccurrence& c) {
  DocxDocument doc(/*landscape=*/c.paths.size() > 6);
  doc.paragraph(cooccurrence_caption(c), "Title");
  doc.caption("Table 1.", cooccurrence_caption(c));
  std::vector<int> weights = {24, 9};
  std::vector<std::string> header = {"Theme", "Segments"};
  for (const auto& name : c.names) {
    weights.push_back(10);
    header.push_back(name);
  }
  doc.begin_table(weights, header);
  for (std::size_t a = 0; a < c.paths.size(); ++a) {
    std::vector<std::vector<DocxParagraph>> cells;
    cells.push_back(
        {DocxParagraph{{DocxRun{c.names[a], c.depths[a] == 0}}, "TableText", c.depths[a] * 284}});
    cells.push_back(
        {DocxParagraph{{DocxRun{std::to_string(c.segments[a])}}, "TableText", 0, true}});
    for (std::size_t b = 0; b < c.paths.size(); ++b) {
      cells.push_back({DocxParagraph{{DocxRun{cell_text(c, a, b)}}, "TableText", 0, true}});
    }
    doc.row(cells);
  }
  doc.end_table();
  doc.paragraph(c.methods, "Note");
  if (auto heatmap = cooccurrence_heatmap_svg(c)) {
    doc.caption("Figure 1.", cooccurrence_caption(c));
    doc.figure(std::move(heatmap->svg), heatmap->width, heatmap->height, cooccurrence_caption(c));
  }
  return doc;
}

XlsxWorkbook cooccurrence_xlsx(const Cooccurrence& c) {
  XlsxWorkbook book;
  XlsxSheet& sheet = book.add_sheet("Co-occurrence");
  sheet.text(0, 0, "Table 1. " + cooccurrence_caption(c), XlsxStyle::kTitle);
  constexpr std::uint32_t kHeader = 2;
  sheet.text(kHeader, 0, "Theme", XlsxStyle::kHeader);
  sheet.text(kHeader, 1, "Code path", XlsxStyle::kHeader);
  sheet.text(kHeader, 2, "Segments", XlsxStyle::kHeader);
  std::vector<double> widths = {28, 24, 10};
  std::size_t n = c.paths.size();
  for (std::size_t b = 0; b < n; ++b) {
    auto col = static_cast<std::uint16_t>(3 + 2 * b);
    sheet.text(kHeader, col, c.names[b], XlsxStyle::kHeader);
    sheet.text(kHeader, static_cast<std::uint16_t>(col + 1), c.names[b] + " %", XlsxStyle::kHeader);
    widths.insert(widths.end(), {10, 9});
  }
  sheet.widths(widths);
  sheet.header_row(kHeader, static_cast<std::uint16_t>(2 + 2 * n));
  for (std::size_t a = 0; a < n; ++a) {
    auto r = static_cast<std::uint32_t>(kHeader + 1 + a);
    sheet.text(r, 0, c.names[a], c.depths[a] == 0 ? XlsxStyle::kBold : XlsxStyle::kText,
               c.depths[a]);
    sheet.text(r, 1, c.paths[a]);
    sheet.number(r, 2, static_cast<double>(c.segments[a]));
    for (std::size_t b = 0; b < n; ++b) {
      auto col = static_cast<std::uint16_t>(3 + 2 * b);
      if (c.cells[a][b]) sheet.number(r, col, static_cast<double>(*c.cells[a][b]));
      if (auto p = cooccurrence_percent(c, a, b)) {
        sheet.number(r, static_cast<std::uint16_t>(col + 1), *p / 100, XlsxStyle::kPercent);
      }
    }
  }
  sheet.paragraph(static_cast<std::uint32_t>(kHeader + 2 + n),
                  static_cast<std::uint16_t>(2 + 2 * n), c.methods);
  return book;
}

std::string cooccurrence_html(const Cooccurrence& c) {
  HtmlPage page;
  page.element("h1", cooccurrence_caption(c));
  page.caption_heading("Table 1.", cooccurrence_caption(c));
  page.open("table");
  page.open("thead");
  page.open("tr");
  page.element("th", "Theme");
  page.element("th", "Segments", "number");
  for (const auto& name : c.names) page.element("th", name, "number");
  page.close("tr");
  page.close("thead");
  page.open("tbody");
  for (std::size_t a = 0; a < c.paths.size(); ++a) {
    page.open("tr", {{"class", c.depths[a] == 0 ? "theme" : "sub"}});
    page.open("td");
    page.element("span", c.names[a], "theme-name");
    page.close("td");
    page.element("td", std::to_string(c.segments[a]), "number");
    for (std::size_t b = 0; b < c.paths.size(); ++b)
      page.element("td", cell_text(c, a, b), "number");
    page.close("tr");
  }
  page.close("tbody");
  page.close("table");
  page.element("p", c.methods, "note");
  if (auto heatmap = cooccurrence_heatmap_svg(c)) {
    page.figure("Figure 1.", cooccurrence_caption(c), heatmap->svg);
  }
  return page.finish(cooccurrence_caption(c));
}

}  // namespace thematica::report
