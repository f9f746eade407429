#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace thematica {
namespace {

// Length of the sequence starting at `i`, or 0 when it is malformed (RFC 3629, table 3-7 of the
// Unicode standard).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + need >= s.size()) return 0;  // truncated at the end of the input
  unsigned char b1 = byte(i + 1);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k <= need; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return need + 1;
}

}  // namespace

Status validate_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    std::size_t n = sequence_length(bytes, i);
    if (n == 0) {
      return failf(ErrorKind::kInvalidInput,
                   "the text is not valid UTF-8 (first bad byte at offset {}); save the file "
                   "as UTF-8 and import it again",
                   i);
    }
    i += n;
  }
  return {};
}

std::string_view last_code_points(std::string_view bytes, std::uint64_t n) {
  std::size_t start = bytes.size();
  std::uint64_t taken = 0;
  for (std::size_t i = bytes.size(); i > 0 && taken < n; --i) {
    if (is_lead_byte(static_cast<unsigned char>(bytes[i - 1]))) {
      start = i - 1;
      ++taken;
    }
  }
  return bytes.substr(start);
}

std::string_view first_code_points(std::string_view bytes, std::uint64_t n) {
  std::uint64_t seen = 0;
  std::size_t end = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (!is_lead_byte(static_cast<unsigned char>(bytes[i]))) continue;
    if (seen == n) return bytes.substr(0, i);
    ++seen;
    end = i;
  }
  // The last code point counts only if all of its bytes are there.
  if (seen <= n && end < bytes.size()) {
    auto lead = static_cast<unsigned char>(bytes[end]);
    std::size_t need = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (end + need > bytes.size()) return bytes.substr(0, end);
  }
  return bytes;
}

std::string normalise_line_endings(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c != '\r') {
      out.push_back(c);
      continue;
    }
    out.push_back('\n');
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
  }
  return out;
}

}  // namespace thematica
