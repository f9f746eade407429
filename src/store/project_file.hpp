#pragma once
// Creates and opens project files without exposing the backend: services and front doors include
// this, never an SQLite header.

#include <memory>
#include <string>

#include "store/store.hpp"

namespace thematica {

struct ProjectFileOptions {
  int busy_timeout_ms = 5000;  // wait this long for another process before reporting "busy"
};

// Errors: kConflict when the file exists; kIo.
Result<std::unique_ptr<Store>> create_project_file(const std::string& path,
                                                   const ProjectFileOptions& options = {});
// Errors: kNotFound, kCorrupt (not a project), kUnsupported (newer schema), kBusy.
Result<std::unique_ptr<Store>> open_project_file(const std::string& path,
                                                 const ProjectFileOptions& options = {});

}  // namespace thematica
