// libFuzzer target: text decoding (BOMs, UTF-16, detected legacy encodings) and line-ending
// normalisation; the result must always be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"
#include "ingest/encoding.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = decode_text(bytes, "auto");
  if (!decoded) return 0;
  if (!validate_utf8(normalise_line_endings(decoded->utf8))) std::abort();
  return 0;
}
