// Codings (coded segments) and their aggregates for SqliteStore.

#include <algorithm>
#include <array>
#include <thread>

#include <fmt/ranges.h>

#include "core/guid.hpp"
#include "core/text.hpp"
#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

constexpr std::string_view kCodingColumns =
    "id, guid, document_id, code_id, coder_id, start_cp, end_cp, comment, important, created_at, "
    "start_byte, end_byte, representative";

Coding read_coding(const sqlite::Statement& s) {
  Coding c;
  c.id = s.integer(0);
  c.guid = s.text(1);
  c.document_id = s.integer(2);
  c.code_id = s.integer(3);
  c.coder_id = s.integer(4);
  c.range =
      Range{static_cast<std::uint64_t>(s.integer(5)), static_cast<std::uint64_t>(s.integer(6))};
  c.comment = s.text(7);
  c.important = s.integer(8) != 0;
  c.created_at = s.text(9);
  c.byte_start = static_cast<std::uint64_t>(s.integer(10));
  c.byte_end = static_cast<std::uint64_t>(s.integer(11));
  c.representative = s.integer(12) != 0;
  return c;
}

// " AND column IN (1,2,3)" for a non-empty id list. Ids are integers we produced, so they are
// written into the SQL directly rather than bound one by one.
std::string in_clause(std::string_view column, const std::vector<Id>& ids) {
  if (ids.empty()) return {};
  return fmt::format(" AND {} IN ({})", column, fmt::join(ids, ","));
}

std::string where_clause(const CodingFilter& f) {
  return "WHERE 1" + in_clause("code_id", f.code_ids) + in_clause("coder_id", f.coder_ids) +
         in_clause("document_id", f.document_ids);
}

constexpr int kCodingParameters = 13;

// One row of the codings table, as bound: views into the values of whatever it is made from.
struct CodingRow {
  Id id = 0;
  std::string_view guid;
  Id document_id = 0, code_id = 0, coder_id = 0;
  Range range;
  std::uint64_t byte_start = 0, byte_end = 0;
  std::string_view comment;
  bool important = false;
  std::string_view created_at;
  bool representative = false;
};

// Binds one row's values; `row` says which row of a multi-row INSERT they are. Its text is bound
// without a copy (a million codings' GUIDs are copied once, into the table, not twice): what the
// row's views point to must live until the statement has run.
void bind_coding(sqlite::Statement& stmt, const CodingRow& c, int row = 0) {
  int at = row * kCodingParameters;
  stmt.bind_static(at + 1, c.guid)
      .bind(at + 2, c.document_id)
      .bind(at + 3, c.code_id)
      .bind(at + 4, c.coder_id)
      .bind(at + 5, static_cast<std::int64_t>(c.range.start))
      .bind(at + 6, static_cast<std::int64_t>(c.range.end))
      .bind(at + 7, static_cast<std::int64_t>(c.byte_start))
      .bind(at + 8, static_cast<std::int64_t>(c.byte_end))
      .bind_static(at + 9, c.comment)
      .bind(at + 10, std::int64_t{c.important ? 1 : 0})
      .bind_static(at + 11, c.created_at)
      .bind(at + 12, c.id)
      .bind(at + 13, std::int64_t{c.representative ? 1 : 0});
}

constexpr std::string_view kInsertCoding =
    "INTO codings (guid, document_id, code_id, coder_id, start_cp, end_cp, start_byte, end_byte, "
    "comment, important, created_at, id, representative) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// "INSERT OR IGNORE INTO codings (...) VALUES (?, ...), (?, ...), ..." for `rows` rows.
std::string insert_many_sql(std::size_t rows) {
  std::string sql = fmt::format("INSERT OR IGNORE {}", kInsertCoding);
  for (std::size_t i = 1; i < rows; ++i) sql += ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql;
}

Status locate_bytes(const Text& text, Coding& c) {
  TRY_STATUS(check_range(c.range, text.length()));
  c.byte_start = text.byte_offset(c.range.start);
  c.byte_end = text.byte_offset(c.range.end);
  return {};
}

}  // namespace

Status SqliteStore::set_byte_offsets(Coding& coding) {
  TRY(text, text_index(coding.document_id));
  return locate_bytes(*text, coding);
}

