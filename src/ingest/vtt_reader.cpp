#include "ingest/vtt_reader.hpp"

#include "ingest/cue_blocks.hpp"

namespace thematica {
namespace {

bool starts_with_word(std::string_view line, std::string_view word) {
  return line.substr(0, word.size()) == word &&
         (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

}  // namespace

Result<std::vector<Cue>> read_vtt_cues(std::string_view text) {
  auto blocks = split_blocks(text);
  if (blocks.empty() || !starts_with_word(blocks[0].lines[0], "WEBVTT")) {
    return fail(ErrorKind::kInvalidInput,
                "not a WebVTT file: the first line must be WEBVTT; use --kind to choose a reader");
  }
  std::vector<Cue> cues;
  for (std::size_t b = 1; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    std::string_view first = block.lines[0];
    if (starts_with_word(first, "NOTE") || starts_with_word(first, "STYLE") ||
        starts_with_word(first, "REGION")) {
      continue;
    }
    TRY(cue, parse_cue_block(block, /*comma_fraction=*/false));
    if (cue) cues.push_back(std::move(*cue));
  }
  // Teams names speakers in voice tags; Zoom in text prefixes.
  split_speaker_prefixes(cues);
  return cues;
}

}  // namespace thematica
