#pragma once
// Reads PDF text with Debian's pdftotext program (poppler-utils) rather than by linking poppler,
// which is GPL: Thematica stays free to license as it chooses. Text comes in reading order;
// pages are separated by a blank line and the code point where each page starts is recorded so
// a quote can cite its page.

#include <string>

#include "ingest/extraction.hpp"

namespace thematica {

// Errors: kUnsupported when pdftotext is not installed (naming the package); kInvalidInput for a
// password-protected PDF, a damaged one, and a scanned one (pages without text: run OCR first).
Result<Extraction> read_pdf(const std::string& path, const ReadOptions& options);

}  // namespace thematica
