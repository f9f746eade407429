#include "store/sqlite_db.hpp"

#include <utility>

namespace thematica::sqlite {

namespace {

// Statements kept per connection: more than the distinct statements of any one call path.
constexpr std::size_t kKeptStatements = 128;

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), kept_(std::move(other.kept_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    kept_ = std::move(other.kept_);
  }
  return *this;
}

Statement::~Statement() { release(); }

void Statement::release() {
  if (kept_) {
    kept_->give_back(std::exchange(stmt_, nullptr));
  } else {
    sqlite3_finalize(std::exchange(stmt_, nullptr));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind_static(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind(index, std::nullopt);
}

Statement& Statement::bind_optional(int index, const std::optional<double>& value) {
  if (!value) return bind(index, std::nullopt);
  sqlite3_bind_double(stmt_, index, *value);
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, int size) {
  sqlite3_bind_blob(stmt_, index, data, size, SQLITE_TRANSIENT);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = error_from(db_, rc, {});
  sqlite3_reset(stmt_);
  return tl::unexpected(error);
}

Status Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
  }
  sqlite3_reset(stmt_);
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::string Statement::text(int column) const { return std::string(text_view(column)); }

std::string_view Statement::text_view(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::blob(int column) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return sqlite3_column_double(stmt_, column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<Database> Database::open(const std::string& path, bool create) {
  return open_with_flags(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
}

Result<Database> Database::open_read_only(const std::string& path) {
  return open_with_flags(path, SQLITE_OPEN_READONLY);
}

Result<Database> Database::open_with_flags(const std::string& path, int flags) {
  Database db;
  db.path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc);
    return failf(ErrorKind::kIo, "cannot open project {}: {}", path, message);
  }
  sqlite3_extended_result_codes(db.db_, 1);
  db.kept_ = std::make_shared<StatementCache>(kKeptStatements);
  return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      kept_(std::move(other.kept_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    kept_ = std::move(other.kept_);
  }
  return *this;
}

Database::~Database() { close(); }

void Database::close() {
  if (kept_) kept_->close();
  sqlite3_close_v2(db_);
}

Result<Statement> Database::prepare(std::string_view sql) const {
  if (sqlite3_stmt* kept = kept_ ? kept_->take(sql) : nullptr) return Statement(db_, kept, kept_);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    Error error = error_from(rc);
    error.message += fmt::format(" (while preparing: {})", sql.substr(0, 80));
    return tl::unexpected(error);
  }
  return Statement(db_, stmt, kept_);
}

Status Database::exec(const std::string& sql) const {
  // One statement, as most are (a transaction's BEGIN, SAVEPOINT and COMMIT on every change):
  // run through a kept statement. Several: through sqlite3_exec, compiled each time.
  sqlite3_stmt* stmt = kept_ ? kept_->take(sql) : nullptr;
  if (stmt == nullptr) {
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    bool one = rc == SQLITE_OK && stmt != nullptr &&
               std::string_view(tail).find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (!one) {
      sqlite3_finalize(std::exchange(stmt, nullptr));
    }
  }
  if (stmt != nullptr) {
    Statement kept(db_, stmt, kept_);  // goes back to the cache, reset, when this returns
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return {};
      if (rc != SQLITE_ROW) return tl::unexpected(error_from(rc));
    }
  }
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return {};
  Error error = error_from(rc);
  if (message != nullptr) {
    error.message = message;
    sqlite3_free(message);
  }
  return tl::unexpected(error);
}

Result<std::int64_t> Database::scalar(std::string_view sql) const {
  TRY(stmt, prepare(sql));
  TRY(row, stmt.step());
  if (!row) return fail(ErrorKind::kInternal, "query returned no row");
  return stmt.integer(0);
}

Error Database::error_from(int code) const { return sqlite::error_from(db_, code, path_); }

Error error_from(sqlite3* db, int code, const std::string& where) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{ErrorKind::kBusy, message, where};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error{ErrorKind::kCorrupt, message, where};
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return Error{ErrorKind::kIo, message, where};
    case SQLITE_CONSTRAINT:
      return Error{ErrorKind::kConflict, message, {}};
    default:
      return Error{ErrorKind::kInternal, message, where};
  }
}

}  // namespace thematica::sqlite
