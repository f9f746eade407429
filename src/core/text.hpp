#pragma once
// The canonical text of a document: immutable, validated UTF-8, addressed by Unicode code points.
// A sparse index (one byte offset per kStride code points) makes slicing O(kStride) instead of a
// scan from the start. Cheap to move; copying copies the text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/range.hpp"

namespace thematica {

class Text {
 public:
  Text() = default;

  // Takes ownership of `utf8`. Errors: kInvalidInput with the byte offset of the first malformed
  // sequence.
  static Result<Text> from_utf8(std::string utf8);

  const std::string& utf8() const { return bytes_; }
  std::uint64_t length() const { return length_; }  // in code points

  // Byte offset of code point `cp`; `cp == length()` gives the byte size. Precondition: cp <=
  // length.
  std::size_t byte_offset(std::uint64_t cp) const;
  // Code point index of byte offset `byte`, which must be a sequence boundary or the byte size.
  std::uint64_t code_point_offset(std::size_t byte) const;

  // The bytes of `range`. Precondition: the range lies within the text (see check_range).
  std::string_view slice(const Range& range) const;

  // Every code-point position where `needle` starts, non-overlapping matches skipped over.
  std::vector<std::uint64_t> find_all(std::string_view needle) const;

 private:
  static constexpr std::uint64_t kStride = 64;

  void build_index();

  std::string bytes_;
  std::vector<std::uint32_t> index_;  // index_[k] = byte offset of code point k * kStride
  std::uint64_t length_ = 0;
};

}  // namespace thematica
