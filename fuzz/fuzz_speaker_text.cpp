// libFuzzer target: speaker-turn text (Name: text, Otter, f4 marks), from raw bytes through
// encoding detection to the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "ingest/encoding.hpp"
#include "ingest/speaker_text_reader.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = decode_text(bytes, "auto");
  if (!decoded) return 0;
  std::string text = normalise_line_endings(decoded->utf8);
  auto cues = read_speaker_text_cues(text);
  if (cues) (void)assemble_transcript(*cues, "speaker-text");
  return 0;
}
