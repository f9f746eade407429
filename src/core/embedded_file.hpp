#pragma once
// A file built into the binary (cmake/embed_files.cmake writes the table at build time), so
// Thematica needs nothing on disk beside itself. The bytes live as long as the program.

#include <string_view>
#include <vector>

namespace thematica {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder: "index.html", "assets/index-1a2b.js"
  std::string_view bytes;
};

}  // namespace thematica
