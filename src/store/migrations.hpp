#pragma once
// The project schema as numbered, forward-only migrations (the .sql files in migrations/, embedded
// at build time). PRAGMA user_version holds the number of migrations a project has had.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sqlite_db.hpp"

namespace thematica::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations, in order; version k is at index k - 1.
const std::vector<Migration>& migrations();
inline int latest_schema_version() { return static_cast<int>(migrations().size()); }

// Brings `db` from its current version up to `target`, each step in its own transaction.
// Errors: kUnsupported when the project is newer than this build; kBusy; kCorrupt.
Status migrate(const Database& db, int target);

}  // namespace thematica::sqlite
