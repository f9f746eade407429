#pragma once
// The starter codebook files (services/starter_codebooks/*.qdc), built into the binary by
// cmake/embed_files.cmake; starter_codebooks.hpp is what the rest of Thematica uses.

#include <vector>

#include "core/embedded_file.hpp"

namespace thematica {

// Every file, by name ("shame-and-guilt.qdc").
const std::vector<EmbeddedFile>& starter_codebook_files();

}  // namespace thematica
