#pragma once
// Reads Markdown (CommonMark, with cmark) as the text a reader sees: markup removed (#, *, _,
// link targets, code fences), paragraphs, headings, list items and code lines one per line, soft
// line breaks as spaces, raw HTML dropped.

#include <string_view>

#include "ingest/extraction.hpp"

namespace thematica {

// `markdown` is UTF-8. Errors: kInvalidInput when the file has no text.
Result<Extraction> read_markdown(std::string_view markdown);

}  // namespace thematica
