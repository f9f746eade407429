#include "core/text.hpp"

#include <algorithm>
#include <limits>

#include "core/utf8.hpp"

namespace thematica {

Result<Text> Text::from_utf8(std::string utf8) {
  TRY_STATUS(validate_utf8(utf8));
  if (utf8.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return fail(ErrorKind::kUnsupported, "the text is larger than 4 GiB; split it into parts");
  }
  Text text;
  text.bytes_ = std::move(utf8);
  text.build_index();
  return text;
}

void Text::build_index() {
  index_.clear();
  index_.reserve(bytes_.size() / kStride + 1);
  std::uint64_t cp = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (!is_lead_byte(data[i])) continue;
    if (cp % kStride == 0) index_.push_back(static_cast<std::uint32_t>(i));
    ++cp;
  }
  length_ = cp;
}

std::size_t Text::byte_offset(std::uint64_t cp) const {
  if (cp >= length_) return bytes_.size();
  std::size_t byte = index_[cp / kStride];
  const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
  for (std::uint64_t left = cp % kStride; left > 0;) {
    ++byte;
    if (is_lead_byte(data[byte])) --left;
  }
  return byte;
}

std::uint64_t Text::code_point_offset(std::size_t byte) const {
  if (byte >= bytes_.size()) return length_;
  auto it = std::upper_bound(index_.begin(), index_.end(), byte);
  std::size_t block = static_cast<std::size_t>(it - index_.begin()) - 1;
  std::uint64_t cp = block * kStride;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
  // Code points that start in [index_[block], byte) lie between the block's first one and `byte`.
  for (std::size_t i = index_[block]; i < byte; ++i) {
    if (is_lead_byte(data[i])) ++cp;
  }
  return cp;
}

std::string_view Text::slice(const Range& range) const {
  std::size_t from = byte_offset(range.start);
  std::size_t to = byte_offset(range.end);
  return std::string_view(bytes_).substr(from, to - from);
}

std::vector<std::uint64_t> Text::find_all(std::string_view needle) const {
  std::vector<std::uint64_t> starts;
  if (needle.empty()) return starts;
  std::string_view hay(bytes_);
  std::size_t last_byte = 0;
  std::uint64_t last_cp = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
  for (auto pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + needle.size())) {
    // Walk forward from the previous hit: all hits together cost one pass over the text.
    for (std::size_t i = last_byte; i < pos; ++i) {
      if (is_lead_byte(data[i])) ++last_cp;
    }
    last_byte = pos;
    starts.push_back(last_cp);
  }
  return starts;
}

}  // namespace thematica
