// libFuzzer target: survey CSV exports (Qualtrics, REDCap, plain), from raw bytes through encoding
// detection to the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "ingest/encoding.hpp"
#include "ingest/survey.hpp"
#include "interop/csv.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = decode_text(bytes, "auto");
  if (!decoded) return 0;
  std::string text = normalise_line_endings(decoded->utf8);
  auto rows = parse_csv(text);
  if (rows) (void)interpret_survey(std::move(*rows), {});
  return 0;
}
