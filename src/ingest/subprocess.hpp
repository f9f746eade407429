#pragma once
// Runs a helper program (never through a shell) and collects what it writes.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace thematica {

struct ProgramOutput {
  int exit_code = 0;
  std::string out, err;
};

// Runs argv[0] (looked up on PATH) with `argv`, stdin closed. Errors: kUnsupported when the
// program is not installed; kIo when it cannot be started, is killed by a signal, or writes more
// than `max_output` bytes to stdout (it is then stopped).
Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::uint64_t max_output);

}  // namespace thematica
