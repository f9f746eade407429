#pragma once
// The one entry point for files becoming documents: picks the reader for a file and runs it.
// Readers: text, speaker-text, webvtt, srt, docx, odt, pdf, html, markdown.

#include <optional>
#include <string>

#include "ingest/extraction.hpp"

namespace thematica {

// The reader for a file: `kind` when given, else by extension (.vtt, .srt, .docx, .odt, .pdf,
// .html/.htm, .md/.markdown; anything else is text). Errors: kInvalidInput for an unknown kind.
Result<std::string> choose_reader(const std::string& path, const std::optional<std::string>& kind);

// ".docx" for "Interview.DOCX".
std::string lower_extension(const std::string& path);

// True for the files a folder import takes: .txt and the extensions choose_reader() knows.
bool has_document_extension(const std::string& path);

// Reads a file with `reader`. Unless the reader was forced (`forced`), a text, DOCX, ODT, PDF or
// Markdown document made of speaker turns ("Name: text", "[00:01:23] Name: text", Otter, f4) is
// read as a transcript; with options.speaker_pattern it is always read as one, in that layout.
// Errors (without the path: the caller adds it): those of read_file_bytes, decode_text and the
// readers.
Result<Extraction> read_document_file(const std::string& path, const std::string& reader,
                                      bool forced, const ReadOptions& options);

}  // namespace thematica
