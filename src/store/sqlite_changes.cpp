// Transactions, the event log and undo for SqliteStore.

#include <array>
#include <memory>

#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

// Tables whose row changes are undone by inverting a changeset. Texts, the search index and the
// log itself are not among them (see sqlite_store.hpp).
constexpr std::array kTrackedTables = {"coders",
                                       "documents",
                                       "document_groups",
                                       "document_group_members",
                                       "document_pages",
                                       "codes",
                                       "code_sets",
                                       "code_set_members",
                                       "kept_aside",
                                       "codings",
                                       "memos",
                                       "cases",
                                       "variables",
                                       "variable_categories",
                                       "case_values",
                                       "case_links",
                                       "utterances",
                                       "speaker_keys",
                                       "reconciliation_decisions",
                                       "assignments",
                                       "saved_reports",
                                       "pseudonymisation_log",
                                       "pseudonymisation_decisions",
                                       "pseudonym_choices"};

struct SessionDeleter {
  void operator()(sqlite3_session* s) const { sqlite3session_delete(s); }
};
using Session = std::unique_ptr<sqlite3_session, SessionDeleter>;

// Undoing a change runs its inverse; rows that a cascade already removed are fine to skip, any
// other mismatch means later work depends on the change, and undo must stop.
int on_undo_conflict(void*, int conflict, sqlite3_changeset_iter*) {
  return conflict == SQLITE_CHANGESET_NOTFOUND ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_ABORT;
}

Error busy_error(const std::string& path) {
  return Error{ErrorKind::kBusy,
               fmt::format("project is busy: another program is changing {}; try again when it "
                           "has finished",
                           path),
               {}};
}

}  // namespace

std::vector<std::string> tables_undone_by_changesets() {
  return {kTrackedTables.begin(), kTrackedTables.end()};
}

Status SqliteStore::begin_write() {
  auto begun = db_.exec(in_group_ ? "SAVEPOINT change" : "BEGIN IMMEDIATE");
  if (!begun) {
    return tl::unexpected(begun.error().kind == ErrorKind::kBusy ? busy_error(db_.path())
                                                                 : begun.error());
  }
  auto last_id = db_.scalar("SELECT coalesce(max(id), 0) FROM events");
  if (!last_id) {
    rollback_write();
    return tl::unexpected(last_id.error());
  }
  pending_event_id_ = *last_id + 1;
  return {};
}

Status SqliteStore::commit_write() { return db_.exec(in_group_ ? "RELEASE change" : "COMMIT"); }

void SqliteStore::rollback_write() {
  (void)db_.exec(in_group_ ? "ROLLBACK TO change; RELEASE change" : "ROLLBACK");
}

Status SqliteStore::prepare_bulk_load() {
  if (in_change_ || in_group_) {
    return fail(ErrorKind::kInternal,
                "a bulk load is prepared before its change, not inside one (this is a bug)");
  }
  if (bulk_load_) return {};
  // Into a project without codings, nearly every page the load writes lies beyond the file's old
  // end: the rollback journal has almost nothing to keep, and each page is written once, at the
  // commit. Into a full project, the journal would copy many old pages (and sync before every
  // spill of the cache), so the log stays.
  TRY(any, has_codings());
  if (any) return {};
  TRY(switched, try_journal_mode("DELETE"));
  bulk_load_ = switched;
  return {};
}

void SqliteStore::end_bulk_change() {
  if (bulk_cache_) {
    bulk_cache_ = false;
    (void)db_.exec("PRAGMA cache_size = -65536");
  }
  // Should a reader have come meanwhile, the next change's end tries again (and open() would).
  if (bulk_load_) {
    auto back = try_journal_mode("WAL");
    bulk_load_ = !(back && *back);
  }
}

Status SqliteStore::group_commit(const std::function<void()>& work) {
  if (in_group_ || in_change_) {
    return fail(ErrorKind::kInternal, "a group commit cannot be nested (this is a bug)");
  }
  auto begun = db_.exec("BEGIN IMMEDIATE");
  if (!begun) {
    return tl::unexpected(begun.error().kind == ErrorKind::kBusy ? busy_error(db_.path())
                                                                 : begun.error());
  }
  in_group_ = true;
  work();
  in_group_ = false;
  auto committed = db_.exec("COMMIT");
  if (!committed) (void)db_.exec("ROLLBACK");
  return committed;
}

