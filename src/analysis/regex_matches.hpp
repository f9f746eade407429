#pragma once
// Every match of an RE2 pattern in a text, as the identifier detectors walk them (internal to
// analysis/, which links RE2).

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace thematica {

// Calls found(begin, end) with the byte span of each match's first group (of the whole match when
// the pattern has no group, or the group did not take part), then searches on after the match.
template <typename Found>
void for_each_match(const RE2& re, std::string_view text, Found found) {
  int n = re.NumberOfCapturingGroups() > 0 ? 2 : 1;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece parts[2];
  std::size_t at = 0;
  while (at <= text.size() && re.Match(input, at, text.size(), RE2::UNANCHORED, parts, n)) {
    const re2::StringPiece& hit = parts[n - 1].data() != nullptr ? parts[n - 1] : parts[0];
    auto begin = static_cast<std::size_t>(hit.data() - text.data());
    found(begin, begin + hit.size());
    auto end = static_cast<std::size_t>(parts[0].data() - text.data()) + parts[0].size();
    at = std::max(end, at + 1);
  }
}

}  // namespace thematica
