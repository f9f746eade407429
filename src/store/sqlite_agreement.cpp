// Assignments, agreement history and reconciliation decisions, for SqliteStore.

#include <sstream>

#include <fmt/format.h>

#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

// Coder names are stored one per line: a name cannot hold a line break.
std::string join_lines(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : "\n") + name;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

}  // namespace

Result<bool> SqliteStore::assign(Id coder_id, Id document_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("INSERT OR IGNORE INTO assignments (coder_id, document_id) VALUES (?, ?)"));
  TRY_STATUS(stmt.bind(1, coder_id).bind(2, document_id).run());
  return sqlite3_changes(db_.handle()) > 0;
}

Result<bool> SqliteStore::unassign(Id coder_id, Id document_id) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare("DELETE FROM assignments WHERE coder_id = ? AND document_id = ?"));
  TRY_STATUS(stmt.bind(1, coder_id).bind(2, document_id).run());
  return sqlite3_changes(db_.handle()) > 0;
}

Result<std::vector<Assignment>> SqliteStore::assignments() {
  TRY(stmt, db_.prepare("SELECT coder_id, document_id FROM assignments ORDER BY coder_id, "
                        "document_id"));
  std::vector<Assignment> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back({stmt.integer(0), stmt.integer(1)});
  }
  return out;
}

Result<Id> SqliteStore::insert_agreement_run(const AgreementRun& run) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare(fmt::format(
                "INSERT INTO agreement_runs (time, actor, unit, coders, documents, codes, pooled, "
                "report) VALUES ({}, ?, ?, ?, ?, ?, ?, ?)",
                kNow)));
  TRY_STATUS(stmt.bind(1, run.actor)
                 .bind(2, run.unit)
                 .bind(3, join_lines(run.coders))
                 .bind(4, run.documents)
                 .bind(5, run.codes)
                 .bind_optional(6, run.pooled)
                 .bind(7, run.report)
                 .run());
  return sqlite3_last_insert_rowid(db_.handle());
}

Result<std::vector<AgreementRun>> SqliteStore::agreement_runs() {
  TRY(stmt, db_.prepare("SELECT id, time, actor, unit, coders, documents, codes, pooled, report "
                        "FROM agreement_runs ORDER BY id"));
  std::vector<AgreementRun> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    out.push_back(AgreementRun{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3),
                               split_lines(stmt.text(4)), stmt.integer(5), stmt.integer(6),
                               stmt.optional_real(7), stmt.text(8)});
  }
  return out;
}

Result<Id> SqliteStore::insert_decision(const ReconciliationDecision& d) {
  TRY_STATUS(require_change());
  TRY(stmt, db_.prepare(fmt::format(
                "INSERT INTO reconciliation_decisions (time, actor, document_id, code_id, "
                "start_cp, end_cp, coders, consensus_coder_id, kind, decision, taken, memo) "
                "VALUES ({}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                kNow)));
  TRY_STATUS(stmt.bind(1, d.actor)
                 .bind(2, d.document_id)
                 .bind(3, d.code_id)
                 .bind(4, static_cast<std::int64_t>(d.passage.start))
                 .bind(5, static_cast<std::int64_t>(d.passage.end))
                 .bind(6, join_lines(d.coders))
                 .bind(7, d.consensus_coder_id)
                 .bind(8, d.kind)
                 .bind(9, d.decision)
                 .bind(10, d.taken)
                 .bind(11, d.memo)
                 .run());
  return sqlite3_last_insert_rowid(db_.handle());
}

Result<std::vector<ReconciliationDecision>> SqliteStore::decisions() {
  TRY(stmt, db_.prepare("SELECT id, time, actor, document_id, code_id, start_cp, end_cp, coders, "
                        "consensus_coder_id, kind, decision, taken, memo "
                        "FROM reconciliation_decisions ORDER BY id"));
  std::vector<ReconciliationDecision> out;
  while (true) {
    TRY(row, stmt.step());
    if (!row) break;
    ReconciliationDecision d;
    d.id = stmt.integer(0);
    d.time = stmt.text(1);
    d.actor = stmt.text(2);
    d.document_id = stmt.integer(3);
    d.code_id = stmt.integer(4);
    d.passage = Range{static_cast<std::uint64_t>(stmt.integer(5)),
                      static_cast<std::uint64_t>(stmt.integer(6))};
    d.coders = split_lines(stmt.text(7));
    d.consensus_coder_id = stmt.integer(8);
    d.kind = stmt.text(9);
    d.decision = stmt.text(10);
    d.taken = stmt.text(11);
    d.memo = stmt.text(12);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace thematica