Result<Id> SqliteStore::insert_coding(const Coding& coding) {
  TRY_STATUS(require_change());
  Coding located = coding;
  TRY_STATUS(set_byte_offsets(located));
  TRY(id, db_.scalar("SELECT coalesce(max(id), 0) + 1 FROM codings"));
  TRY(stmt, db_.prepare(fmt::format("INSERT {}", kInsertCoding)));
  std::string guid = coding.guid.empty() ? new_guid() : coding.guid;
  std::string created_at = coding.created_at.empty() ? now() : coding.created_at;
  bind_coding(stmt, {id, guid, located.document_id, located.code_id, located.coder_id,
                     located.range, located.byte_start, located.byte_end, located.comment,
                     located.important, created_at, located.representative});
  auto inserted = stmt.run();
  if (!inserted) {
    return tl::unexpected(
        conflict(inserted.error(), fmt::format("this coder has already coded {}:{} with this code",
                                               coding.range.start, coding.range.end)));
  }
  return id;
}

Result<std::int64_t> SqliteStore::insert_codings(const std::vector<NewCoding>& codings) {
  TRY_STATUS(require_change());
  // Where each coding goes, sorted and located by index: the codings themselves (with their
  // strings) are neither copied nor moved.
  struct Placed {
    std::size_t index = 0;
    std::uint64_t byte_start = 0, byte_end = 0;
  };
  std::vector<Placed> rows(codings.size());
  for (std::size_t i = 0; i < codings.size(); ++i) rows[i].index = i;
  // Byte offsets one document at a time, so each text is read once and only one is in memory.
  std::stable_sort(rows.begin(), rows.end(), [&](const Placed& a, const Placed& b) {
    return codings[a.index].document_id < codings[b.index].document_id;
  });
  Text text;
  Id loaded = 0;
  for (Placed& row : rows) {
    const NewCoding& c = codings[row.index];
    if (c.document_id != loaded) {
      TRY(raw, document_text(c.document_id));
      TRY(parsed, Text::from_utf8(std::move(raw)));
      text = std::move(parsed);
      loaded = c.document_id;
    }
    TRY_STATUS(check_range(c.range, text.length()));
    row.byte_start = text.byte_offset(c.range.start);
    row.byte_end = text.byte_offset(c.range.end);
  }
  text = Text();
  // Inserting in the table's key order turns a million random b-tree inserts into appends.
  std::sort(rows.begin(), rows.end(), [&](const Placed& x, const Placed& y) {
    const NewCoding& a = codings[x.index];
    const NewCoding& b = codings[y.index];
    return std::tie(a.code_id, a.document_id, a.range.start, a.range.end, a.coder_id) <
           std::tie(b.code_id, b.document_id, b.range.start, b.range.end, b.coder_id);
  });
  TRY(first_id, db_.scalar("SELECT coalesce(max(id), 0) + 1 FROM codings"));
  std::string created_at = now();
  std::int64_t inserted = 0;
  // Rows inserted here are undone by id range, not recorded one by one in the changeset.
  sqlite3session_enable(session_, 0);
  auto inserted_all = [&]() -> Status {
    // Many rows per statement: the per-statement work is a large part of a small row's cost.
    constexpr std::size_t kBatch = 64;
    TRY(full, db_.prepare(insert_many_sql(kBatch)));
    std::array<std::string, kBatch> made_guids;  // for codings that come without one
    for (std::size_t from = 0; from < rows.size(); from += kBatch) {
      std::size_t n = std::min(kBatch, rows.size() - from);
      sqlite::Statement tail;
      if (n < kBatch) {
        TRY(prepared, db_.prepare(insert_many_sql(n)));
        tail = std::move(prepared);
      }
      sqlite::Statement& stmt = n == kBatch ? full : tail;
      for (std::size_t k = 0; k < n; ++k) {
        const Placed& row = rows[from + k];
        const NewCoding& c = codings[row.index];
        if (c.guid.empty()) made_guids[k] = new_guid();
        bind_coding(stmt,
                    {first_id + static_cast<Id>(from + k), c.guid.empty() ? made_guids[k] : c.guid,
                     c.document_id, c.code_id, c.coder_id, c.range, row.byte_start, row.byte_end,
                     c.comment, false, c.created_at.empty() ? created_at : c.created_at},
                    static_cast<int>(k));
      }
      TRY_STATUS(stmt.run());
      inserted += sqlite3_changes(db_.handle());
    }
    return {};
  }();
  sqlite3session_enable(session_, 1);
  TRY_STATUS(inserted_all);
  TRY_STATUS(
      record_inserted_range("codings", first_id, first_id + static_cast<Id>(rows.size()) - 1));
  return inserted;
}

