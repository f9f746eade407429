// Replacing identifying text everywhere in a project, for pseudonymisation, in SqliteStore.

#include <algorithm>
#include <array>

#include "core/sha256.hpp"
#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

// Positions move in two steps, first out of the way by this much, so that no row passes through
// the key of a row not yet moved.
constexpr std::int64_t kAside = std::int64_t{1} << 40;

struct PositionColumns {
  std::string_view table;
  std::string_view key;  // a column unique per row
  std::string_view start;
  std::string_view end;
};

constexpr std::array<PositionColumns, 4> kPositions = {{
    {"utterances", "id", "start_cp", "end_cp"},
    {"case_links", "id", "start_cp", "end_cp"},
    {"reconciliation_decisions", "id", "start_cp", "end_cp"},
    {"document_pages", "page", "start_cp", "start_cp"},
}};

// Free text that may name participants: each column with the columns that pick out its row.
struct FreeText {
  std::string_view table;
  std::string_view key;  // comma-separated
  std::string_view column;
  // Two keys of one speaker may become one ("priya" and "priya raman" both "[p01]"): the row
  // that would repeat another goes.
  bool merge_duplicates = false;
};

constexpr std::array<FreeText, 21> kFreeTexts = {{
    {"documents", "id", "name"},
    {"documents", "id", "original_name"},
    {"document_groups", "id", "name"},
    {"cases", "id", "name"},
    {"cases", "id", "description"},
    {"case_values", "case_id, variable_id", "value"},
    {"variable_categories", "variable_id, position", "value"},
    {"speaker_keys", "key", "key", true},
    {"utterances", "id", "speaker_label"},
    {"memos", "id", "text"},
    {"codings", "id", "comment"},
    {"events", "id", "summary"},
    {"agreement_runs", "id", "coders"},
    {"agreement_runs", "id", "report"},
    {"reconciliation_decisions", "id", "coders"},
    {"reconciliation_decisions", "id", "taken"},
    {"reconciliation_decisions", "id", "memo"},
    {"saved_reports", "id", "name"},
    {"saved_reports", "id", "settings"},
    {"kept_aside", "id", "name"},
    {"kept_aside", "id", "xml"},
}};

// The codebook is the researchers' own writing, not rewritten, but an export carries it.
constexpr std::array<std::string_view, 5> kCodeTexts = {"name", "definition", "when_to_use",
                                                        "when_not_to_use", "example"};

std::string key_condition(std::string_view key) {
  std::string out;
  std::size_t at = 0;
  while (at <= key.size()) {
    std::size_t comma = key.find(',', at);
    if (comma == std::string_view::npos) comma = key.size();
    std::string_view column = key.substr(at, comma - at);
    while (column.starts_with(' ')) column.remove_prefix(1);
    out += fmt::format("{}{} = ?", out.empty() ? "" : " AND ", column);
    at = comma + 1;
  }
  return out;
}

std::size_t key_count(std::string_view key) {
  return static_cast<std::size_t>(std::count(key.begin(), key.end(), ',')) + 1;
}

}  // namespace

Status SqliteStore::move_positions(Id document_id, const EditMap& map) {
  // Codings: code points and bytes, by the unique id.
  TRY(codings, db_.prepare("SELECT id, start_cp, end_cp FROM codings WHERE document_id = ?"));
  codings.bind(1, document_id);
  std::vector<std::array<std::int64_t, 3>> moved;
  while (true) {
    TRY(row, codings.step());
    if (!row) break;
    Range r = map.range({static_cast<std::uint64_t>(codings.integer(1)),
                         static_cast<std::uint64_t>(codings.integer(2))});
    moved.push_back(
        {codings.integer(0), static_cast<std::int64_t>(r.start), static_cast<std::int64_t>(r.end)});
  }
  TRY(aside, db_.prepare("UPDATE codings SET start_cp = start_cp + ?, end_cp = end_cp + ? "
                         "WHERE document_id = ?"));
  TRY_STATUS(aside.bind(1, kAside).bind(2, kAside).bind(3, document_id).run());
  TRY(text, text_index(document_id));
  TRY(place, db_.prepare("UPDATE codings SET start_cp = ?, end_cp = ?, start_byte = ?, "
                         "end_byte = ? WHERE id = ?"));
  for (const auto& [id, start, end] : moved) {
    auto start_byte =
        static_cast<std::int64_t>(text->byte_offset(static_cast<std::uint64_t>(start)));
    auto end_byte = static_cast<std::int64_t>(text->byte_offset(static_cast<std::uint64_t>(end)));
    TRY_STATUS(
        place.bind(1, start).bind(2, end).bind(3, start_byte).bind(4, end_byte).bind(5, id).run());
  }
  for (const auto& p : kPositions) {
    TRY_STATUS(move_position_columns(p.table, p.key, p.start, p.end, document_id, map));
  }
  return {};
}

