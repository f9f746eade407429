#pragma once
// Reads Word documents (.docx, Office Open XML, transitional or strict): the body's paragraphs and
// tables in order, runs joined exactly as written (single-space runs kept), tracked insertions
// kept and deletions dropped (with a warning, as deleted text may be a name the researcher
// removed), field codes skipped, text boxes read once (mc:Choice, not also mc:Fallback),
// footnotes marked "[n]" in the text, footnotes, endnotes and comments appended as sections. A
// table of speaker turns makes the document a transcript (see lay_out_blocks).

#include <string_view>

#include "ingest/extraction.hpp"

namespace thematica {

// Errors: kInvalidInput for a password-protected, damaged, truncated or oversized file (zip
// bomb, see ZipArchive), for one without word/document.xml, and for malformed XML (with the part
// and byte offset).
Result<Extraction> read_docx(std::string_view bytes, const ReadOptions& options);

}  // namespace thematica
