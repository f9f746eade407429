#pragma once
// What WebVTT and SRT share: blank-line separated blocks, and cues made of an optional id line,
// a "start --> end" timing line (with optional settings after it) and text lines.

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ingest/transcript.hpp"

namespace thematica {

struct Block {
  std::vector<std::string_view> lines;  // never empty
  int first_line = 0;                   // 1-based line number in the file
};

// The lines of LF-separated text; line k (1-based) is element k - 1. A final LF ends the last
// line rather than starting an empty one.
std::vector<std::string_view> split_lines(std::string_view text);

// True for a line holding nothing but spaces and tabs.
bool is_blank(std::string_view line);

// Splits LF-separated text into blocks at blank (or whitespace-only) lines.
std::vector<Block> split_blocks(std::string_view text);

// A cue from a block, or nullopt when the block holds no timing line (not a cue). Errors:
// kInvalidInput for a timing line whose times do not parse or run backwards, naming the line.
// `comma_fraction` accepts SRT's "00:01:02,500".
Result<std::optional<Cue>> parse_cue_block(const Block& block, bool comma_fraction);

}  // namespace thematica
