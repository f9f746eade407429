#include "store/sqlite_statement_cache.hpp"

namespace thematica::sqlite {

sqlite3_stmt* StatementCache::take(std::string_view sql) {
  auto found = by_sql_.find(sql);
  if (found == by_sql_.end()) return nullptr;
  auto node = found->second;
  sqlite3_stmt* stmt = node->stmt;
  by_sql_.erase(found);
  idle_.erase(node);
  return stmt;
}

void StatementCache::give_back(sqlite3_stmt* stmt) {
  if (stmt == nullptr) return;
  const char* sql = sqlite3_sql(stmt);
  if (closed_ || capacity_ == 0 || sql == nullptr) {
    sqlite3_finalize(stmt);
    return;
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (idle_.size() == capacity_) {
    auto oldest = std::prev(idle_.end());
    auto [first, last] = by_sql_.equal_range(oldest->sql);
    for (auto entry = first; entry != last; ++entry) {
      if (entry->second == oldest) {
        by_sql_.erase(entry);
        break;
      }
    }
    sqlite3_finalize(oldest->stmt);
    idle_.erase(oldest);
  }
  idle_.push_front(Idle{sql, stmt});
  by_sql_.emplace(idle_.front().sql, idle_.begin());
}

void StatementCache::close() {
  closed_ = true;
  by_sql_.clear();
  for (const auto& idle : idle_) sqlite3_finalize(idle.stmt);
  idle_.clear();
}

}  // namespace thematica::sqlite
