// Elements of exchange files a project cannot represent, for SqliteStore.

#include "store/sqlite_store.hpp"

namespace thematica {

Status SqliteStore::insert_kept_aside(const std::vector<KeptAside>& items) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO kept_aside (element, guid, name, owner_guid, xml) "
                        "VALUES (?, ?, ?, ?, ?)"));
  for (const auto& item : items) {
    TRY_STATUS(stmt.bind(1, item.element)
                   .bind(2, item.guid)
                   .bind(3, item.name)
                   .bind(4, item.owner_guid)
                   .bind(5, item.xml)
                   .run());
    stmt.reset();
  }
  return {};
}

Result<std::vector<KeptAside>> SqliteStore::kept_aside() {
  TRY(stmt, db_.prepare("SELECT id, element, guid, name, owner_guid, xml FROM kept_aside "
                        "ORDER BY id"));
  std::vector<KeptAside> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(KeptAside{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                            stmt.text(5)});
  }
  return out;
}

}  // namespace thematica
