#pragma once
// A thin RAII layer over the SQLite C API: a connection and prepared statements that bind and
// read by position. Errors from SQLite become Error values with a kind a user can act on.
// Not thread-safe: one connection belongs to one thread.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sqlite_statement_cache.hpp"

namespace thematica::sqlite {

// Turns an SQLite result code into an Error: busy and locked become kBusy, corrupt and not-a-db
// kCorrupt, full and I/O kIo, constraint failures kConflict, the rest kInternal.
Error error_from(sqlite3* db, int code, const std::string& where);

class Statement {
 public:
  Statement() = default;
  // A statement that goes back to `kept` when done with, or is finalized without one.
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> kept = nullptr)
      : db_(db), stmt_(stmt), kept_(std::move(kept)) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Bind by 1-based position; text and blobs are copied, so the arguments may be temporaries.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::nullopt_t);
  // Binds without copying: `text` must outlive the statement's next reset or step to completion.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind_optional(int index, const std::optional<std::int64_t>& value);
  Statement& bind_optional(int index, const std::optional<double>& value);
  Statement& bind_blob(int index, const void* data, int size);

  // Advances one row: true while a row is available. Errors: as for Database::check.
  Result<bool> step();
  // Runs to completion and discards rows.
  Status run();
  void reset();

  std::int64_t integer(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  std::optional<double> optional_real(int column) const;
  std::string text(int column) const;
  std::string_view text_view(int column) const;  // valid until the next step or reset
  std::string blob(int column) const;
  bool is_null(int column) const;

 private:
  void release();

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::shared_ptr<StatementCache> kept_;
};

class Database {
 public:
  // Opens (optionally creating) the file. Errors: kIo when it cannot be opened.
  static Result<Database> open(const std::string& path, bool create);
  // Opens the file for reading only: a second connection that reads beside the first.
  // Errors: kIo when it cannot be opened.
  static Result<Database> open_read_only(const std::string& path);

  Database() = default;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // The first statement of `sql`, compiled, or taken from those kept from earlier prepares of the
  // same text (see StatementCache). Errors: kInternal for SQL that does not compile.
  Result<Statement> prepare(std::string_view sql) const;
  // Runs one or more statements without results (a single statement through a kept one).
  Status exec(const std::string& sql) const;
  // A single integer result (e.g. a PRAGMA or COUNT).
  Result<std::int64_t> scalar(std::string_view sql) const;

  // error_from() for this connection, located at the project file.
  Error error_from(int code) const;

 private:
  static Result<Database> open_with_flags(const std::string& path, int flags);

  void close();

  sqlite3* db_ = nullptr;
  std::string path_;
  // Shared with the statements it lends, which may outlive the connection: closing it closes the
  // cache, and a statement given back after that is finalized.
  std::shared_ptr<StatementCache> kept_;
};

}  // namespace thematica::sqlite
