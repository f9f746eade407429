// The bulk reads reports start from, for SqliteStore: coding spans and turns read side by side,
// on a second connection for reading (also used by codings()).

#include <thread>

#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

Result<std::vector<TurnPlace>> read_turn_places(const sqlite::Database& db) {
  TRY(max_id, db.scalar("SELECT coalesce(max(id), 0) FROM utterances"));
  TRY(stmt, db.prepare("SELECT document_id, position, case_id, start_ms, start_cp, end_cp "
                       "FROM utterances ORDER BY document_id, position"));
  std::vector<TurnPlace> out;
  out.reserve(static_cast<std::size_t>(max_id));  // ids only grow; see coding_spans
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back({stmt.integer(0), static_cast<int>(stmt.integer(1)), stmt.optional_integer(2),
                   stmt.optional_integer(3).value_or(-1),
                   Range{static_cast<std::uint64_t>(stmt.integer(4)),
                         static_cast<std::uint64_t>(stmt.integer(5))}});
  }
  return out;
}

}  // namespace

Result<sqlite::Database> SqliteStore::open_reader() const {
  TRY(db, sqlite::Database::open_read_only(db_.path()));
  sqlite3_busy_timeout(db.handle(), options_.busy_timeout_ms);
  TRY_STATUS(db.exec("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;"));
  return db;
}

Result<CodingsAndTurns> SqliteStore::coding_spans_and_turns(const CodingFilter& filter) {
  bool in_change = sqlite3_get_autocommit(db_.handle()) == 0;
  if (in_change) {
    TRY(codings, coding_spans(filter));
    TRY(turns, read_turn_places(db_));
    return CodingsAndTurns{std::move(codings), std::move(turns)};
  }
  Result<std::vector<TurnPlace>> turns = std::vector<TurnPlace>();
  std::thread reader([&] {
    turns = open_reader().and_then(
        [](const sqlite::Database& other) { return read_turn_places(other); });
  });
  auto codings = coding_spans(filter);
  reader.join();
  if (!codings) return tl::unexpected(codings.error());
  if (!turns) return tl::unexpected(turns.error());
  return CodingsAndTurns{std::move(*codings), std::move(*turns)};
}

}  // namespace thematica
