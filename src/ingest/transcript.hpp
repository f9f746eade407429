#pragma once
// A transcript as readers produce it: speaker turns with times, before it becomes a document.
// Consecutive cues of one speaker are merged into one turn; the canonical text lists one turn
// per line as "Speaker: text" (or just the text when the speaker is unknown).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/range.hpp"

namespace thematica {

// One timed piece of a transcript as a file stores it (a WebVTT or SRT cue).
struct Cue {
  std::optional<std::int64_t> start_ms;
  std::optional<std::int64_t> end_ms;
  std::string speaker;  // raw label as written; empty when the file does not say
  std::string text;     // markup removed, lines joined with spaces
  int line = 0;         // where the cue starts in the file, for messages
  // Not speech: a paragraph of the document around a transcript (a title, an introduction). It
  // keeps its own line in the text, is never merged, and has no turn.
  bool narrative = false;
};

// A speaker's turn, placed in the canonical text.
struct Turn {
  std::string speaker;
  std::optional<std::int64_t> start_ms;
  std::optional<std::int64_t> end_ms;
  Range range;  // code points of the whole line ("Speaker: text")
};

struct Transcript {
  std::string reader;  // which reader produced it ("webvtt", "srt", ...)
  std::string text;    // canonical text
  std::vector<Turn> turns;
};

// Merges consecutive cues of the same speaker and lays the turns out as canonical text.
// Errors: kInvalidInput when no cue has any text.
Result<Transcript> assemble_transcript(const std::vector<Cue>& cues, std::string reader);

// Parses "[hh:]mm:ss.ttt" (or with ',' before the fraction, as SRT writes; hours may exceed 99;
// one to three fraction digits) into milliseconds.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// The key two speaker labels are compared by: invisible characters (zero-width, bidi marks, BOM)
// removed, no-break and other spaces folded to one space, trimmed, ASCII letters in lower case.
std::string speaker_key(std::string_view label);

// Cue text as plain text: tags removed (<i>, <b>, <c.x>, <font ...>, timestamp tags), entities
// decoded (&amp; &lt; &gt; &quot; &apos; &nbsp; &lrm; &rlm; &#N; &#xH;), lines joined with one
// space. The first <v Name> voice tag, if any, is stored in `voice` (its entities decoded too).
std::string clean_cue_text(const std::vector<std::string_view>& lines, std::string* voice);

// True when `label` could be a speaker's name: 1 to 60 bytes, at most six words, no sentence
// punctuation (! ? ; ") or brackets; periods and commas are allowed ("Dr. Khan", "Graham, Ken").
bool looks_like_name(std::string_view label);

// Zoom writes the speaker as a "Name: " prefix on every cue. A prefix is taken as a speaker when
// it looks like a name and either the file is written
// that way (at least 80% of its cues start with such a prefix) or the same prefix starts at least
// two cues; so speech containing "a: b" in an ordinary file is left alone. Moves such prefixes
// into Cue::speaker.
void split_speaker_prefixes(std::vector<Cue>& cues);

}  // namespace thematica
