#include "ingest/html_reader.hpp"

#include <gumbo.h>

#include <memory>

namespace thematica {
namespace {

bool is_hidden(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_OBJECT;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class TextCollector {
 public:
  void visit(const GumboNode* node, bool in_pre) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      add_text(node->v.text.text, in_pre);
      return;
    }
    if (node->type == GUMBO_NODE_WHITESPACE) {
      add_text(node->v.text.text, in_pre);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_HTML;
    if (is_hidden(tag)) return;
    if (tag == GUMBO_TAG_BR) {
      end_line();
      return;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
    bool block = is_block(tag);
    if (block) end_line();
    if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !line_.empty()) {
      while (!line_.empty() && line_.back() == ' ') line_.pop_back();
      line_ += '\t';
    }
    for (unsigned i = 0; i < children.length; ++i) {
      visit(static_cast<const GumboNode*>(children.data[i]), in_pre || tag == GUMBO_TAG_PRE);
    }
    if (block) end_line();
  }

  std::string finish() {
    end_line();
    return std::move(text_);
  }

 private:
  void add_text(std::string_view s, bool in_pre) {
    for (char c : s) {
      if (in_pre && c == '\n') {
        end_line(true);
      } else if (!in_pre && is_space(c)) {
        if (!line_.empty() && line_.back() != ' ' && line_.back() != '\t') line_ += ' ';
      } else {
        line_ += c;
      }
    }
  }

  void end_line(bool keep_empty = false) {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    if (!line_.empty() || keep_empty) text_ += line_ + '\n';
    line_.clear();
  }

  std::string text_;
  std::string line_;
};

}  // namespace

Result<Extraction> read_html(std::string_view html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  TextCollector collector;
  collector.visit(output->document, false);
  Extraction out;
  out.reader = "html";
  out.text = collector.finish();
  if (out.text.find_first_not_of(" \t\n") == std::string::npos) {
    return fail(ErrorKind::kInvalidInput, "the HTML page has no visible text");
  }
  return out;
}

}  // namespace thematica
