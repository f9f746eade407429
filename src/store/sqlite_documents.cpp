// Documents, their texts and document groups for SqliteStore.

#include <algorithm>

#include "core/guid.hpp"
#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

constexpr std::string_view kDocumentColumns =
    "id, guid, name, kind, original_name, imported_at, sha256, length, byte_size";

Document read_document(const sqlite::Statement& s) {
  return Document{s.integer(0),
                  s.text(1),
                  s.text(2),
                  s.text(3),
                  s.text(4),
                  s.text(5),
                  s.text(6),
                  static_cast<std::uint64_t>(s.integer(7)),
                  static_cast<std::uint64_t>(s.integer(8))};
}

}  // namespace

Result<Id> SqliteStore::insert_document(const Document& d, std::string_view text) {
  TRY_STATUS(require_change());
  TRY(insert,
      db_.prepare("INSERT INTO documents (guid, name, kind, original_name, imported_at, sha256, "
                  "length, byte_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  auto inserted = insert.bind(1, d.guid.empty() ? new_guid() : d.guid)
                      .bind(2, d.name)
                      .bind(3, d.kind)
                      .bind(4, d.original_name)
                      .bind(5, d.imported_at.empty() ? now() : d.imported_at)
                      .bind(6, d.sha256)
                      .bind(7, static_cast<std::int64_t>(d.length))
                      .bind(8, static_cast<std::int64_t>(d.byte_size))
                      .run();
  if (!inserted) {
    return tl::unexpected(conflict(
        inserted.error(), fmt::format("a document named '{}' already exists; import it under "
                                      "another name with --name, or rename the existing one",
                                      d.name)));
  }
  Id id = sqlite3_last_insert_rowid(db_.handle());
  TRY(text_insert, db_.prepare("INSERT INTO document_texts (document_id, text) VALUES (?, ?)"));
  // Bound without a copy: a text can be a whole book.
  TRY_STATUS(text_insert.bind(1, id).bind_static(2, text).run());
  return id;
}

Result<std::optional<Document>> SqliteStore::find_document(std::string_view name) {
  TRY(stmt, db_.prepare(fmt::format("SELECT {} FROM documents WHERE name = ?", kDocumentColumns)));
  stmt.bind(1, name);
  TRY(row, stmt.step());
  if (!row) return std::optional<Document>();
  return std::optional<Document>(read_document(stmt));
}

Result<std::vector<Document>> SqliteStore::documents() {
  TRY(stmt, db_.prepare(fmt::format("SELECT {} FROM documents ORDER BY id", kDocumentColumns)));
  std::vector<Document> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(read_document(stmt));
  }
  return out;
}

Result<std::string> SqliteStore::document_text(Id document_id) {
  TRY(stmt, db_.prepare("SELECT text FROM document_texts WHERE document_id = ?"));
  stmt.bind(1, document_id);
  TRY(row, stmt.step());
  if (!row) return failf(ErrorKind::kNotFound, "document {} has no text", document_id);
  return stmt.text(0);
}

Result<std::shared_ptr<const Text>> SqliteStore::text_index(Id document_id) {
  constexpr std::size_t kCachedTexts = 8;
  TRY(stmt, db_.prepare("SELECT sha256 FROM documents WHERE id = ?"));
  stmt.bind(1, document_id);
  TRY(row, stmt.step());
  if (!row) return failf(ErrorKind::kNotFound, "no document with id {}", document_id);
  std::string sha256 = stmt.text(0);
  auto cached = text_cache_.find(document_id);
  if (cached != text_cache_.end() && cached->second.sha256 == sha256) return cached->second.text;
  TRY(raw, document_text(document_id));
  TRY(parsed, Text::from_utf8(std::move(raw)));
  auto text = std::make_shared<const Text>(std::move(parsed));
  if (text_cache_.size() >= kCachedTexts) text_cache_.clear();
  text_cache_[document_id] = CachedText{std::move(sha256), text};
  return text;
}

Result<std::vector<std::string>> SqliteStore::read_text_spans(
    Id document_id, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& spans) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_.handle(), "main", "document_texts", "text", document_id, 0, &blob);
  if (rc != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return failf(ErrorKind::kNotFound, "document {} has no text", document_id);
  }
  auto size = static_cast<std::uint64_t>(sqlite3_blob_bytes(blob));
  std::vector<std::string> out;
  out.reserve(spans.size());
  for (auto [from, to] : spans) {
    to = std::min(to, size);
    from = std::min(from, to);
    std::string bytes(to - from, '\0');
    rc = sqlite3_blob_read(blob, bytes.data(), static_cast<int>(bytes.size()),
                           static_cast<int>(from));
    if (rc != SQLITE_OK) break;
    out.push_back(std::move(bytes));
  }
  sqlite3_blob_close(blob);
  if (rc != SQLITE_OK) return tl::unexpected(db_.error_from(rc));
  return out;
}

