#pragma once
// The detectors read words byte by byte and take every byte of a multi-byte UTF-8 character as a
// letter, so "Zoë" stays one word; these trim the punctuation that is multi-byte too ("I—",
// "“Priya", "Jess…"): Latin-1's (U+00A0 to U+00BF) and General Punctuation (U+2000 to U+206F).

#include <cstddef>
#include <string_view>

namespace thematica {

inline std::size_t punctuation_before(std::string_view text, std::size_t begin, std::size_t end) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (end >= begin + 2 && at(end - 2) == 0xC2 && at(end - 1) >= 0xA0 && at(end - 1) <= 0xBF) {
    return 2;
  }
  if (end >= begin + 3 && at(end - 3) == 0xE2 && (at(end - 2) == 0x80 || at(end - 2) == 0x81)) {
    return 3;
  }
  return 0;
}

inline std::size_t punctuation_after(std::string_view text, std::size_t begin, std::size_t end) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (begin + 2 <= end && at(begin) == 0xC2 && at(begin + 1) >= 0xA0 && at(begin + 1) <= 0xBF) {
    return 2;
  }
  if (begin + 3 <= end && at(begin) == 0xE2 && (at(begin + 1) == 0x80 || at(begin + 1) == 0x81)) {
    return 3;
  }
  return 0;
}

// The end of [begin, end) without multi-byte punctuation at its end.
inline std::size_t trim_punctuation_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (std::size_t n = punctuation_before(text, begin, end)) end -= n;
  return end;
}

// The start of [begin, end) without multi-byte punctuation at its start.
inline std::size_t trim_punctuation_start(std::string_view text, std::size_t begin,
                                          std::size_t end) {
  while (std::size_t n = punctuation_after(text, begin, end)) begin += n;
  return begin;
}

}  // namespace thematica
