#include "core/range.hpp"

#include <charconv>

namespace thematica {
namespace {

bool parse_u64(std::string_view text, std::uint64_t& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

Result<Range> parse_range(const std::string& text) {
  auto colon = text.find(':');
  Range range;
  if (colon == std::string::npos ||
      !parse_u64(std::string_view(text).substr(0, colon), range.start) ||
      !parse_u64(std::string_view(text).substr(colon + 1), range.end)) {
    return failf(ErrorKind::kInvalidInput,
                 "range '{}' is not START:END in code points, e.g. 120:164", text);
  }
  if (range.end < range.start) {
    return failf(ErrorKind::kInvalidInput,
                 "range {}:{} is reversed; the start must come before the end", range.start,
                 range.end);
  }
  return range;
}

Status check_range(const Range& range, std::uint64_t length) {
  if (range.end < range.start) {
    return failf(ErrorKind::kInvalidInput,
                 "range {}:{} is reversed; the start must come before the end", range.start,
                 range.end);
  }
  if (range.end == range.start) {
    return failf(ErrorKind::kInvalidInput,
                 "range {}:{} is empty; a coding needs at least one "
                 "character",
                 range.start, range.end);
  }
  if (range.end > length) {
    return failf(ErrorKind::kInvalidInput,
                 "range {}:{} reaches past the end of the text, which has {} code points",
                 range.start, range.end, length);
  }
  return {};
}

}  // namespace thematica
