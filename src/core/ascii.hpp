#pragma once
// ASCII-only case folding, for names users type (codes, cases, file extensions, column headers):
// SQLite's NOCASE compares the same way, so the project and the code agree on what "same" means.

#include <algorithm>
#include <string>
#include <string_view>

namespace thematica {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
  return out;
}

// True when `a` and `b` differ at most in the case of ASCII letters.
inline bool iequals_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

}  // namespace thematica
