#include "report/theme_html.hpp"

#include <fmt/format.h>

#include "report/matrix_docx.hpp"
#include "report/matrix_html.hpp"
#include "report/theme_wording.hpp"

namespace thematica::report {
namespace {

constexpr const char* kTitle = "Themes and representative quotes";

void theme_cell(HtmlPage& page, const ThemeRow& row) {
  HtmlAttributes indent;
  if (row.depth > 0) {
    indent.emplace_back("style", fmt::format("padding-left: {:.1f}em", 0.45 + row.depth * 1.2));
  }
  page.open("td", indent);
  if (!row.colour.empty()) {
    page.open("span", {{"class", "swatch"}, {"style", "background: " + row.colour}});
    page.close("span");
  }
  page.element("span", row.name, "theme-name");
  if (!row.definition.empty()) page.element("p", row.definition, "definition");
  page.close("td");
}

void quotes_cell(HtmlPage& page, const ThemeRow& row) {
  page.open("td");
  if (row.quotes.empty()) {
    if (row.segments == 0) page.element("span", "No coded segments.", "none");
  } else {
    page.open("ul", {{"class", "quotes"}});
    for (const auto& quote : row.quotes) {
      // The quote keeps its line breaks; its source follows as in Word.
      page.open("li");
      page.text(fmt::format("\u201c{}\u201d", quote.text));
      if (std::string source = quote_source(quote); !source.empty()) {
        page.text(" ");
        page.element("span", source, "source");
      }
      page.close("li");
    }
    page.close("ul");
  }
  page.close("td");
}

void add_table(HtmlPage& page, const ThemeTable& table, int number) {
  page.open("section", {{"class", "themes"}});
  page.caption_heading(fmt::format("Table {}.", number),
                       fmt::format("{}: {}", kTitle, table.title));
  page.open("table");
  page.raw(R"(<colgroup><col style="width: 27%"><col style="width: 11%"><col style="width: 10%">)"
           R"(<col style="width: 52%"></colgroup>)");
  page.open("thead");
  page.open("tr");
  page.element("th", "Theme");
  page.element("th", "Participants", "number");
  page.element("th", "Segments", "number");
  page.element("th", "Representative quotes");
  page.close("tr");
  page.close("thead");
  page.open("tbody");
  for (const auto& row : table.rows) {
    page.open("tr", {{"class", row.depth == 0 ? "theme" : "sub"}});
    theme_cell(page, row);
    page.element("td", std::to_string(row.participants), "number");
    page.element("td", std::to_string(row.segments), "number");
    quotes_cell(page, row);
    page.close("tr");
  }
  page.close("tbody");
  page.close("table");
  page.close("section");
}

}  // namespace

std::string theme_report_html(const ThemeReport& report) {
  HtmlPage page;
  page.element("h1", kTitle);
  page.element("p", report.methods, "methods");
  if (std::string legend = legend_text(report); !legend.empty()) {
    page.element("p", legend, "legend");
  }
  int number = 0;
  for (const auto& table : report.tables) add_table(page, table, ++number);
  if (report.matrix) {
    add_matrix_html(page, *report.matrix, ++number, 1, matrix_caption(*report.matrix));
  }
  if (!report.codebook.empty()) add_codebook_section(page, report.codebook, "Codebook");
  return page.finish(kTitle);
}

}  // namespace thematica::report
