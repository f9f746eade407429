#include "store/project_file.hpp"

#include "store/sqlite_store.hpp"

namespace thematica {

Result<std::unique_ptr<Store>> create_project_file(const std::string& path,
                                                   const ProjectFileOptions& options) {
  TRY(store, SqliteStore::create(path, StoreOptions{options.busy_timeout_ms}));
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> open_project_file(const std::string& path,
                                                 const ProjectFileOptions& options) {
  TRY(store, SqliteStore::open(path, StoreOptions{options.busy_timeout_ms}));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace thematica