Status SqliteStore::begin_bulk_codings() {
  TRY_STATUS(require_change());
  if (bulk_dropped_index_) return {};
  TRY(any, has_codings());
  if (any) return {};
  // Every page the change writes stays dirty until it commits: beyond the cache, pages are
  // written to the log early and read back (an import of 1,000 documents and a million codings
  // took about 1 s longer with 64 MB than with 512 MB). Back to the usual when the change ends.
  TRY_STATUS(db_.exec("PRAGMA cache_size = -524288"));
  bulk_cache_ = true;
  TRY(stmt, db_.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND "
                        "name = 'codings_by_document'"));
  TRY(row, stmt.step());
  if (!row) return {};
  std::string create = stmt.text(0);
  stmt = sqlite::Statement();
  TRY_STATUS(db_.exec("DROP INDEX codings_by_document"));
  bulk_dropped_index_ = std::move(create);
  return {};
}

Result<bool> SqliteStore::has_codings() const {
  TRY(any, db_.scalar("SELECT count(*) FROM (SELECT 1 FROM codings LIMIT 1)"));
  return any > 0;
}

Status SqliteStore::end_bulk_codings() {
  if (!bulk_dropped_index_) return {};
  std::string create = std::move(*bulk_dropped_index_);
  bulk_dropped_index_.reset();
  return db_.exec(create);
}

Result<std::optional<Coding>> SqliteStore::find_coding(Id coding_id) {
  TRY(stmt, db_.prepare(fmt::format("SELECT {} FROM codings WHERE id = ?", kCodingColumns)));
  stmt.bind(1, coding_id);
  TRY(row, stmt.step());
  if (!row) return std::optional<Coding>();
  return std::optional<Coding>(read_coding(stmt));
}

Result<std::optional<Id>> SqliteStore::find_coding_id(std::string_view guid) {
  TRY(stmt, db_.prepare("SELECT id FROM codings WHERE guid = ?"));
  stmt.bind(1, guid);
  TRY(row, stmt.step());
  if (!row) return std::optional<Id>();
  return std::optional<Id>(stmt.integer(0));
}

Status SqliteStore::update_coding(const Coding& coding) {
  TRY_STATUS(require_change());
  Coding c = coding;
  TRY_STATUS(set_byte_offsets(c));
  TRY(stmt, db_.prepare("UPDATE codings SET code_id = ?, start_cp = ?, end_cp = ?, start_byte = ?, "
                        "end_byte = ?, comment = ?, important = ?, representative = ? "
                        "WHERE id = ?"));
  auto updated = stmt.bind(1, c.code_id)
                     .bind(2, static_cast<std::int64_t>(c.range.start))
                     .bind(3, static_cast<std::int64_t>(c.range.end))
                     .bind(4, static_cast<std::int64_t>(c.byte_start))
                     .bind(5, static_cast<std::int64_t>(c.byte_end))
                     .bind(6, c.comment)
                     .bind(7, std::int64_t{c.important ? 1 : 0})
                     .bind(8, std::int64_t{c.representative ? 1 : 0})
                     .bind(9, c.id)
                     .run();
  if (!updated) {
    return tl::unexpected(
        conflict(updated.error(), "the same coder already has a coding with that code and range"));
  }
  return {};
}

Status SqliteStore::delete_coding(Id coding_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM codings WHERE id = ?"));
  return stmt.bind(1, coding_id).run();
}

namespace {

// The codings `where` selects, read on `db`, in the order codings() promises.
Result<std::vector<Coding>> read_codings(const sqlite::Database& db, const std::string& where) {
  TRY(stmt, db.prepare(fmt::format("SELECT {} FROM codings {}", kCodingColumns, where)));
  std::vector<Coding> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(read_coding(stmt));
  }
  // Sorting here is cheaper than asking SQLite to sort through a temporary b-tree; codings of one
  // code come in this order already (the table is clustered by code, then document and start).
  auto before = [](const Coding& a, const Coding& b) {
    return std::tie(a.document_id, a.range.start, a.range.end, a.code_id, a.coder_id) <
           std::tie(b.document_id, b.range.start, b.range.end, b.code_id, b.coder_id);
  };
  if (!std::is_sorted(out.begin(), out.end(), before)) std::sort(out.begin(), out.end(), before);
  return out;
}

// From this many codings of chosen codes, the two halves of the documents are read at once on two
// connections (a retrieval of 100,000 segments spends most of its time reading codings).
constexpr std::int64_t kCodingsReadInHalves = 20000;

}  // namespace

