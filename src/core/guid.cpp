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

bool is_guid(std::string_view text) {
  // Plain comparisons, not std::isxdigit: an import checks millions of GUIDs, and the C library
  // asks the locale for each character.
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  };
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !hex(c)) return false;
  }
  return true;
}

std::optional<GuidBytes> guid_bytes(std::string_view text) {
  if (!is_guid(text)) return std::nullopt;
  auto hex = [](char c) {
    return static_cast<std::uint8_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  };
  GuidBytes g;
  std::size_t at = 0;
  for (std::size_t i = 0; i < text.size(); i += text[i] == '-' ? 1 : 2) {
    if (text[i] == '-') continue;
    g.bytes[at++] = static_cast<std::uint8_t>(hex(text[i]) << 4 | hex(text[i + 1]));
  }
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
