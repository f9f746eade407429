#include "core/guid.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>

namespace thematica {
namespace {

struct Generator {
  std::mutex mutex;
  std::mt19937_64 rng{std::random_device{}()};
  std::uint64_t last_ms = 0;
  std::uint64_t counter = 0;  // keeps GUIDs made in one millisecond in creation order
};

Generator& generator() {
  static Generator g;
  return g;
}

}  // namespace

std::string new_guid() {
  auto& g = generator();
  std::array<unsigned char, 16> b{};
  {
    std::lock_guard lock(g.mutex);
    auto now = std::chrono::system_clock::now().time_since_epoch();
    auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
    if (ms <= g.last_ms) {
      ms = g.last_ms;
      if (++g.counter > 0xFFF) {  // counter spent: borrow the next millisecond (RFC 9562 6.2)
        ms = ++g.last_ms;
        g.counter = 0;
      }
    } else {
      g.last_ms = ms;
      g.counter = g.rng() & 0x3FF;  // random start leaves room to count up within the millisecond
    }
    for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    // 12-bit counter in rand_a (RFC 9562 method 1), then 62 random bits.
    b[6] = static_cast<unsigned char>(0x70 | ((g.counter >> 8) & 0x0F));
    b[7] = static_cast<unsigned char>(g.counter & 0xFF);
    std::uint64_t r = g.rng();
    for (int i = 8; i < 16; ++i) b[i] = static_cast<unsigned char>(r >> (8 * (i - 8)));
  }
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // variant 10
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

namespace {

// Each byte's value as a hexadecimal digit, or kNotHex: an import checks millions of GUIDs, and a
// lookup is cheaper than range tests (or the C library's locale-aware isxdigit). Valid values
// use the low four bits only, so OR-ing a GUID's lookups tells at once whether any was not hex.
constexpr std::uint8_t kNotHex = 0x80;
constexpr std::array<std::uint8_t, 256> kHexValue = [] {
  std::array<std::uint8_t, 256> value{};
  value.fill(kNotHex);
  for (int d = 0; d < 10; ++d) value['0' + d] = static_cast<std::uint8_t>(d);
  for (int d = 0; d < 6; ++d) {
    value['a' + d] = value['A' + d] = static_cast<std::uint8_t>(10 + d);
  }
  return value;
}();

// Where each byte's two digits start in the 8-4-4-4-12 form.
constexpr std::array<std::size_t, 16> kDigitsAt = {0,  2,  4,  6,  9,  11, 14, 16,
                                                   19, 21, 24, 26, 28, 30, 32, 34};

bool shaped_like_guid(std::string_view text) {
  return text.size() == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' &&
         text[23] == '-';
}

std::uint8_t hex_value(char c) { return kHexValue[static_cast<unsigned char>(c)]; }

}  // namespace

bool is_guid(std::string_view text) {
  if (!shaped_like_guid(text)) return false;
  unsigned seen = 0;
  for (std::size_t at : kDigitsAt) seen |= hex_value(text[at]) | hex_value(text[at + 1]);
  return (seen & kNotHex) == 0;
}

std::optional<GuidBytes> guid_bytes(std::string_view text) {
  if (!shaped_like_guid(text)) return std::nullopt;
  GuidBytes g;
  unsigned seen = 0;
  for (std::size_t i = 0; i < kDigitsAt.size(); ++i) {
    std::uint8_t high = hex_value(text[kDigitsAt[i]]);
    std::uint8_t low = hex_value(text[kDigitsAt[i] + 1]);
    seen |= high | low;
    g.bytes[i] = static_cast<std::uint8_t>(high << 4 | low);
  }
  if ((seen & kNotHex) != 0) return std::nullopt;
  return g;
}

std::string guid_string(const GuidBytes& guid) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kDigits[guid.bytes[i] >> 4];
    out += kDigits[guid.bytes[i] & 0xF];
  }
  return out;
}

}  // namespace thematica
