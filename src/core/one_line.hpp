#pragma once
// A text on one line, for a quote in a listing or a reviewer's context: line breaks and tabs
// become spaces, so one quote stays one row.

#include <algorithm>
#include <string>

namespace thematica {

inline std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

}  // namespace thematica
