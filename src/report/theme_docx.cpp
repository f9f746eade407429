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

std::string quote_with_source(const ThemeQuote& quote) {
  std::string who = quote.tag;
  if (!quote.speaker.empty()) who += who.empty() ? quote.speaker : ", " + quote.speaker;
  std::string from = quote.document;
  if (!quote.where.empty()) from += from.empty() ? quote.where : ", " + quote.where;
  std::string source = who;
  if (!from.empty()) source += source.empty() ? from : "; " + from;
  std::string out = fmt::format("\u201c{}\u201d", quote.text);
  if (!source.empty()) out += fmt::format(" ({})", source);
  return out;
}

std::string legend_text(const ThemeReport& report) {
  if (report.tag_variable.empty()) return {};
  std::string out = fmt::format("Tags give each speaker's {}:", report.tag_variable);
  const char* separator = " ";
  for (const auto& entry : report.legend) {
    out += separator;
    out += entry.value;
    if (!entry.label.empty()) out += " = " + entry.label;
    out += entry.value == "unknown" && entry.label.empty()
               ? fmt::format(" (no value recorded; n = {})", entry.participants)
               : fmt::format(" (n = {})", entry.participants);
    separator = "; ";
  }
  out += '.';
  if (report.speaker_ids) out += " A tag's second part is the speaker's pseudonymous id.";
  return out;
}

DocxDocument theme_report_docx(const ThemeReport& report) {
  DocxDocument doc;
  doc.paragraph("Themes and representative quotes", "Title");
  doc.paragraph(report.methods);
  if (std::string legend = legend_text(report); !legend.empty()) doc.paragraph(legend, "Note");
  int number = 0;
  for (const auto& table : report.tables) {
    doc.paragraph(
        DocxParagraph{{DocxRun{fmt::format("Table {}. ", ++number), true},
                       DocxRun{fmt::format("Themes and representative quotes: {}", table.title)}},
                      "Caption"});
    doc.begin_table({27, 13, 11, 49},
                    {"Theme", "Participants", "Segments", "Representative quotes"});
    for (const auto& row : table.rows) {
      doc.row({theme_cell(row), number_cell(row.participants), number_cell(row.segments),
               quotes_cell(row)});
    }
    doc.end_table();
  }
  if (report.matrix)
    add_matrix_table(doc, *report.matrix, ++number, matrix_caption(*report.matrix));
  return doc;
}

}  // namespace thematica::report