Status SqliteStore::move_position_columns(std::string_view table, std::string_view key,
                                          std::string_view start, std::string_view end,
                                          Id document_id, const EditMap& map) {
  bool single = start == end;  // a page has a start only
  TRY(read, db_.prepare(fmt::format("SELECT {}, {}, {} FROM {} WHERE document_id = ? AND {} IS "
                                    "NOT NULL",
                                    key, start, end, table, start)));
  read.bind(1, document_id);
  std::vector<std::array<std::int64_t, 3>> moved;
  while (true) {
    TRY(row, read.step());
    if (!row) break;
    auto s = static_cast<std::uint64_t>(read.integer(1));
    auto e = static_cast<std::uint64_t>(read.integer(2));
    moved.push_back({read.integer(0), static_cast<std::int64_t>(map.start(s)),
                     static_cast<std::int64_t>(single ? map.start(e) : map.end(e))});
  }
  std::string shift = single ? fmt::format("{0} = {0} + ?", start)
                             : fmt::format("{0} = {0} + ?, {1} = {1} + ?", start, end);
  TRY(aside, db_.prepare(fmt::format("UPDATE {} SET {} WHERE document_id = ? AND {} IS NOT NULL",
                                     table, shift, start)));
  aside.bind(1, kAside);
  if (!single) aside.bind(2, kAside);
  TRY_STATUS(aside.bind(single ? 2 : 3, document_id).run());
  std::string set =
      single ? fmt::format("{} = ?", start) : fmt::format("{} = ?, {} = ?", start, end);
  TRY(place, db_.prepare(fmt::format("UPDATE {} SET {} WHERE document_id = ? AND {} = ?", table,
                                     set, key)));
  for (const auto& [k, s, e] : moved) {
    place.bind(1, s);
    if (!single) place.bind(2, e);
    TRY_STATUS(place.bind(single ? 2 : 3, document_id).bind(single ? 3 : 4, k).run());
  }
  return {};
}

Status SqliteStore::replace_document_text(Id document_id, const Text& text, const EditMap& map) {
  TRY_STATUS(require_change());
  std::string digest = sha256_hex(text.utf8());
  TRY(update_text, db_.prepare("UPDATE document_texts SET text = ? WHERE document_id = ?"));
  TRY_STATUS(update_text.bind_static(1, text.utf8()).bind(2, document_id).run());
  TRY(update_document,
      db_.prepare("UPDATE documents SET sha256 = ?, length = ?, byte_size = ? WHERE id = ?"));
  TRY_STATUS(update_document.bind(1, digest)
                 .bind(2, static_cast<std::int64_t>(text.length()))
                 .bind(3, static_cast<std::int64_t>(text.utf8().size()))
                 .bind(4, document_id)
                 .run());
  return move_positions(document_id, map);
}

Status SqliteStore::visit_free_texts(
    const std::function<void(std::string_view where, std::string_view text)>& visit) {
  auto read_table = [&](std::string_view table, std::string_view key,
                        std::string_view column) -> Status {
    TRY(read, db_.prepare(fmt::format("SELECT {}, {} FROM {}", column, key, table)));
    std::size_t keys = key_count(key);
    while (true) {
      TRY(row, read.step());
      if (!row) break;
      std::vector<std::string> values;
      for (std::size_t k = 0; k < keys; ++k) values.push_back(read.text(static_cast<int>(k) + 1));
      visit(fmt::format("{}.{} ({} {})", table, column, key, fmt::join(values, ", ")),
            read.text_view(0));
    }
    return {};
  };
  for (const auto& f : kFreeTexts) TRY_STATUS(read_table(f.table, f.key, f.column));
  for (std::string_view column : kCodeTexts) TRY_STATUS(read_table("codes", "id", column));
  return {};
}

