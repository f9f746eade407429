#pragma once
// A half-open span [start, end) of Unicode code points into a document's canonical text.

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace thematica {

struct Range {
  std::uint64_t start = 0;
  std::uint64_t end = 0;

  std::uint64_t length() const { return end - start; }
  bool operator==(const Range&) const = default;
  bool overlaps(const Range& other) const { return start < other.end && other.start < end; }
};

// Parses "START:END" (decimal code points). Errors: kInvalidInput for any other shape or when
// END < START.
Result<Range> parse_range(const std::string& text);

// Checks a range against a text of `length` code points. Errors: kInvalidInput when the range is
// reversed, empty or reaches past the end (the message names the document length).
Status check_range(const Range& range, std::uint64_t length);

}  // namespace thematica
