#pragma once
// The only place errors meet the outside world of the CLI: one exit code per error kind
// (documented in docs/cli.md) and the printed form.

#include "core/error.hpp"

namespace thematica::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;

int exit_code(ErrorKind kind);
// Prints "error: <message>" to stderr (or the JSON error object on stdout in --json mode) and
// returns the exit code.
int report_error(const Error& error, bool json);

}  // namespace thematica::cli
