#include "cli/exit_codes.hpp"

#include <iostream>

#include "services/json_codec.hpp"

namespace thematica::cli {

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInternal:
      return 1;
    case ErrorKind::kInvalidInput:
      return 3;
    case ErrorKind::kNotFound:
      return 4;
    case ErrorKind::kConflict:
      return 5;
    case ErrorKind::kBusy:
      return 6;
    case ErrorKind::kIo:
      return 7;
    case ErrorKind::kCorrupt:
      return 8;
    case ErrorKind::kUnsupported:
      return 9;
  }
  return 1;
}

int report_error(const Error& error, bool json) {
  if (json) std::cout << error_json(error).dump(2) << '\n';
  std::cerr << "error: " << error.describe() << '\n';
  return exit_code(error.kind);
}

}  // namespace thematica::cli
