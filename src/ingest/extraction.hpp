#pragma once
// What a reader makes of a file: the canonical text of one document (UTF-8, LF line ends) and
// what the import report needs to say about how it was read.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/file_bytes.hpp"
#include "ingest/transcript.hpp"

namespace thematica {

struct ReadOptions {
  std::string encoding = "auto";                   // text-based files; see decode_text()
  std::uint64_t max_bytes = kDefaultMaxFileBytes;  // the file, and what a zip-based file unpacks to
  std::optional<std::string> speaker_pattern;      // see SpeakerPattern
};

struct Extraction {
  std::string reader;    // "text", "speaker-text", "webvtt", "srt", "docx", "odt", "pdf", ...
  std::string text;      // canonical text (the transcript's, when there is one)
  std::string encoding;  // text-based files: the encoding read ("UTF-8", "WINDOWS-1252")
  bool encoding_guessed = false;
  std::vector<std::string> warnings;  // said in the import report ("2 tracked deletions dropped")
  std::vector<std::uint64_t> page_starts;  // PDF: code point where each page starts
  std::optional<Transcript> transcript;    // speaker turns, when the file is a transcript
};

// A structured document (DOCX, ODT) as a sequence of paragraphs and tables, before layout.
struct DocumentBlock {
  std::string text;                            // a paragraph (no newline inside)
  std::vector<std::vector<std::string>> rows;  // a table: rows of cells (cells may hold newlines)
  bool is_table() const { return !rows.empty(); }
};

// Lays blocks out as text: one line per paragraph, one per table row with cells separated by a
// tab, and `sections` (footnotes, comments) appended after a blank line. A table of speaker turns
// (columns headed Speaker and Text, optionally Time; or unheaded time/speaker/text columns)
// makes the result a transcript in which the other paragraphs are kept as narrative lines.
Extraction lay_out_blocks(const std::vector<DocumentBlock>& blocks,
                          const std::vector<std::string>& sections, std::string reader);

}  // namespace thematica