Result<std::vector<Coding>> SqliteStore::codings(const CodingFilter& filter) {
  std::string where = where_clause(filter);
  // Halves by document only where the table is read by code (a range per code for each half)
  // and outside a change (a second connection would not see it).
  bool in_change = sqlite3_get_autocommit(db_.handle()) == 0;
  if (in_change || filter.code_ids.empty() || !filter.document_ids.empty()) {
    return read_codings(db_, where);
  }
  TRY(count, count_codings(filter));
  if (count < kCodingsReadInHalves) return read_codings(db_, where);
  TRY(middle, db_.scalar("SELECT coalesce((min(id) + max(id)) / 2, 0) FROM documents"));
  Result<std::vector<Coding>> later = std::vector<Coding>();
  std::thread reader([&] {
    later = open_reader().and_then([&](const sqlite::Database& other) {
      return read_codings(other, fmt::format("{} AND document_id > {}", where, middle));
    });
  });
  auto earlier = read_codings(db_, fmt::format("{} AND document_id <= {}", where, middle));
  reader.join();
  if (!earlier) return tl::unexpected(earlier.error());
  if (!later) return tl::unexpected(later.error());
  earlier->insert(earlier->end(), std::make_move_iterator(later->begin()),
                  std::make_move_iterator(later->end()));
  return earlier;
}

Result<std::vector<CodingSpan>> SqliteStore::coding_spans(const CodingFilter& filter) {
  TRY(stmt, db_.prepare(fmt::format(
                "SELECT id, document_id, code_id, coder_id, start_cp, end_cp, start_byte, "
                "end_byte, representative FROM codings {}",
                where_clause(filter))));
  // Room for every coding there could be (ids only grow), so a million spans are never moved as
  // the vector grows; capacity never written costs address space, not memory.
  TRY(max_id, db_.scalar("SELECT coalesce(max(id), 0) FROM codings"));
  std::vector<CodingSpan> out;
  out.reserve(static_cast<std::size_t>(max_id));
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    auto at = [&](int column) { return static_cast<std::uint64_t>(stmt.integer(column)); };
    out.push_back({stmt.integer(0), stmt.integer(1), stmt.integer(2), stmt.integer(3),
                   Range{at(4), at(5)}, at(6), at(7), stmt.integer(8) != 0});
  }
  return out;
}

Result<std::int64_t> SqliteStore::count_codings(const CodingFilter& filter) {
  return db_.scalar(fmt::format("SELECT count(*) FROM codings {}", where_clause(filter)));
}

Result<std::pair<std::int64_t, std::int64_t>> SqliteStore::move_codings(Id from, Id to) {
  TRY_STATUS(require_change());
  TRY(drop,
      db_.prepare("DELETE FROM codings WHERE code_id = ?1 AND EXISTS (SELECT 1 FROM codings t "
                  "WHERE t.code_id = ?2 AND t.document_id = codings.document_id "
                  "AND t.coder_id = codings.coder_id AND t.start_cp = codings.start_cp "
                  "AND t.end_cp = codings.end_cp)"));
  TRY_STATUS(drop.bind(1, from).bind(2, to).run());
  std::int64_t dropped = sqlite3_changes(db_.handle());
  TRY(move, db_.prepare("UPDATE codings SET code_id = ? WHERE code_id = ?"));
  TRY_STATUS(move.bind(1, to).bind(2, from).run());
  return std::pair{static_cast<std::int64_t>(sqlite3_changes(db_.handle())), dropped};
}

Result<std::vector<FrequencyCell>> SqliteStore::frequencies(FrequencyAxis axis,
                                                            bool skip_unanalysed_turns) {
  std::string_view other = axis == FrequencyAxis::kDocument ? "document_id" : "coder_id";
  std::string where;
  if (skip_unanalysed_turns) {
    // Only when someone is left out: the common case keeps the plain aggregate.
    TRY(any, db_.prepare("SELECT EXISTS (SELECT 1 FROM cases WHERE analysed = 0)"));
    TRY(row, any.step());
    if (row && any.integer(0) != 0) {
      where =
          "WHERE NOT EXISTS (SELECT 1 FROM utterances u JOIN cases k ON k.id = u.case_id "
          "WHERE k.analysed = 0 AND u.document_id = c.document_id AND u.start_cp <= c.start_cp "
          "AND c.end_cp <= u.end_cp)";
    }
  }
  TRY(stmt,
      db_.prepare(fmt::format(
          "SELECT code_id, {0}, count(*) FROM codings c {1} GROUP BY code_id, {0}", other, where)));
  std::vector<FrequencyCell> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(FrequencyCell{stmt.integer(0), stmt.integer(1), stmt.integer(2)});
  }
  return out;
}

}  // namespace thematica
