#pragma once
// What the text-based fuzz targets share: the fuzzer's bytes, decoded and normalised as the
// import pipeline does before any text reader runs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.hpp"
#include "ingest/encoding.hpp"

namespace thematica::fuzz {

// The canonical text of the input, or nullopt when decoding refuses it.
inline std::optional<std::string> input_text(const std::uint8_t* data, std::size_t size) {
  auto decoded = decode_text(std::string_view(reinterpret_cast<const char*>(data), size), "auto");
  if (!decoded) return std::nullopt;
  return normalise_line_endings(decoded->utf8);
}

}  // namespace thematica::fuzz
