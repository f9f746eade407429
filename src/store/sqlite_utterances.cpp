// Transcript turns and the speaker labels cases stand for, for SqliteStore.

#include <fmt/ranges.h>

#include "store/sqlite_store.hpp"

namespace thematica {

Result<std::optional<Case>> SqliteStore::find_speaker_case(std::string_view key) {
  TRY(stmt,
      db_.prepare("SELECT c.id, c.guid, c.name, c.description, c.analysed FROM speaker_keys k "
                  "JOIN cases c ON c.id = k.case_id WHERE k.key = ?"));
  stmt.bind(1, key);
  TRY(row, stmt.step());
  if (!row) return std::optional<Case>();
  return std::optional<Case>(
      Case{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.integer(4) != 0});
}

Status SqliteStore::set_speaker_key(Id case_id, std::string_view key) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO speaker_keys (key, case_id) VALUES (?, ?)"));
  auto updated = stmt.bind(1, key).bind(2, case_id).run();
  if (!updated) {
    return tl::unexpected(
        conflict(updated.error(), "another case already stands for that speaker"));
  }
  return {};
}

Status SqliteStore::insert_utterances(const std::vector<Utterance>& utterances) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare(
                "INSERT INTO utterances (document_id, position, case_id, speaker_label, start_ms, "
                "end_ms, start_cp, end_cp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const auto& u : utterances) {
    TRY_STATUS(stmt.bind(1, u.document_id)
                   .bind(2, std::int64_t{u.position})
                   .bind_optional(3, u.case_id)
                   .bind(4, u.speaker_label)
                   .bind_optional(5, u.start_ms)
                   .bind_optional(6, u.end_ms)
                   .bind(7, static_cast<std::int64_t>(u.range.start))
                   .bind(8, static_cast<std::int64_t>(u.range.end))
                   .run());
  }
  return {};
}

Result<std::vector<Utterance>> SqliteStore::utterances(const std::vector<Id>& document_ids) {
  std::string where = document_ids.empty()
                          ? ""
                          : fmt::format("WHERE document_id IN ({})", fmt::join(document_ids, ","));
  TRY(stmt, db_.prepare(fmt::format(
                "SELECT id, document_id, position, case_id, speaker_label, start_ms, end_ms, "
                "start_cp, end_cp FROM utterances {} ORDER BY document_id, position",
                where)));
  std::vector<Utterance> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    Utterance u;
    u.id = stmt.integer(0);
    u.document_id = stmt.integer(1);
    u.position = static_cast<int>(stmt.integer(2));
    u.case_id = stmt.optional_integer(3);
    u.speaker_label = stmt.text(4);
    u.start_ms = stmt.optional_integer(5);
    u.end_ms = stmt.optional_integer(6);
    u.range = Range{static_cast<std::uint64_t>(stmt.integer(7)),
                    static_cast<std::uint64_t>(stmt.integer(8))};
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace thematica