Result<Event> SqliteStore::change(std::string_view operation, std::string_view actor,
                                  const std::function<Result<std::string>()>& body) {
  if (in_change_) return fail(ErrorKind::kInternal, "changes cannot be nested (this is a bug)");
  // What prepare_bulk_load() and begin_bulk_codings() set up for the change ends with it, also
  // when it cannot begin.
  struct BulkEnd {
    SqliteStore& store;
    ~BulkEnd() { store.end_bulk_change(); }
  } bulk_end{*this};
  TRY_STATUS(begin_write());
  auto rollback = [&](Error error) -> Result<Event> {
    in_change_ = false;
    bulk_dropped_index_.reset();  // the rollback brought it back
    rollback_write();
    return tl::unexpected(std::move(error));
  };

  sqlite3_session* raw = nullptr;
  if (int rc = sqlite3session_create(db_.handle(), "main", &raw); rc != SQLITE_OK) {
    return rollback(db_.error_from(rc));
  }
  Session session(raw);
  for (const char* table : kTrackedTables) sqlite3session_attach(session.get(), table);

  in_change_ = true;
  undo_forgotten_ = false;
  session_ = session.get();
  auto summary = body();
  session_ = nullptr;
  in_change_ = false;
  if (!summary) return rollback(summary.error());
  // A bulk of codings the body did not end: the index comes back before the change is kept.
  if (auto rebuilt = end_bulk_codings(); !rebuilt) return rollback(rebuilt.error());
  if (undo_forgotten_) {
    // Its changeset would hold what it removed (forget_undo_history()).
    session.reset();
    auto logged = record_event(operation, actor, *summary, std::nullopt, {});
    if (logged) logged = commit_write();
    if (!logged) return rollback(logged.error());
    return event_by_id(pending_event_id_);
  }

  int size = 0;
  void* forward = nullptr;
  if (int rc = sqlite3session_changeset(session.get(), &size, &forward); rc != SQLITE_OK) {
    return rollback(db_.error_from(rc));
  }
  session.reset();
  std::string inverse;
  if (size > 0) {
    int inverse_size = 0;
    void* inverse_data = nullptr;
    int rc = sqlite3changeset_invert(size, forward, &inverse_size, &inverse_data);
    if (rc == SQLITE_OK) inverse.assign(static_cast<const char*>(inverse_data), inverse_size);
    sqlite3_free(inverse_data);
    if (rc != SQLITE_OK) {
      sqlite3_free(forward);
      return rollback(db_.error_from(rc));
    }
  }
  sqlite3_free(forward);

  auto logged = record_event(operation, actor, *summary, std::nullopt, inverse);
  if (logged) logged = prune_undo_data();
  if (logged) logged = commit_write();
  if (!logged) return rollback(logged.error());
  return event_by_id(pending_event_id_);
}

