#include "ingest/markdown_reader.hpp"

#include <cmark.h>

#include <memory>

namespace thematica {
namespace {

void end_line(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

}  // namespace

Result<Extraction> read_markdown(std::string_view markdown) {
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> root(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> iter(cmark_iter_new(root.get()),
                                                          cmark_iter_free);
  std::string out;
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_EXIT) {
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) end_line(out);
      continue;
    }
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_CODE_BLOCK:
        end_line(out);
        out += cmark_node_get_literal(node);
        end_line(out);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        break;
    }
  }
  if (out.find_first_not_of(" \t\n") == std::string::npos) {
    return fail(ErrorKind::kInvalidInput, "the Markdown file has no text");
  }
  Extraction extraction;
  extraction.reader = "markdown";
  extraction.text = std::move(out);
  return extraction;
}

}  // namespace thematica
