// A pseudonymisation under review, in SqliteStore: decisions on spans and chosen pseudonyms.

#include "store/sqlite_store.hpp"

namespace thematica {

Status SqliteStore::record_pseudonymisation_decisions(
    const std::vector<PseudonymisationDecision>& decisions) {
  TRY_STATUS(require_change());
  TRY(insert, db_.prepare("INSERT INTO pseudonymisation_decisions (document_id, start_cp, end_cp, "
                          "category, decision, text_sha256) VALUES (?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (document_id, start_cp, end_cp) DO UPDATE SET "
                          "category = excluded.category, decision = excluded.decision, "
                          "text_sha256 = excluded.text_sha256"));
  for (const auto& d : decisions) {
    TRY_STATUS(insert.bind(1, d.document_id)
                   .bind(2, static_cast<std::int64_t>(d.range.start))
                   .bind(3, static_cast<std::int64_t>(d.range.end))
                   .bind(4, d.category)
                   .bind(5, d.decision)
                   .bind(6, d.text_sha256)
                   .run());
  }
  return {};
}

Result<std::vector<PseudonymisationDecision>> SqliteStore::pseudonymisation_decisions() {
  TRY(read, db_.prepare("SELECT id, document_id, start_cp, end_cp, category, decision, "
                        "text_sha256 FROM pseudonymisation_decisions "
                        "ORDER BY document_id, start_cp, end_cp"));
  std::vector<PseudonymisationDecision> out;
  while (true) {
    TRY(row, read.step());
    if (!row) break;
    out.push_back(
        {read.integer(0),
         read.integer(1),
         {static_cast<std::uint64_t>(read.integer(2)), static_cast<std::uint64_t>(read.integer(3))},
         read.text(4),
         read.text(5),
         read.text(6)});
  }
  return out;
}

Result<std::int64_t> SqliteStore::forget_pseudonymisation_decisions(const std::vector<Id>& ids) {
  TRY_STATUS(require_change());
  TRY(remove, db_.prepare("DELETE FROM pseudonymisation_decisions WHERE id = ?"));
  std::int64_t forgotten = 0;
  for (Id id : ids) {
    TRY_STATUS(remove.bind(1, id).run());
    forgotten += sqlite3_changes(db_.handle());
  }
  return forgotten;
}

Result<std::int64_t> SqliteStore::forget_document_decisions(Id document_id) {
  TRY_STATUS(require_change());
  TRY(remove, db_.prepare("DELETE FROM pseudonymisation_decisions WHERE document_id = ?"));
  TRY_STATUS(remove.bind(1, document_id).run());
  return sqlite3_changes(db_.handle());
}

Status SqliteStore::choose_pseudonym(const PseudonymChoice& choice) {
  TRY_STATUS(require_change());
  if (choice.pseudonym.empty()) {
    TRY(remove, db_.prepare("DELETE FROM pseudonym_choices WHERE entity = ?"));
    return remove.bind(1, choice.entity).run();
  }
  TRY(upsert, db_.prepare("INSERT INTO pseudonym_choices (entity, pseudonym) VALUES (?, ?) "
                          "ON CONFLICT (entity) DO UPDATE SET pseudonym = excluded.pseudonym"));
  return upsert.bind(1, choice.entity).bind(2, choice.pseudonym).run();
}

Result<std::vector<PseudonymChoice>> SqliteStore::pseudonym_choices() {
  TRY(read, db_.prepare("SELECT entity, pseudonym FROM pseudonym_choices ORDER BY entity"));
  std::vector<PseudonymChoice> out;
  while (true) {
    TRY(row, read.step());
    if (!row) break;
    out.push_back({read.text(0), read.text(1)});
  }
  return out;
}

Status SqliteStore::forget_pseudonymisation_review() {
  TRY_STATUS(require_change());
  TRY_STATUS(db_.exec("DELETE FROM pseudonymisation_decisions"));
  return db_.exec("DELETE FROM pseudonym_choices");
}

}  // namespace thematica
