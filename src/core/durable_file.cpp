#include "core/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace thematica {
namespace {

Status sync_folder_of(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return failf(ErrorKind::kIo, "cannot open the folder of {}: {}", path, std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0)
    return failf(ErrorKind::kIo, "cannot flush the folder of {}: {}", path, std::strerror(errno));
  return {};
}

}  // namespace

Status write_file_durably(const std::string& path, std::string_view bytes, bool private_file) {
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  int fd =
      ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, private_file ? 0600 : 0666);
  if (fd < 0) {
    return failf(ErrorKind::kIo, "cannot write {}: {}; check the folder exists and is writable",
                 path, std::strerror(errno));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  int error = written == bytes.size() ? 0 : errno;
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  ::close(fd);
  if (error != 0) {
    ::unlink(temp.c_str());
    return failf(ErrorKind::kIo, "cannot write {}: {}", path, std::strerror(error));
  }
  auto renamed = rename_durably(temp, path);
  if (!renamed) ::unlink(temp.c_str());
  return renamed;
}

Status rename_durably(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return failf(ErrorKind::kIo, "cannot rename {} to {}: {}", from, to, std::strerror(errno));
  }
  return sync_folder_of(to);
}

}  // namespace thematica
