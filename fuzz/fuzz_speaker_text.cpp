// libFuzzer target: speaker-turn text (Name: text, Otter, f4 marks), from raw bytes through
// encoding detection to the reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/speaker_text_reader.hpp"
#include "input_text.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = fuzz::input_text(data, size);
  if (!input) return 0;
  const std::string& text = *input;
  auto cues = read_speaker_text_cues(text);
  if (cues) (void)assemble_transcript(*cues, "speaker-text");
  return 0;
}
