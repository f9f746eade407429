#pragma once
// A codebook as a methods appendix shows it: each code in tree order with its definition, when to
// use it, when not to, and an example. Plain data, filled by the services from the project's
// codebook and written as Word or HTML (the CSV export is services' export_codebook_csv).

#include <string>
#include <vector>

#include "core/entities.hpp"
#include "report/docx_document.hpp"
#include "report/html_page.hpp"

namespace thematica::report {

struct CodebookEntry {
  std::string path;
  std::string name;
  std::string colour;  // "#rrggbb"
  int depth = 0;       // 0 for a top-level code (or the first level shown)
  CodeDescription description;
};

// A Word document: title, then for each code a heading (Heading1 for the first level, Heading2
// below) and its description's parts, each under its label; parts left empty are left out.
DocxDocument codebook_docx(const std::vector<CodebookEntry>& codes, const std::string& title);

// The codebook as a section of an HTML page: a heading and a definition list.
void add_codebook_section(HtmlPage& page, const std::vector<CodebookEntry>& codes,
                          const std::string& heading);

// A whole HTML page holding only the codebook.
std::string codebook_html(const std::vector<CodebookEntry>& codes, const std::string& title);

}  // namespace thematica::report
