#pragma once
// Compiled statements kept for reuse on one connection. Compiling SQL is a large share of a small
// call's time (applying one coding prepares a dozen statements); a statement that is finished
// with comes back here, reset and with its bindings cleared, and the next prepare of the same
// SQL takes it instead of compiling again. SQLite recompiles a kept statement by itself when the
// schema changes. Not thread-safe, like the connection it belongs to.

#include <sqlite3.h>

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace thematica::sqlite {

class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() { close(); }

  // A kept statement compiled from exactly `sql`, now the caller's, or nullptr.
  sqlite3_stmt* take(std::string_view sql);
  // Takes back a statement the caller is done with: reset, its bindings cleared, and kept (the
  // least recently returned one is finalized when the cache is full), or finalized when the
  // cache is closed.
  void give_back(sqlite3_stmt* stmt);
  // Finalizes every kept statement and keeps none from now on: before the connection closes.
  void close();

  std::size_t size() const { return idle_.size(); }

 private:
  struct Idle {
    std::string sql;
    sqlite3_stmt* stmt;
  };

  std::size_t capacity_;
  bool closed_ = false;
  std::list<Idle> idle_;  // most recently returned first
  // Several statements of one SQL may be kept (a query run inside another's loop).
  std::unordered_multimap<std::string_view, std::list<Idle>::iterator> by_sql_;
};

}  // namespace thematica::sqlite
