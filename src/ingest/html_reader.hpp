#pragma once
// Reads HTML as a browser shows it, with Gumbo (an HTML5 parser): visible text only (no script,
// style, head or template), whitespace collapsed as browsers do (kept in <pre>), block elements
// and <br> as line breaks, table cells separated by tabs, entities decoded.

#include <string_view>

#include "ingest/extraction.hpp"

namespace thematica {

// `html` is UTF-8 (see decode_text). Errors: kInvalidInput when the page has no visible text.
Result<Extraction> read_html(std::string_view html);

}  // namespace thematica
