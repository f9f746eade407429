#pragma once
// Writes synthetic one-hour focus-group transcripts as Zoom-style WebVTT files, for timing the
// transcript import.

#include <cstdint>
#include <string>
#include <vector>

namespace thematica::bench {

// Writes `count` files into `dir` (about 60 kB each: ~600 cues over an hour, six speakers, one
// of them shared by every session) and returns their paths.
std::vector<std::string> write_vtt_transcripts(const std::string& dir, int count,
                                               std::uint64_t seed);

}  // namespace thematica::bench
