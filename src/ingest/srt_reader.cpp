#include "ingest/srt_reader.hpp"

#include "ingest/cue_blocks.hpp"

namespace thematica {

Result<std::vector<Cue>> read_srt_cues(std::string_view text) {
  std::vector<Cue> cues;
  for (const Block& block : split_blocks(text)) {
    TRY(cue, parse_cue_block(block, /*comma_fraction=*/true));
    if (cue) cues.push_back(std::move(*cue));
  }
  if (cues.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "no subtitle cue found: an SRT cue is a number, a line 'hh:mm:ss,mmm --> "
                "hh:mm:ss,mmm' and its text");
  }
  split_speaker_prefixes(cues);
  return cues;
}

}  // namespace thematica