Status SqliteStore::record_event(std::string_view operation, std::string_view actor,
                                 const std::string& summary, std::optional<Id> undoes,
                                 const std::string& inverse) {
  TRY(insert, db_.prepare("INSERT INTO events (id, time, coder, operation, summary, undoes) VALUES "
                          "(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                          "?, ?, ?, ?)"));
  TRY_STATUS(insert.bind(1, pending_event_id_)
                 .bind(2, actor)
                 .bind(3, operation)
                 .bind(4, summary)
                 .bind_optional(5, undoes)
                 .run());
  TRY(count_bulk, db_.prepare("SELECT count(*) FROM undo_inserted WHERE event_id = ?"));
  TRY(counted, count_bulk.bind(1, pending_event_id_).step());
  std::int64_t bulk = counted ? count_bulk.integer(0) : 0;
  if (inverse.empty() && bulk == 0) return {};
  TRY(keep, db_.prepare("INSERT INTO undo_data (event_id, changeset) VALUES (?, ?)"));
  return keep.bind(1, pending_event_id_)
      .bind_blob(2, inverse.data(), static_cast<int>(inverse.size()))
      .run();
}

Status SqliteStore::prune_undo_data() {
  TRY(prune, db_.prepare("DELETE FROM undo_data WHERE event_id NOT IN "
                         "(SELECT event_id FROM undo_data ORDER BY event_id DESC LIMIT ?)"));
  TRY_STATUS(prune.bind(1, std::int64_t{options_.undo_depth}).run());
  TRY_STATUS(
      db_.exec("DELETE FROM undo_texts WHERE event_id NOT IN (SELECT event_id FROM undo_data)"));
  return db_.exec(
      "DELETE FROM undo_inserted WHERE event_id NOT IN (SELECT event_id FROM undo_data)");
}

Status SqliteStore::record_inserted_range(std::string_view table, Id first, Id last) {
  if (last < first) return {};
  TRY(stmt, db_.prepare("INSERT INTO undo_inserted (event_id, table_name, first_id, last_id) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (event_id, table_name) DO UPDATE SET "
                        "first_id = min(first_id, excluded.first_id), "
                        "last_id = max(last_id, excluded.last_id)"));
  return stmt.bind(1, pending_event_id_).bind(2, table).bind(3, first).bind(4, last).run();
}

Status SqliteStore::undo_inserted_ranges(Id event_id) {
  // Only 'codings' is allowed by the schema's CHECK, so the table name is safe to splice.
  TRY(ranges,
      db_.prepare("SELECT table_name, first_id, last_id FROM undo_inserted WHERE event_id = ?"));
  ranges.bind(1, event_id);
  std::vector<std::string> deletes;
  while (true) {
    TRY(row, ranges.step());
    if (!row) break;
    deletes.push_back(fmt::format("DELETE FROM {} WHERE id BETWEEN {} AND {};", ranges.text(0),
                                  ranges.integer(1), ranges.integer(2)));
  }
  for (const auto& sql : deletes) TRY_STATUS(db_.exec(sql));
  TRY(forget, db_.prepare("DELETE FROM undo_inserted WHERE event_id = ?"));
  return forget.bind(1, event_id).run();
}

Status SqliteStore::restore_stashed_texts(Id event_id) {
  TRY(restore, db_.prepare("INSERT INTO document_texts (document_id, text) "
                           "SELECT document_id, text FROM undo_texts WHERE event_id = ?"));
  TRY_STATUS(restore.bind(1, event_id).run());
  TRY(forget, db_.prepare("DELETE FROM undo_texts WHERE event_id = ?"));
  return forget.bind(1, event_id).run();
}

Result<Event> SqliteStore::undo_last(std::string_view actor) {
  TRY_STATUS(begin_write());
  auto rollback = [&](Error error) -> Result<Event> {
    rollback_write();
    return tl::unexpected(std::move(error));
  };
  auto last = db_.prepare(
      "SELECT u.event_id, u.changeset, e.summary FROM undo_data u "
      "JOIN events e ON e.id = u.event_id ORDER BY u.event_id DESC LIMIT 1");
  if (!last) return rollback(last.error());
  auto row = last->step();
  if (!row) return rollback(row.error());
  if (!*row) {
    return rollback(Error{ErrorKind::kNotFound, "nothing to undo: no recent change is left", {}});
  }
  Id target = last->integer(0);
  std::string inverse = last->blob(1);
  std::string summary = last->text(2);
  last->reset();

  // Bulk-inserted rows go first: rows in the changeset (a coder, say) may be what they refer to.
  if (auto bulk = undo_inserted_ranges(target); !bulk) return rollback(bulk.error());
  int rc = inverse.empty()
               ? SQLITE_OK
               : sqlite3changeset_apply(db_.handle(), static_cast<int>(inverse.size()),
                                        inverse.data(), nullptr, on_undo_conflict, nullptr);
  if (rc != SQLITE_OK) {
    return rollback(Error{ErrorKind::kConflict,
                          fmt::format("cannot undo '{}': later changes depend on it", summary),
                          {}});
  }
  auto done = restore_stashed_texts(target);
  if (done) {
    auto forget = db_.prepare("DELETE FROM undo_data WHERE event_id = ?");
    done = forget ? forget->bind(1, target).run() : Status(tl::unexpected(forget.error()));
  }
  if (done) done = record_event("undo", actor, "undid: " + summary, target, {});
  if (done) done = commit_write();
  if (!done) return rollback(done.error());
  return event_by_id(pending_event_id_);
}

Result<Event> SqliteStore::event_by_id(Id id) {
  TRY(found, query_events("WHERE e.id = ?", id));
  if (found.empty()) return failf(ErrorKind::kInternal, "event {} was not recorded", id);
  return found.front();
}

Result<std::vector<Event>> SqliteStore::events(std::int64_t limit) {
  return query_events("ORDER BY e.id DESC LIMIT ?", limit);
}

Result<std::vector<Event>> SqliteStore::query_events(std::string_view tail, std::int64_t value) {
  TRY(stmt, db_.prepare(fmt::format("SELECT e.id, e.time, e.coder, e.operation, e.summary, "
                                    "e.undoes, u.event_id IS NOT NULL FROM events e "
                                    "LEFT JOIN undo_data u ON u.event_id = e.id {}",
                                    tail)));
  stmt.bind(1, value);
  std::vector<Event> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(Event{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                        stmt.integer(6) != 0, stmt.optional_integer(5)});
  }
  return out;
}

}  // namespace thematica
