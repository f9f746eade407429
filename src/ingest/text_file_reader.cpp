#include "ingest/text_file_reader.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/utf8.hpp"

namespace thematica {
namespace {

Result<std::string> read_bytes(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return failf(ErrorKind::kNotFound, "{}: no such file", path);
  }
  if (std::filesystem::is_directory(status)) {
    return failf(ErrorKind::kIo, "{} is a folder; name the files to import", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return failf(ErrorKind::kIo, "{}: cannot read the file ({})", path, std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return failf(ErrorKind::kIo, "{}: reading failed", path);
  return bytes;
}

}  // namespace

Result<TextFile> read_text_file(const std::string& path) {
  TRY(bytes, read_bytes(path));
  if (bytes.empty() || bytes == "\xEF\xBB\xBF") {
    return failf(ErrorKind::kInvalidInput, "{} is empty; there is nothing to import", path);
  }
  if (auto nul = bytes.find('\0'); nul != std::string::npos) {
    return failf(ErrorKind::kInvalidInput,
                 "{} looks like a binary file (a NUL byte at offset {}); import plain text "
                 "(.txt) saved as UTF-8",
                 path, nul);
  }
  if (auto valid = validate_utf8(bytes); !valid) {
    return fail(ErrorKind::kInvalidInput, valid.error().message, path);
  }
  TRY(text, Text::from_utf8(normalise_line_endings(bytes)));
  std::filesystem::path p(path);
  return TextFile{p.stem().string(), p.filename().string(), std::move(text)};
}

}  // namespace thematica
