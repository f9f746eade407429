#pragma once
// Who may use a running workspace: the URL printed at start carries a one-time token; the first
// request presenting it gets a session cookie (HttpOnly, SameSite=Strict) and the token is spent,
// so a link copied from a terminal or a browser history cannot open the workspace again. Every
// other request must carry the cookie. Thread-safe.

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace thematica::server {

class Session {
 public:
  static constexpr const char* kCookieName = "thematica_session";

  Session();  // fresh random token and session secret

  const std::string& token() const { return token_; }

  // True once: for the unspent token. Constant-time comparison.
  bool redeem(std::string_view token);
  // The Set-Cookie value that admits this session.
  std::string cookie() const;
  // True when a Cookie header carries this session's secret.
  bool admits(std::string_view cookie_header) const;

 private:
  std::string token_;
  std::string secret_;
  mutable std::mutex mutex_;
  bool spent_ = false;
};

// The value of one cookie in a Cookie header, or nullopt.
std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name);

}  // namespace thematica::server
