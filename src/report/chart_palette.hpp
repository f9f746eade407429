#pragma once
// Fills for the series of a chart of groups (students, advisors, leaders …), shared by the Excel
// and SVG charts so a group has the same colour everywhere. Neighbouring series differ strongly
// in lightness as well as hue (blue against amber), so bars stay apart in black-and-white print
// and for readers who do not tell red from green.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace thematica::report {

inline constexpr std::array<std::uint32_t, 6> kGroupFills = {0x17324D, 0xD9A43A, 0x5B8FB9,
                                                             0xF2E2B8, 0x7A3B2E, 0xA9C8A0};

// The fill of the `index`-th series as 0xRRGGBB (cycles after six).
inline std::uint32_t group_fill(std::size_t index) {
  return kGroupFills[index % kGroupFills.size()];
}

// The same as "#rrggbb".
inline std::string group_fill_hex(std::size_t index) {
  return fmt::format("#{:06x}", group_fill(index));
}

}  // namespace thematica::report
