#pragma once
// Small helpers for the one-line summaries that go into the change log.

#include <concepts>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace thematica {

// "1 coding", "3 codings".
template <std::integral N>
std::string count_of(N n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace thematica
