#include "report/codebook_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace thematica::report {
namespace {

constexpr int kIndentPerLevel = 284;  // 0.5 cm in twips

// The parts of a description with their labels, in the order a codebook gives them.
std::array<std::pair<const char*, const std::string*>, 4> parts(const CodeDescription& d) {
  return {{{"Definition", &d.definition},
           {"When to use", &d.when_to_use},
           {"When not to use", &d.when_not_to_use},
           {"Example", &d.example}}};
}

bool described(const CodeDescription& d) {
  for (const auto& [label, text] : parts(d)) {
    if (!text->empty()) return true;
  }
  return false;
}

}  // namespace

DocxDocument codebook_docx(const std::vector<CodebookEntry>& codes, const std::string& title) {
  DocxDocument doc;
  doc.paragraph(title, "Title");
  for (const auto& code : codes) {
    int indent = std::max(0, code.depth - 1) * kIndentPerLevel;
    doc.paragraph(
        DocxParagraph{{DocxRun{code.path}}, code.depth == 0 ? "Heading1" : "Heading2", indent});
    for (const auto& [label, text] : parts(code.description)) {
      if (text->empty()) continue;
      doc.paragraph(DocxParagraph{
          {DocxRun{std::string(label) + ": ", true}, DocxRun{*text}}, "Normal", indent});
    }
    if (!described(code.description)) {
      doc.paragraph(DocxParagraph{{DocxRun{"No description yet.", false, true}}, "Normal", indent});
    }
  }
  return doc;
}

void add_codebook_section(HtmlPage& page, const std::vector<CodebookEntry>& codes,
                          const std::string& heading) {
  page.open("section", {{"class", "codebook"}});
  page.element("h2", heading);
  page.open("dl", {{"class", "codebook"}});
  for (const auto& code : codes) {
    HtmlAttributes indent;
    if (code.depth > 0) {
      indent.emplace_back("style", fmt::format("margin-left: {:.1f}em", code.depth * 1.4));
    }
    page.open("dt", indent);
    page.open("span", {{"class", "swatch"}, {"style", "background: " + code.colour}});
    page.close("span");
    page.text(code.path);
    page.close("dt");
    page.open("dd", indent);
    for (const auto& [label, text] : parts(code.description)) {
      if (text->empty()) continue;
      page.open("p");
      page.element("strong", std::string(label) + ": ");
      page.text(*text);
      page.close("p");
    }
    if (!described(code.description)) page.element("p", "No description yet.", "none");
    page.close("dd");
  }
  page.close("dl");
  page.close("section");
}

std::string codebook_html(const std::vector<CodebookEntry>& codes, const std::string& title) {
  HtmlPage page;
  page.element("h1", title);
  add_codebook_section(page, codes, "Codes");
  return page.finish(title);
}

}  // namespace thematica::report
