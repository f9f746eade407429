#pragma once
// How exchange files count positions in a text, and which counting a file used. The REFI-QDA
// specification counts Unicode code points; NVivo counts UTF-16 code units (a character outside
// the Basic Multilingual Plane, such as an emoji, is two) with CRLF as two; ATLAS.ti and MAXQDA
// count a CRLF as one. Thematica keeps texts byte for byte and counts code points (a CRLF is two),
// so positions are converted at the file boundary and nowhere else.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace thematica {

struct Counting {
  bool utf16 = false;        // UTF-16 code units instead of code points
  bool crlf_as_one = false;  // a CR LF pair is one position
  bool operator==(const Counting&) const = default;
};

// "code points, CRLF = 2", "UTF-16 units, CRLF = 1", ...
std::string describe(Counting counting);

// The four countings in the order they are tried (the specification's first).
std::vector<Counting> all_countings();

// The counting a program writes when nothing in the file shows which one it used: NVivo's for an
// origin naming NVivo, CRLF as one for ATLAS.ti and MAXQDA, the specification's otherwise.
Counting default_counting(std::string_view origin);

// Converts between Thematica's positions (code points into the UTF-8 text) and a counting's.
// Built in one pass over the text; each conversion is a binary search over the few characters
// where the countings differ.
class PositionMap {
 public:
  PositionMap(std::string_view utf8, Counting counting);

  // The position `code_point` has in this counting. Precondition: code_point <= length.
  std::uint64_t to_units(std::uint64_t code_point) const;
  // The code point at position `units` of this counting; where two code points share it (the LF
  // of a CRLF counted as one), the later. nullopt past the end or inside a surrogate pair.
  std::optional<std::uint64_t> to_code_point(std::uint64_t units) const;
  std::uint64_t length_in_units() const { return to_units(length_); }

 private:
  std::uint64_t length_ = 0;                // in code points
  std::vector<std::uint64_t> event_at_;     // code points where the counting differs, ascending
  std::vector<std::int64_t> shift_after_;   // units minus code points after each of them
  std::vector<std::uint64_t> units_after_;  // position (in units) just after each of them
};

// What a file says about one selection, for choosing a counting.
struct SelectionClaim {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string_view name;  // the selected text as the file names it ("" when it does not)
};

struct CountingChoice {
  Counting counting;
  bool differs = true;  // false when the text reads the same under every counting
  int named = 0;        // selections whose name could confirm a counting
  int confirmed = 0;    // of those, how many the chosen counting confirms
  int on_word_boundaries = 0;
  int selections = 0;
  bool by_default = false;  // no name decided it, so the program's default was taken
};

// Chooses the counting under which the most named selections select their own name (a name
// ending in "…" is a prefix; runs of white space compare equal), falling back to `fallback`
// when no name decides. Word boundaries are counted for the report.
CountingChoice choose_counting(const Text& text, const std::vector<SelectionClaim>& claims,
                               Counting fallback);

// One line for an import report: "UTF-16 units, CRLF = 2 (NVivo's counting; 295 of 303
// selections start and end on word boundaries)".
std::string describe(const CountingChoice& choice);

}  // namespace thematica
