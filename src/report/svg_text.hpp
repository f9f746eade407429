#pragma once
// Text in our SVG charts, laid out without a font at hand: lengths in characters (code points)
// and labels cut to the room they have, with "…" (the whole name stays in the chart's
// description for screen readers).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.hpp"

namespace thematica::report {

inline double label_length(std::string_view text) {
  int n = 0;
  for (unsigned char c : text) n += is_lead_byte(c) ? 1 : 0;
  return n;
}

// `text` when it has at most `characters` characters, else its first characters - 1 and "…".
inline std::string fit_label(const std::string& text, double characters) {
  if (label_length(text) <= characters || characters < 2) return text;
  auto keep = static_cast<std::uint64_t>(characters) - 1;
  return std::string(first_code_points(text, keep)) + "\u2026";
}

}  // namespace thematica::report
