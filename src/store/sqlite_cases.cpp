// Cases, typed variables, their values and links, and memos for SqliteStore.

#include "core/guid.hpp"
#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

Result<VariableType> read_type(std::string_view name) {
  return parse_variable_type(std::string(name));
}

}  // namespace

Result<Case> SqliteStore::insert_case(std::string_view name, std::string_view given_guid) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO cases (guid, name) VALUES (?, ?)"));
  std::string guid = given_guid.empty() ? new_guid() : std::string(given_guid);
  auto inserted = stmt.bind(1, guid).bind(2, name).run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("a case named '{}' already exists", name)));
  }
  return Case{sqlite3_last_insert_rowid(db_.handle()), guid, std::string(name), {}, true};
}

Result<std::vector<Case>> SqliteStore::cases() {
  TRY(stmt, db_.prepare("SELECT id, guid, name, description, analysed FROM cases ORDER BY name"));
  std::vector<Case> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(
        Case{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.integer(4) != 0});
  }
  return out;
}

Result<std::optional<Case>> SqliteStore::find_case(std::string_view name) {
  TRY(stmt, db_.prepare("SELECT id, guid, name, description, analysed FROM cases WHERE name = ?"));
  stmt.bind(1, name);
  TRY(row, stmt.step());
  if (!row) return std::optional<Case>();
  return std::optional<Case>(
      Case{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.integer(4) != 0});
}

Status SqliteStore::merge_cases(Id from, Id to) {
  TRY_STATUS(require_change());
  // Links the target has already would collide; they are the same claim, so drop them first.
  static constexpr const char* kSteps[] = {
      "UPDATE speaker_keys SET case_id = ?2 WHERE case_id = ?1",
      "DELETE FROM case_links WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM case_links t "
      "WHERE t.case_id = ?2 AND t.document_id = case_links.document_id "
      "AND coalesce(t.start_cp, -1) = coalesce(case_links.start_cp, -1) "
      "AND coalesce(t.end_cp, -1) = coalesce(case_links.end_cp, -1))",
      "UPDATE case_links SET case_id = ?2 WHERE case_id = ?1",
      "UPDATE utterances SET case_id = ?2 WHERE case_id = ?1",
      "INSERT INTO case_values (case_id, variable_id, value) SELECT ?2, variable_id, value "
      "FROM case_values WHERE case_id = ?1 AND variable_id NOT IN "
      "(SELECT variable_id FROM case_values WHERE case_id = ?2)",
      "DELETE FROM cases WHERE id = ?1"};
  for (const char* sql : kSteps) {
    TRY(stmt, db_.prepare(sql));
    TRY_STATUS(stmt.bind(1, from).bind(2, to).run());
  }
  return {};
}

Status SqliteStore::set_case_analysed(Id case_id, bool analysed) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("UPDATE cases SET analysed = ? WHERE id = ?"));
  return stmt.bind(1, std::int64_t{analysed ? 1 : 0}).bind(2, case_id).run();
}

Status SqliteStore::move_case_documents(Id from, Id to, const std::vector<Id>& document_ids) {
  TRY_STATUS(require_change());
  TRY(turns,
      db_.prepare("UPDATE utterances SET case_id = ?2 WHERE case_id = ?1 AND document_id = ?3"));
  TRY(links,
      db_.prepare("UPDATE case_links SET case_id = ?2 WHERE case_id = ?1 AND document_id = ?3"));
  for (Id doc : document_ids) {
    TRY_STATUS(turns.bind(1, from).bind(2, to).bind(3, doc).run());
    TRY_STATUS(links.bind(1, from).bind(2, to).bind(3, doc).run());
  }
  return {};
}

Status SqliteStore::rename_case(Id case_id, std::string_view name) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("UPDATE cases SET name = ? WHERE id = ?"));
  auto renamed = stmt.bind(1, name).bind(2, case_id).run();
  if (!renamed) {
    return tl::unexpected(
        conflict(renamed.error(), fmt::format("a case named '{}' already exists", name)));
  }
  return {};
}

Status SqliteStore::delete_case(Id case_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM cases WHERE id = ?"));
  return stmt.bind(1, case_id).run();
}

Result<Variable> SqliteStore::insert_variable(const Variable& variable) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO variables (guid, name, type) VALUES (?, ?, ?)"));
  Variable made = variable;
  if (made.guid.empty()) made.guid = new_guid();
  auto inserted =
      stmt.bind(1, made.guid).bind(2, made.name).bind(3, variable_type_name(made.type)).run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("a variable named '{}' already exists", made.name)));
  }
  made.id = sqlite3_last_insert_rowid(db_.handle());
  TRY(category, db_.prepare("INSERT INTO variable_categories (variable_id, position, value) "
                            "VALUES (?, ?, ?)"));
  for (std::size_t i = 0; i < made.categories.size(); ++i) {
    TRY_STATUS(category.bind(1, made.id)
                   .bind(2, static_cast<std::int64_t>(i))
                   .bind(3, made.categories[i])
                   .run());
  }
  return made;
}

Result<std::vector<Variable>> SqliteStore::variables() {
  TRY(stmt, db_.prepare("SELECT id, guid, name, type FROM variables ORDER BY name"));
  std::vector<Variable> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    TRY(type, read_type(stmt.text_view(3)));
    out.push_back(Variable{stmt.integer(0), stmt.text(1), stmt.text(2), type, {}});
  }
  TRY(cats, db_.prepare("SELECT variable_id, value FROM variable_categories "
                        "ORDER BY variable_id, position"));
  while (true) {
    TRY(row, cats.step());
    if (!row) break;
    for (auto& v : out) {
      if (v.id == cats.integer(0)) v.categories.push_back(cats.text(1));
    }
  }
  return out;
}