Status SqliteStore::rename_document(Id document_id, std::string_view name) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("UPDATE documents SET name = ? WHERE id = ?"));
  auto renamed = stmt.bind(1, name).bind(2, document_id).run();
  if (!renamed) {
    return tl::unexpected(
        conflict(renamed.error(), fmt::format("a document named '{}' already exists", name)));
  }
  return {};
}

Status SqliteStore::delete_document(Id document_id) {
  TRY_STATUS(require_change());
  TRY(stash, db_.prepare("INSERT INTO undo_texts (event_id, document_id, text) "
                         "SELECT ?, document_id, text FROM document_texts WHERE document_id = ?"));
  TRY_STATUS(stash.bind(1, pending_event_id_).bind(2, document_id).run());
  TRY(stmt, db_.prepare("DELETE FROM documents WHERE id = ?"));
  return stmt.bind(1, document_id).run();
}

Result<DocumentGroup> SqliteStore::insert_group(std::string_view name,
                                                std::string_view given_guid) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT INTO document_groups (guid, name) VALUES (?, ?)"));
  std::string guid = given_guid.empty() ? new_guid() : std::string(given_guid);
  auto inserted = stmt.bind(1, guid).bind(2, name).run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("a document group named '{}' exists", name)));
  }
  return DocumentGroup{sqlite3_last_insert_rowid(db_.handle()), guid, std::string(name)};
}

Result<std::vector<DocumentGroup>> SqliteStore::groups() {
  TRY(stmt, db_.prepare("SELECT id, guid, name FROM document_groups ORDER BY name"));
  std::vector<DocumentGroup> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(DocumentGroup{stmt.integer(0), stmt.text(1), stmt.text(2)});
  }
  return out;
}

Result<std::vector<GroupMember>> SqliteStore::group_members() {
  TRY(stmt, db_.prepare("SELECT group_id, document_id FROM document_group_members"));
  std::vector<GroupMember> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(GroupMember{stmt.integer(0), stmt.integer(1)});
  }
  return out;
}

Result<bool> SqliteStore::add_to_group(Id group_id, Id document_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT OR IGNORE INTO document_group_members (group_id, document_id) "
                        "VALUES (?, ?)"));
  TRY_STATUS(stmt.bind(1, group_id).bind(2, document_id).run());
  return sqlite3_changes(db_.handle()) > 0;
}

Result<bool> SqliteStore::remove_from_group(Id group_id, Id document_id) {
  TRY_STATUS(require_change());
  TRY(stmt,
      db_.prepare("DELETE FROM document_group_members WHERE group_id = ? AND document_id = ?"));
  TRY_STATUS(stmt.bind(1, group_id).bind(2, document_id).run());
  return sqlite3_changes(db_.handle()) > 0;
}

Status SqliteStore::delete_group(Id group_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM document_groups WHERE id = ?"));
  return stmt.bind(1, group_id).run();
}

Status SqliteStore::insert_page_starts(Id document_id, const std::vector<std::uint64_t>& starts) {
  TRY_STATUS(require_change());
  TRY(stmt,
      db_.prepare("INSERT INTO document_pages (document_id, page, start_cp) VALUES (?, ?, ?)"));
  for (std::size_t i = 0; i < starts.size(); ++i) {
    TRY_STATUS(stmt.bind(1, document_id)
                   .bind(2, static_cast<std::int64_t>(i + 1))
                   .bind(3, static_cast<std::int64_t>(starts[i]))
                   .run());
  }
  return {};
}

Result<std::vector<std::uint64_t>> SqliteStore::page_starts(Id document_id) {
  TRY(stmt, db_.prepare("SELECT start_cp FROM document_pages WHERE document_id = ? ORDER BY page"));
  stmt.bind(1, document_id);
  std::vector<std::uint64_t> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(static_cast<std::uint64_t>(stmt.integer(0)));
  }
  return out;
}

}  // namespace thematica
