#pragma once
// Reads OpenDocument text (.odt, LibreOffice and others): paragraphs, headings, lists and tables
// from content.xml in order; repeated spaces (text:s), tabs and line breaks as written; notes
// marked "[n]" in the text and appended as a Notes section, comments as a Comments section;
// tracked deletions (kept by ODF outside the text flow) dropped with a warning. A table of
// speaker turns makes the document a transcript (see lay_out_blocks).

#include <string_view>

#include "ingest/extraction.hpp"

namespace thematica {

// Errors: kInvalidInput for an encrypted, damaged, truncated or oversized file, for one without
// content.xml, and for malformed XML.
Result<Extraction> read_odt(std::string_view bytes, const ReadOptions& options);

}  // namespace thematica