Status SqliteStore::set_case_value(const CaseValue& value) { return set_case_values({value}); }

Status SqliteStore::set_case_values(const std::vector<CaseValue>& values) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO case_values (case_id, variable_id, value) VALUES (?, ?, ?) "
                        "ON CONFLICT (case_id, variable_id) DO UPDATE SET value = excluded.value"));
  for (const auto& v : values) {
    TRY_STATUS(stmt.bind(1, v.case_id).bind(2, v.variable_id).bind(3, v.value).run());
  }
  return {};
}

Status SqliteStore::clear_case_value(Id case_id, Id variable_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM case_values WHERE case_id = ? AND variable_id = ?"));
  return stmt.bind(1, case_id).bind(2, variable_id).run();
}

Result<std::vector<CaseValue>> SqliteStore::case_values() {
  TRY(stmt, db_.prepare("SELECT case_id, variable_id, value FROM case_values"));
  std::vector<CaseValue> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(CaseValue{stmt.integer(0), stmt.integer(1), stmt.text(2)});
  }
  return out;
}

namespace {

constexpr std::string_view kInsertCaseLink =
    "INTO case_links (case_id, document_id, start_cp, end_cp) VALUES (?, ?, ?, ?)";

void bind_case_link(sqlite::Statement& stmt, const CaseLink& link) {
  stmt.bind(1, link.case_id).bind(2, link.document_id);
  if (link.range) {
    stmt.bind(3, static_cast<std::int64_t>(link.range->start))
        .bind(4, static_cast<std::int64_t>(link.range->end));
  } else {
    stmt.bind(3, std::nullopt).bind(4, std::nullopt);
  }
}

}  // namespace

Status SqliteStore::insert_case_link(const CaseLink& link) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare(fmt::format("INSERT {}", kInsertCaseLink)));
  bind_case_link(stmt, link);
  auto inserted = stmt.run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), "the case is already linked to that document or range"));
  }
  return {};
}

Status SqliteStore::insert_case_links(const std::vector<CaseLink>& links) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare(fmt::format("INSERT OR IGNORE {}", kInsertCaseLink)));
  for (const auto& link : links) {
    bind_case_link(stmt, link);
    TRY_STATUS(stmt.run());
  }
  return {};
}

Result<std::vector<CaseLink>> SqliteStore::whole_document_links() {
  TRY(stmt, db_.prepare("SELECT case_id, document_id FROM case_links WHERE start_cp IS NULL "
                        "ORDER BY document_id, case_id"));
  std::vector<CaseLink> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(CaseLink{stmt.integer(0), stmt.integer(1), std::nullopt});
  }
  return out;
}

Result<std::vector<CaseLink>> SqliteStore::case_links() {
  TRY(stmt, db_.prepare("SELECT case_id, document_id, start_cp, end_cp FROM case_links "
                        "ORDER BY document_id, coalesce(start_cp, -1)"));
  std::vector<CaseLink> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    CaseLink link{stmt.integer(0), stmt.integer(1), std::nullopt};
    if (!stmt.is_null(2)) {
      link.range = Range{static_cast<std::uint64_t>(stmt.integer(2)),
                         static_cast<std::uint64_t>(stmt.integer(3))};
    }
    out.push_back(link);
  }
  return out;
}

Result<Id> SqliteStore::insert_memo(const Memo& memo) {
  TRY_STATUS(require_change());
  TRY(stmt,
      db_.prepare("INSERT INTO memos (guid, target, document_id, code_id, coding_id, coder_id, "
                  "text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  auto target_column = [&](MemoTarget t) {
    return memo.target == t ? memo.target_id : std::optional<Id>();
  };
  TRY_STATUS(stmt.bind(1, memo.guid.empty() ? new_guid() : memo.guid)
                 .bind(2, memo_target_name(memo.target))
                 .bind_optional(3, target_column(MemoTarget::kDocument))
                 .bind_optional(4, target_column(MemoTarget::kCode))
                 .bind_optional(5, target_column(MemoTarget::kCoding))
                 .bind(6, memo.coder_id)
                 .bind(7, memo.text)
                 .bind(8, memo.created_at.empty() ? now() : memo.created_at)
                 .run());
  return sqlite3_last_insert_rowid(db_.handle());
}

Result<std::vector<Memo>> SqliteStore::memos() {
  TRY(stmt,
      db_.prepare("SELECT id, guid, target, coalesce(document_id, code_id, coding_id), coder_id, "
                  "text, created_at FROM memos ORDER BY id"));
  std::vector<Memo> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    Memo m;
    m.id = stmt.integer(0);
    m.guid = stmt.text(1);
    std::string_view target = stmt.text_view(2);
    m.target = target == "document" ? MemoTarget::kDocument
               : target == "code"   ? MemoTarget::kCode
               : target == "coding" ? MemoTarget::kCoding
                                    : MemoTarget::kProject;
    m.target_id = stmt.optional_integer(3);
    m.coder_id = stmt.integer(4);
    m.text = stmt.text(5);
    m.created_at = stmt.text(6);
    out.push_back(std::move(m));
  }
  return out;
}

Status SqliteStore::delete_memo(Id memo_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM memos WHERE id = ?"));
  return stmt.bind(1, memo_id).run();
}

}  // namespace thematica
