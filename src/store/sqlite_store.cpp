#include "store/sqlite_store.hpp"

#include <filesystem>

#include "core/ascii.hpp"
#include "core/guid.hpp"
#include "store/migrations.hpp"

namespace thematica {
namespace {

// "THMA": marks the file as a Thematica project for `file` and for our own open().
constexpr std::int64_t kApplicationId = 0x54484D41;

}  // namespace

SqliteStore::SqliteStore(sqlite::Database db, StoreOptions options)
    : db_(std::move(db)), options_(options) {}

Status SqliteStore::configure() {
  sqlite3_busy_timeout(db_.handle(), options_.busy_timeout_ms);
  TRY_STATUS(register_search_functions());
  return db_.exec(
      "PRAGMA foreign_keys = ON;"
      "PRAGMA synchronous = FULL;"
      "PRAGMA cache_size = -65536;"  // KiB; see also begin_bulk_codings()
      // Reading pages through a memory map avoids a system call per page on large retrievals.
      "PRAGMA mmap_size = 1073741824;"
      "PRAGMA temp_store = MEMORY;");
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::create(const std::string& path,
                                                         const StoreOptions& options) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return failf(ErrorKind::kConflict,
                 "{} already exists; choose another file name or remove it first", path);
  }
  TRY(db, sqlite::Database::open(path, /*create=*/true));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db), options));
  auto made = [&]() -> Status {
    TRY_STATUS(store->configure());
    TRY_STATUS(store->db_.exec(
        fmt::format("PRAGMA journal_mode = WAL; PRAGMA application_id = {};", kApplicationId)));
    TRY_STATUS(sqlite::migrate(store->db_, sqlite::latest_schema_version()));
    TRY(stmt, store->db_.prepare("INSERT INTO project (id, guid, created_at) VALUES (1, ?, ?)"));
    return stmt.bind(1, new_guid()).bind(2, store->now()).run();
  }();
  if (!made) {
    store.reset();
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-wal", ec);
    std::filesystem::remove(path + "-shm", ec);
    return tl::unexpected(made.error());
  }
  return store;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path,
                                                       const StoreOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return failf(ErrorKind::kNotFound, "no project at {}; create one with 'thematica -p {} init'",
                 path, path);
  }
  TRY(db, sqlite::Database::open(path, /*create=*/false));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db), options));
  auto app_id = store->db_.scalar("PRAGMA application_id");
  if (!app_id && app_id.error().kind == ErrorKind::kCorrupt) {
    return failf(ErrorKind::kCorrupt, "{} is not a Thematica project (not an SQLite file)", path);
  }
  if (!app_id) return tl::unexpected(app_id.error());
  if (*app_id != kApplicationId) {
    return failf(ErrorKind::kCorrupt,
                 "{} is an SQLite file but not a Thematica project; open a .thematica file", path);
  }
  TRY_STATUS(store->configure());
  // A bulk load cut short (prepare_bulk_load()) leaves the rollback journal in use: back to the
  // log, unless another program has the project open in that mode (it will switch back itself).
  TRY(mode, store->db_.prepare("PRAGMA journal_mode"));
  TRY(row, mode.step());
  bool in_log = row && mode.text(0) == "wal";
  mode = sqlite::Statement();  // done with before the mode may change
  if (!in_log) TRY_STATUS(store->try_journal_mode("WAL"));
  TRY_STATUS(sqlite::migrate(store->db_, sqlite::latest_schema_version()));
  return store;
}

Result<bool> SqliteStore::try_journal_mode(std::string_view mode) {
  sqlite3_busy_timeout(db_.handle(), 0);
  auto in_use = [&]() -> Result<bool> {
    TRY(stmt, db_.prepare(fmt::format("PRAGMA journal_mode = {}", mode)));
    auto row = stmt.step();
    if (!row) {
      if (row.error().kind == ErrorKind::kBusy) return false;
      return tl::unexpected(row.error());
    }
    return *row && ascii_lower(stmt.text(0)) == ascii_lower(mode);
  }();
  sqlite3_busy_timeout(db_.handle(), options_.busy_timeout_ms);
  return in_use;
}

std::string SqliteStore::now() const {
  auto stmt = db_.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  if (!stmt || !stmt->step()) return {};
  return stmt->text(0);
}

Status SqliteStore::require_change() const {
  if (in_change_) return {};
  return fail(ErrorKind::kInternal, "a write was attempted outside a change (this is a bug)");
}

Error SqliteStore::conflict(Error error, std::string message) {
  if (error.kind == ErrorKind::kConflict) error.message = std::move(message);
  return error;
}

}  // namespace thematica
