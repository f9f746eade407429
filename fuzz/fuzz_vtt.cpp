// libFuzzer target: WebVTT transcripts (Zoom, Teams), from raw bytes through encoding detection to
// the reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/vtt_reader.hpp"
#include "input_text.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = fuzz::input_text(data, size);
  if (!input) return 0;
  const std::string& text = *input;
  auto cues = read_vtt_cues(text);
  if (cues) (void)assemble_transcript(*cues, "webvtt");
  return 0;
}
