#pragma once
// Expected failures as values: every operation that input, files or users can break returns
// Result<T>. Exceptions are reserved for bugs and for throwing third-party libraries (converted at
// the adapter that calls them).

#include <string>
#include <utility>

#include <fmt/format.h>
#include <tl/expected.hpp>

namespace thematica {

enum class ErrorKind {
  kInvalidInput,  // the user's input or file is wrong; fixing it makes the call succeed
  kNotFound,      // a named document, code, coder, case... does not exist
  kConflict,      // the change collides with existing data (duplicate name, coding exists)
  kBusy,          // another process holds the project
  kIo,            // the file system failed or a file is unreadable
  kCorrupt,       // the project file is damaged or is not a Thematica project
  kUnsupported,   // valid but not supported by this build (e.g. a newer schema)
  kInternal,      // a bug: an invariant did not hold
};

// A failure a user can act on: what went wrong, where (file, line, byte or code-point offset).
struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  std::string where;  // empty when the message already says it

  // The message with its location, as printed to users.
  std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

template <class T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> fail(ErrorKind kind, std::string message, std::string where = {}) {
  return tl::unexpected<Error>(Error{kind, std::move(message), std::move(where)});
}

template <class... Args>
tl::unexpected<Error> failf(ErrorKind kind, fmt::format_string<Args...> format, Args&&... args) {
  return fail(kind, fmt::format(format, std::forward<Args>(args)...));
}

// Names the kind in lower case, e.g. "invalid input"; used in JSON error codes and logs.
const char* error_kind_name(ErrorKind kind);

// Propagates the error of a Result expression, otherwise yields its value. The macro arguments
// are a declared name and an expression used once, so parenthesising them is neither possible
// nor needed.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TRY(var, expr)                                              \
  auto var##_result_ = (expr);                                      \
  if (!var##_result_) return tl::unexpected(var##_result_.error()); \
  auto var = std::move(*var##_result_)

#define TRY_STATUS(expr) THEMATICA_TRY_STATUS_(THEMATICA_CONCAT_(status_, __COUNTER__), expr)
#define THEMATICA_TRY_STATUS_(name, expr)           \
  do {                                              \
    auto name = (expr);                             \
    if (!name) return tl::unexpected(name.error()); \
  } while (0)
#define THEMATICA_CONCAT_(a, b) THEMATICA_CONCAT_IMPL_(a, b)
#define THEMATICA_CONCAT_IMPL_(a, b) a##b
// NOLINTEND(bugprone-macro-parentheses)

}  // namespace thematica
