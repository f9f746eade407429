#include "server/session.hpp"

#include <sodium.h>

#include <array>

namespace thematica::server {
namespace {

// 32 random bytes as hexadecimal: unguessable, and safe in a URL and a cookie.
std::string random_hex() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Session::Session() {
  if (sodium_init() < 0) std::abort();  // no randomness: refuse to serve rather than guessable keys
  token_ = random_hex();
  secret_ = random_hex();
}

bool Session::redeem(std::string_view token) {
  std::lock_guard lock(mutex_);
  if (spent_ || !same(token, token_)) return false;
  spent_ = true;
  return true;
}

std::string Session::cookie() const {
  return std::string(kCookieName) + "=" + secret_ + "; Path=/; HttpOnly; SameSite=Strict";
}

bool Session::admits(std::string_view cookie_header) const {
  auto value = cookie_value(cookie_header, kCookieName);
  return value && same(*value, secret_);
}

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace thematica::server
