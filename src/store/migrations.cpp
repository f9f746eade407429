#include "store/migrations.hpp"

#include "store/migrations_data.hpp"

namespace thematica::sqlite {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> list;
    for (const auto& [name, sql] : kEmbeddedMigrations) {
      list.push_back(Migration{static_cast<int>(list.size()) + 1, name, sql});
    }
    return list;
  }();
  return all;
}

Status migrate(const Database& db, int target) {
  TRY(current, db.scalar("PRAGMA user_version"));
  if (current > latest_schema_version()) {
    return failf(ErrorKind::kUnsupported,
                 "{} was written by a newer Thematica (schema version {}, this build knows up to "
                 "{}); upgrade Thematica to open it",
                 db.path(), current, latest_schema_version());
  }
  for (int v = static_cast<int>(current) + 1; v <= target; ++v) {
    const Migration& m = migrations()[static_cast<std::size_t>(v - 1)];
    TRY_STATUS(db.exec("BEGIN IMMEDIATE"));
    auto applied = db.exec(std::string(m.sql) + fmt::format("\nPRAGMA user_version = {};", v));
    if (!applied) {
      (void)db.exec("ROLLBACK");
      Error error = applied.error();
      error.message = fmt::format("migration {} ({}) failed: {}", v, m.name, error.message);
      return tl::unexpected(error);
    }
    TRY_STATUS(db.exec("COMMIT"));
  }
  return {};
}

}  // namespace thematica::sqlite
