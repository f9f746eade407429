#pragma once
// Reads SubRip (.srt) subtitles: numbered cues with "hh:mm:ss,mmm --> hh:mm:ss,mmm" timings
// (optional X1:.. coordinates ignored), <i>/<b>/<u>/<font> tags removed, speakers from "Name: "
// prefixes as Zoom writes them.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ingest/transcript.hpp"

namespace thematica {

// `text` is canonical UTF-8 (BOM removed, LF line ends). Errors: kInvalidInput for a malformed
// timing (naming the line) or a file with no cue at all.
Result<std::vector<Cue>> read_srt_cues(std::string_view text);

}  // namespace thematica
