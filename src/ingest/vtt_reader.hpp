#pragma once
// Reads WebVTT transcripts as Zoom and Microsoft Teams write them: speakers from "Name: " prefixes
// (Zoom) or <v Name> voice tags (Teams, also with a missing </v>), NOTE/STYLE/REGION blocks
// skipped, cue settings ignored, hour-less times, entities decoded.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ingest/transcript.hpp"

namespace thematica {

// `text` is the file as canonical UTF-8 (BOM removed, LF line ends). Errors: kInvalidInput when
// the first line is not WEBVTT, or for a malformed cue timing (naming the line).
Result<std::vector<Cue>> read_vtt_cues(std::string_view text);

}  // namespace thematica
