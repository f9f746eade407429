#pragma once
// A private folder under the system's temporary directory (mode 0700, a unique name), removed
// with everything in it when the object goes. For files that libraries only read or write by
// path (uploads for the importers, Excel and Word files on their way to the browser).

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

class TempFolder {
 public:
  // `prefix` starts the folder's name ("thematica-upload").
  explicit TempFolder(std::string_view prefix);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // The path of `name` inside the folder. Errors: kIo when the folder could not be made.
  Result<std::string> file(std::string_view name) const;

 private:
  std::string path_;  // empty when it could not be made
};

}  // namespace thematica
