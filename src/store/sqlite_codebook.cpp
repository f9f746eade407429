// Coders and the codebook for SqliteStore.

#include "core/guid.hpp"
#include "store/sqlite_store.hpp"

namespace thematica {

Result<std::optional<Coder>> SqliteStore::find_coder(std::string_view name) {
  TRY(stmt, db_.prepare("SELECT id, guid, name FROM coders WHERE name = ?"));
  stmt.bind(1, name);
  TRY(row, stmt.step());
  if (!row) return std::optional<Coder>();
  return std::optional<Coder>(Coder{stmt.integer(0), stmt.text(1), stmt.text(2)});
}

Result<Coder> SqliteStore::insert_coder(std::string_view name, std::string_view given_guid) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO coders (guid, name) VALUES (?, ?)"));
  std::string guid = given_guid.empty() ? new_guid() : std::string(given_guid);
  auto inserted = stmt.bind(1, guid).bind(2, name).run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("a coder named '{}' already exists", name)));
  }
  return Coder{sqlite3_last_insert_rowid(db_.handle()), guid, std::string(name)};
}

Result<std::vector<Coder>> SqliteStore::coders() {
  TRY(stmt, db_.prepare("SELECT id, guid, name FROM coders ORDER BY name"));
  std::vector<Coder> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(Coder{stmt.integer(0), stmt.text(1), stmt.text(2)});
  }
  return out;
}

Result<std::vector<Code>> SqliteStore::codes() {
  TRY(stmt, db_.prepare("SELECT id, guid, parent_id, name, colour, definition, when_to_use, "
                        "when_not_to_use, example FROM codes ORDER BY id"));
  std::vector<Code> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(Code{stmt.integer(0), stmt.text(1), stmt.optional_integer(2), stmt.text(3),
                       stmt.text(4),
                       CodeDescription{stmt.text(5), stmt.text(6), stmt.text(7), stmt.text(8)}});
  }
  return out;
}

Result<Id> SqliteStore::insert_code(const Code& code) {
  TRY_STATUS(require_change());
  TRY(stmt,
      db_.prepare("INSERT INTO codes (guid, parent_id, name, colour, definition, when_to_use, "
                  "when_not_to_use, example) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  auto inserted = stmt.bind(1, code.guid.empty() ? new_guid() : code.guid)
                      .bind_optional(2, code.parent_id)
                      .bind(3, code.name)
                      .bind(4, code.colour)
                      .bind(5, code.description.definition)
                      .bind(6, code.description.when_to_use)
                      .bind(7, code.description.when_not_to_use)
                      .bind(8, code.description.example)
                      .run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(),
                 fmt::format("a code named '{}' already exists at that level", code.name)));
  }
  return sqlite3_last_insert_rowid(db_.handle());
}

Status SqliteStore::update_code(const Code& code) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("UPDATE codes SET parent_id = ?, name = ?, colour = ?, definition = ?, "
                        "when_to_use = ?, when_not_to_use = ?, example = ? WHERE id = ?"));
  auto updated = stmt.bind_optional(1, code.parent_id)
                     .bind(2, code.name)
                     .bind(3, code.colour)
                     .bind(4, code.description.definition)
                     .bind(5, code.description.when_to_use)
                     .bind(6, code.description.when_not_to_use)
                     .bind(7, code.description.example)
                     .bind(8, code.id)
                     .run();
  if (!updated) {
    return tl::unexpected(conflict(
        updated.error(), fmt::format("a code named '{}' already exists at that level", code.name)));
  }
  return {};
}

Status SqliteStore::delete_code(Id code_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM codes WHERE id = ?"));
  return stmt.bind(1, code_id).run();
}

Result<std::vector<CodeSet>> SqliteStore::code_sets() {
  TRY(sets, db_.prepare("SELECT id, guid, name, description FROM code_sets ORDER BY name"));
  std::vector<CodeSet> out;
  while (true) {
    TRY(row, sets.step());
    if (!row) break;
    out.push_back(CodeSet{sets.integer(0), sets.text(1), sets.text(2), sets.text(3), {}});
  }
  TRY(members,
      db_.prepare("SELECT code_id FROM code_set_members WHERE set_id = ? ORDER BY code_id"));
  for (auto& set : out) {
    members.reset();  // binding needs a statement that is not mid-way through its rows
    members.bind(1, set.id);
    while (true) {
      TRY(row, members.step());
      if (!row) break;
      set.code_ids.push_back(members.integer(0));
    }
  }
  return out;
}

Result<Id> SqliteStore::insert_code_set(const CodeSet& set) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO code_sets (guid, name, description) VALUES (?, ?, ?)"));
  auto inserted = stmt.bind(1, set.guid.empty() ? new_guid() : set.guid)
                      .bind(2, set.name)
                      .bind(3, set.description)
                      .run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("a code set named '{}' already exists", set.name)));
  }
  Id id = sqlite3_last_insert_rowid(db_.handle());
  TRY_STATUS(add_to_code_set(id, set.code_ids));
  return id;
}

Status SqliteStore::add_to_code_set(Id set_id, const std::vector<Id>& code_ids) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT OR IGNORE INTO code_set_members (set_id, code_id) VALUES (?, ?)"));
  for (Id code : code_ids) TRY_STATUS(stmt.bind(1, set_id).bind(2, code).run());
  return {};
}

}  // namespace thematica