Status SqliteStore::rewrite_free_texts(
    const std::function<std::optional<std::string>(std::string_view)>& rewrite) {
  TRY_STATUS(require_change());
  // The log is append-only but for this: a pseudonymised project must not keep a name in it.
  TRY_STATUS(db_.exec("DROP TRIGGER events_no_update"));
  for (const auto& f : kFreeTexts) {
    std::size_t keys = key_count(f.key);
    TRY(read, db_.prepare(fmt::format("SELECT {}, {} FROM {}", f.column, f.key, f.table)));
    std::vector<std::vector<std::string>> changed;  // new text, then the key's values
    while (true) {
      TRY(row, read.step());
      if (!row) break;
      auto rewritten = rewrite(read.text_view(0));
      if (!rewritten) continue;
      std::vector<std::string> values{std::move(*rewritten)};
      for (std::size_t k = 0; k < keys; ++k) values.push_back(read.text(static_cast<int>(k) + 1));
      changed.push_back(std::move(values));
    }
    TRY(update, db_.prepare(fmt::format("UPDATE {}{} SET {} = ? WHERE {}",
                                        f.merge_duplicates ? "OR REPLACE " : "", f.table, f.column,
                                        key_condition(f.key))));
    for (const auto& values : changed) {
      for (std::size_t i = 0; i < values.size(); ++i)
        update.bind(static_cast<int>(i) + 1, values[i]);
      TRY_STATUS(update.run());
    }
  }
  return db_.exec(
      "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
      "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;");
}

Status SqliteStore::forget_undo_history() {
  TRY_STATUS(require_change());
  undo_forgotten_ = true;
  return db_.exec("DELETE FROM undo_data; DELETE FROM undo_texts; DELETE FROM undo_inserted;");
}

Status SqliteStore::compact() {
  if (in_change_ || in_group_) {
    return fail(ErrorKind::kInternal, "the project cannot be compacted inside a change (a bug)");
  }
  TRY_STATUS(db_.exec("INSERT INTO document_search (document_search) VALUES ('rebuild')"));
  TRY_STATUS(db_.exec("VACUUM"));
  return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status SqliteStore::insert_pseudonymisation_records(
    const std::vector<PseudonymisationRecord>& records) {
  TRY_STATUS(require_change());
  TRY(insert, db_.prepare("INSERT INTO pseudonymisation_log (event_id, document, category, "
                          "pseudonym, replaced) VALUES (?, ?, ?, ?, ?)"));
  for (const auto& r : records) {
    TRY_STATUS(insert.bind(1, pending_event_id_)
                   .bind(2, r.document)
                   .bind(3, r.category)
                   .bind(4, r.pseudonym)
                   .bind(5, r.replaced)
                   .run());
  }
  return {};
}

Result<std::vector<PseudonymisationRecord>> SqliteStore::pseudonymisation_records() {
  TRY(read, db_.prepare("SELECT l.event_id, e.time, e.coder, l.document, l.category, "
                        "l.pseudonym, l.replaced FROM pseudonymisation_log l "
                        "JOIN events e ON e.id = l.event_id "
                        "ORDER BY l.event_id, l.document, l.category, l.pseudonym"));
  std::vector<PseudonymisationRecord> out;
  while (true) {
    TRY(row, read.step());
    if (!row) break;
    out.push_back({read.integer(0), read.text(1), read.text(2), read.text(3), read.text(4),
                   read.text(5), read.integer(6)});
  }
  return out;
}

Result<std::string> SqliteStore::project_guid() {
  TRY(read, db_.prepare("SELECT guid FROM project WHERE id = 1"));
  TRY(row, read.step());
  if (!row) return fail(ErrorKind::kCorrupt, "the project has no GUID");
  return read.text(0);
}

}  // namespace thematica
