#include "ingest/file_bytes.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace thematica {

std::string describe_size(std::uint64_t bytes) {
  if (bytes < 1000) return fmt::format("{} bytes", bytes);
  if (bytes < 1'000'000) return fmt::format("{:.1f} kB", static_cast<double>(bytes) / 1e3);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

Result<std::uint64_t> check_file(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return fail(ErrorKind::kNotFound, "no such file", path);
  }
  if (std::filesystem::is_directory(status)) {
    return fail(ErrorKind::kIo, "is a folder; name the files to import", path);
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorKind::kIo, "cannot read the file (" + ec.message() + ")", path);
  if (size > max_bytes) {
    return fail(ErrorKind::kInvalidInput,
                fmt::format("the file is {}, over the {} limit; raise it with --max-size if "
                            "the file is genuine",
                            describe_size(size), describe_size(max_bytes)),
                path);
  }
  return std::uint64_t{size};
}

Result<std::string> read_file_bytes(const std::string& path, std::uint64_t max_bytes) {
  TRY(size, check_file(path, max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(ErrorKind::kIo, fmt::format("cannot read the file ({})", std::strerror(errno)),
                path);
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return fail(ErrorKind::kIo, "reading failed (did the file change while it was read?)", path);
  }
  return bytes;
}

}  // namespace thematica
