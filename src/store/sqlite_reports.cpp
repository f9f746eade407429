// Saved report settings, for SqliteStore.

#include "store/sqlite_store.hpp"

namespace thematica {

Status SqliteStore::save_report(const SavedReport& report) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO saved_reports (name, kind, settings) VALUES (?, ?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
                        "settings = excluded.settings"));
  return stmt.bind(1, report.name).bind(2, report.kind).bind(3, report.settings).run();
}

Result<std::vector<SavedReport>> SqliteStore::saved_reports() {
  TRY(stmt, db_.prepare("SELECT id, name, kind, settings FROM saved_reports ORDER BY name"));
  std::vector<SavedReport> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back({stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3)});
  }
  return out;
}

Result<bool> SqliteStore::delete_saved_report(const std::string& name) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM saved_reports WHERE name = ?"));
  TRY_STATUS(stmt.bind(1, name).run());
  return sqlite3_changes(db_.handle()) > 0;
}

}  // namespace thematica
