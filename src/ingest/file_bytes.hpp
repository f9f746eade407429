#pragma once
// Reads a whole file into memory, refusing folders and files over a size cap before reading.

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace thematica {

// The default cap on one imported file, and on everything a zip-based file (DOCX, ODT, XLSX)
// unpacks to: far above any transcript or survey export, far below a machine's memory.
inline constexpr std::uint64_t kDefaultMaxFileBytes = 256ull << 20;

// The size of a file that may be read. Errors (all naming the path): kNotFound when missing; kIo
// for a folder or an unreadable file; kInvalidInput when the file is larger than `max_bytes`
// (with both sizes and the option to raise).
Result<std::uint64_t> check_file(const std::string& path, std::uint64_t max_bytes);

// Errors: those of check_file(); kIo when reading fails.
Result<std::string> read_file_bytes(const std::string& path, std::uint64_t max_bytes);

// "12.5 MB": sizes in messages.
std::string describe_size(std::uint64_t bytes);

}  // namespace thematica
