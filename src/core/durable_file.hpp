#pragma once
// Writing a file so that it is whole or absent, and on disk before the call returns: a reader
// never sees half of it, and a crash right after cannot lose it.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk and
// renamed over `path`, then flushes the folder. A private file is readable by its owner only.
// Errors: kIo naming the path.
Status write_file_durably(const std::string& path, std::string_view bytes,
                          bool private_file = false);

// Renames `from` over `to` and flushes the folder. Errors: kIo naming both.
Status rename_durably(const std::string& from, const std::string& to);

}  // namespace thematica
