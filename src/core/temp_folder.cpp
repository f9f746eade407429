#include "core/temp_folder.hpp"

#include <stdlib.h>  // mkdtemp

#include <filesystem>

namespace thematica {

TempFolder::TempFolder(std::string_view prefix) {
  std::error_code error;
  auto base = std::filesystem::temp_directory_path(error);
  if (error) return;
  std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
}

Result<std::string> TempFolder::file(std::string_view name) const {
  if (path_.empty()) return fail(ErrorKind::kIo, "cannot create a temporary folder");
  return (std::filesystem::path(path_) / name).string();
}

}  // namespace thematica
