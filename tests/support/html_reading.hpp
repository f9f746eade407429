#pragma once
// Reads back the HTML pages the report writers produce as a browser parses them (gumbo, the
// HTML5 parsing algorithm): the headings and paragraphs, each table's cells as text, and the SVG
// pictures inside figures.

#include <gumbo.h>

#include <string>
#include <vector>

namespace thematica::testing {

struct HtmlContent {
  std::string title;
  std::vector<std::string> headings;                          // h1 and h2, in order
  std::vector<std::string> paragraphs;                        // p, in order
  std::vector<std::vector<std::vector<std::string>>> tables;  // table, row, cell
  std::vector<std::string> figure_captions;
  int svgs = 0;
  int scripts = 0;         // a self-contained report runs nothing
  int external_links = 0;  // src= or href= to anything outside the page
};

inline std::string node_text(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    return node->v.text.text;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    out += node_text(static_cast<const GumboNode*>(children.data[i]));
  }
  return out;
}

// Without the line breaks the writer puts between blocks.
inline std::string trimmed(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

inline void collect(const GumboNode* node, HtmlContent& out) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = node->v.element;
  switch (e.tag) {
    case GUMBO_TAG_TITLE:
      out.title = node_text(node);
      return;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
      out.headings.push_back(node_text(node));
      return;
    case GUMBO_TAG_P:
      out.paragraphs.push_back(node_text(node));
      return;
    case GUMBO_TAG_FIGCAPTION:
      out.figure_captions.push_back(node_text(node));
      return;
    case GUMBO_TAG_SVG:
      ++out.svgs;
      return;
    case GUMBO_TAG_SCRIPT:
      ++out.scripts;
      break;
    case GUMBO_TAG_TABLE:
      out.tables.emplace_back();
      break;
    case GUMBO_TAG_TR:
      out.tables.back().emplace_back();
      break;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      out.tables.back().back().push_back(trimmed(node_text(node)));
      return;
    default:
      break;
  }
  for (const char* name : {"src", "href"}) {
    if (gumbo_get_attribute(&e.attributes, name) != nullptr) ++out.external_links;
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    collect(static_cast<const GumboNode*>(e.children.data[i]), out);
  }
}

inline HtmlContent read_html(const std::string& html) {
  GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  HtmlContent out;
  collect(parsed->root, out);
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  return out;
}

}  // namespace thematica::testing
