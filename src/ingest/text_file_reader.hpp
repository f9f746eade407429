#pragma once
// Reads a plain-text file into a document's canonical text: validated UTF-8, BOM removed, line
// endings turned into LF. This is the one place raw text files enter a project.

#include <string>

#include "core/error.hpp"
#include "core/text.hpp"

namespace thematica {

struct TextFile {
  std::string name;           // the file name without directory and extension
  std::string original_name;  // the file name with extension
  Text text;
};

// Errors (all with the file's path): kNotFound when missing; kIo when unreadable or a directory;
// kInvalidInput for an empty file, a binary file (NUL byte, with its offset) or invalid UTF-8
// (with the byte offset of the first bad sequence in the file as it is on disk).
Result<TextFile> read_text_file(const std::string& path);

}  // namespace thematica
