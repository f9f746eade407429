#pragma once
// The built front end, embedded in the binary at build time (cmake/embed_files.cmake).

#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"

namespace thematica::server {

// Every file of the built front end, by path relative to its root ("index.html").
const std::vector<EmbeddedFile>& web_assets();

// The media type a browser needs for a front-end file, from its extension.
std::string_view media_type_of(std::string_view path);

}  // namespace thematica::server
