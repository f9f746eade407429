#pragma once
// Reads plain-text transcripts written as speaker turns, in the layouts transcriptionists and
// tools use:
//   Name: text                       (one turn per line; lines without a speaker continue it)
//   [00:01:23] Name: text            (time before the speaker)
//   Name (00:01:23): text            (time after the speaker)
//   Name  0:49                       (Otter: speaker and time on a line, the text below it)
//   text
//   I: text #00:01:23-4#             (f4/f5 and MAXQDA: a time mark ends the turn)
// or in a layout the user describes with a SpeakerPattern. Times are [h:]mm:ss or m:ss with an
// optional fraction.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ingest/speaker_pattern.hpp"
#include "ingest/transcript.hpp"

namespace thematica {

// Cues of a speaker-turn transcript. Errors: kInvalidInput when it has fewer than two turns or
// fewer than 80% of its non-blank lines belong to a recognised turn layout (then it is not such
// a transcript: import it as text). With a `pattern`, only its layout is recognised and a single
// matching line is enough (the user said what the file is); no match at all is an error.
Result<std::vector<Cue>> read_speaker_text_cues(std::string_view text,
                                                const SpeakerPattern* pattern = nullptr);

// True when read_speaker_text_cues() would accept `text`: used to recognise such .txt files.
bool looks_like_speaker_text(std::string_view text);

}  // namespace thematica
