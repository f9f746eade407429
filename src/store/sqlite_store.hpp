#pragma once
// The Store on an SQLite project file (WAL, foreign keys on, synchronous=FULL so an acknowledged
// change survives a crash). Undo rests on SQLite's session extension: each change keeps the
// inverse of its row changes. Canonical texts are kept out of those changesets (they are large
// and never change); deleting a document stashes its text for undo instead.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace thematica {

struct StoreOptions {
  int busy_timeout_ms = 5000;  // how long to wait for another process before reporting kBusy
  int undo_depth = 50;         // how many recent changes stay undoable
};

// The tables whose row changes undo inverts through a changeset. Every table of the schema must be
// here, except the texts (stashed apart), the search index, the log, the undo data and `project`;
// a test holds the schema to that.
std::vector<std::string> tables_undone_by_changesets();

class SqliteStore final : public Store {
 public:
  // Creates a new project file. Errors: kConflict when `path` exists; kIo.
  static Result<std::unique_ptr<SqliteStore>> create(const std::string& path,
                                                     const StoreOptions& options = {});
  // Opens an existing project and migrates it to the current schema. Errors: kNotFound when there
  // is no file; kCorrupt when it is not a Thematica project; kUnsupported for a newer schema;
  // kBusy.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path,
                                                   const StoreOptions& options = {});

  Result<Event> change(std::string_view operation, std::string_view actor,
                       const std::function<Result<std::string>()>& body) override;
  Result<Event> undo_last(std::string_view actor) override;
  Status group_commit(const std::function<void()>& work) override;
  Result<std::vector<Event>> events(std::int64_t limit) override;

  Result<std::optional<Coder>> find_coder(std::string_view name) override;
  using Store::insert_case;
  using Store::insert_coder;
  using Store::insert_group;
  Result<Coder> insert_coder(std::string_view name, std::string_view guid) override;
  Result<std::vector<Coder>> coders() override;

  Result<Id> insert_document(const Document& document, std::string_view text) override;
  Result<std::optional<Document>> find_document(std::string_view name) override;
  Result<std::vector<Document>> documents() override;
  Result<std::string> document_text(Id document_id) override;
  Result<std::shared_ptr<const Text>> text_index(Id document_id) override;
  Result<std::vector<std::string>> read_text_spans(
      Id document_id, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& spans) override;
  Status rename_document(Id document_id, std::string_view name) override;
  Status delete_document(Id document_id) override;

  Result<DocumentGroup> insert_group(std::string_view name, std::string_view guid) override;
  Result<std::vector<DocumentGroup>> groups() override;
  Result<std::vector<GroupMember>> group_members() override;
  Result<bool> add_to_group(Id group_id, Id document_id) override;
  Result<bool> remove_from_group(Id group_id, Id document_id) override;
  Status delete_group(Id group_id) override;

  Result<std::vector<Code>> codes() override;
  Result<Id> insert_code(const Code& code) override;
  Status update_code(const Code& code) override;
  Status delete_code(Id code_id) override;

  Result<Id> insert_coding(const Coding& coding) override;
  Result<std::int64_t> insert_codings(const std::vector<NewCoding>& codings) override;
  Status begin_bulk_codings() override;
  Status end_bulk_codings() override;
  Status prepare_bulk_load() override;
  Result<std::optional<Id>> find_coding_id(std::string_view guid) override;
  Result<std::optional<Coding>> find_coding(Id coding_id) override;
  Status update_coding(const Coding& coding) override;
  Status delete_coding(Id coding_id) override;
  Result<std::vector<Coding>> codings(const CodingFilter& filter) override;
  Result<std::int64_t> count_codings(const CodingFilter& filter) override;
  Result<std::vector<CodingSpan>> coding_spans(const CodingFilter& filter) override;
  Result<CodingsAndTurns> coding_spans_and_turns(const CodingFilter& filter) override;
  Result<std::pair<std::int64_t, std::int64_t>> move_codings(Id from, Id to) override;
  Result<std::vector<FrequencyCell>> frequencies(FrequencyAxis axis,
                                                 bool skip_unanalysed_turns) override;

  Result<Id> insert_memo(const Memo& memo) override;
  Result<std::vector<Memo>> memos() override;
  Status delete_memo(Id memo_id) override;

  Result<Case> insert_case(std::string_view name, std::string_view guid) override;
  Result<bool> assign(Id coder_id, Id document_id) override;
  Result<bool> unassign(Id coder_id, Id document_id) override;
  Result<std::vector<Assignment>> assignments() override;
  Status save_report(const SavedReport& report) override;
  Result<std::vector<SavedReport>> saved_reports() override;
  Result<bool> delete_saved_report(const std::string& name) override;
  Result<Id> insert_agreement_run(const AgreementRun& run) override;
  Result<std::vector<AgreementRun>> agreement_runs() override;
  Result<Id> insert_decision(const ReconciliationDecision& decision) override;
  Result<std::vector<ReconciliationDecision>> decisions() override;
  Status insert_kept_aside(const std::vector<KeptAside>& items) override;
  Result<std::vector<KeptAside>> kept_aside() override;
  Result<std::vector<Case>> cases() override;
  Result<std::optional<Case>> find_case(std::string_view name) override;
  Status delete_case(Id case_id) override;
  Result<Variable> insert_variable(const Variable& variable) override;
  Result<std::vector<Variable>> variables() override;
  Status set_case_value(const CaseValue& value) override;
  Status set_case_values(const std::vector<CaseValue>& values) override;
  Status clear_case_value(Id case_id, Id variable_id) override;
  Result<std::vector<CaseValue>> case_values() override;
  Status insert_case_link(const CaseLink& link) override;
  Status insert_case_links(const std::vector<CaseLink>& links) override;
  Result<std::vector<CaseLink>> case_links() override;
  Result<std::vector<CaseLink>> whole_document_links() override;

  Result<std::optional<Case>> find_speaker_case(std::string_view key) override;
  Status set_speaker_key(Id case_id, std::string_view key) override;
  Status merge_cases(Id from, Id to) override;
  Status rename_case(Id case_id, std::string_view name) override;
  Status set_case_analysed(Id case_id, bool analysed) override;
  Status move_case_documents(Id from, Id to, const std::vector<Id>& document_ids) override;
  Result<std::vector<CodeSet>> code_sets() override;
  Result<Id> insert_code_set(const CodeSet& set) override;
  Status add_to_code_set(Id set_id, const std::vector<Id>& code_ids) override;
  Status insert_page_starts(Id document_id, const std::vector<std::uint64_t>& starts) override;
  Result<std::vector<std::uint64_t>> page_starts(Id document_id) override;
  Status insert_utterances(const std::vector<Utterance>& utterances) override;
  Result<std::vector<Utterance>> utterances(const std::vector<Id>& document_ids) override;

  Status search(std::string_view query,
                const std::function<bool(const SearchHit&)>& visit) override;

  Status replace_document_text(Id document_id, const Text& text, const EditMap& map) override;
  Status rewrite_free_texts(
      const std::function<std::optional<std::string>(std::string_view)>& rewrite) override;
  Status visit_free_texts(
      const std::function<void(std::string_view where, std::string_view text)>& visit) override;
  Status forget_undo_history() override;
  Status compact() override;
  Status insert_pseudonymisation_records(
      const std::vector<PseudonymisationRecord>& records) override;
  Result<std::vector<PseudonymisationRecord>> pseudonymisation_records() override;
  Result<std::string> project_guid() override;
  Status record_pseudonymisation_decisions(
      const std::vector<PseudonymisationDecision>& decisions) override;
  Result<std::vector<PseudonymisationDecision>> pseudonymisation_decisions() override;
  Result<std::int64_t> forget_pseudonymisation_decisions(const std::vector<Id>& ids) override;
  Result<std::int64_t> forget_document_decisions(Id document_id) override;
  Status choose_pseudonym(const PseudonymChoice& choice) override;
  Result<std::vector<PseudonymChoice>> pseudonym_choices() override;
  Status forget_pseudonymisation_review() override;

 private:
  SqliteStore(sqlite::Database db, StoreOptions options);
  Status configure();
  // Adds match_spans() (see sqlite_search.cpp) to this connection.
  Status register_search_functions();
  // kInternal unless a change() is running: writes outside change() are bugs.
  Status require_change() const;
  Status move_positions(Id document_id, const EditMap& map);
  Status move_position_columns(std::string_view table, std::string_view key, std::string_view start,
                               std::string_view end, Id document_id, const EditMap& map);
  Status record_event(std::string_view operation, std::string_view actor,
                      const std::string& summary, std::optional<Id> undoes,
                      const std::string& inverse);
  // Starts a write transaction and reserves the id of its event. Errors: kBusy (a friendly
  // message), or SQLite's.
  // A change's transaction: its own, or a savepoint inside group_commit's.
  Status begin_write();
  Status commit_write();
  void rollback_write();
  Status prune_undo_data();
  Result<Event> event_by_id(Id id);
  // Events matching `tail` (a WHERE/ORDER clause with one integer parameter, `value`).
  Result<std::vector<Event>> query_events(std::string_view tail, std::int64_t value);
  Status restore_stashed_texts(Id event_id);
  std::string now() const;
  // Maps a constraint failure to a friendly kConflict message, other errors unchanged.
  static Error conflict(Error error, std::string message);

  sqlite::Database db_;
  StoreOptions options_;
  // Sets a coding's byte offsets from its document's text. Errors: kInvalidInput out of range.
  Status set_byte_offsets(Coding& coding);
  Status record_inserted_range(std::string_view table, Id first, Id last);
  Status undo_inserted_ranges(Id event_id);

  bool in_change_ = false;
  bool in_group_ = false;
  bool undo_forgotten_ = false;  // the running change called forget_undo_history()  // inside
                                 // group_commit: each change is a savepoint
  // Parsed texts by document id, with the SHA-256 they were parsed from: an id can be reused
  // after a deletion (or a rolled-back import), a text with the same hash cannot differ.
  struct CachedText {
    std::string sha256;
    std::shared_ptr<const Text> text;
  };
  std::map<Id, CachedText> text_cache_;
  Id pending_event_id_ = 0;                        // the id the running change's event will get
  std::optional<std::string> bulk_dropped_index_;  // its CREATE statement, until rebuilt
  bool bulk_cache_ = false;  // the page cache is enlarged until the change ends
  bool bulk_load_ = false;   // a rollback journal instead of the log until the change ends
  // A second, read-only connection to the project, set up as the first is for large reads: for
  // reading two things at once on two threads. It sees only what is committed.
  Result<sqlite::Database> open_reader() const;
  // Whether the project holds any coding (the bulk paths differ for an empty one).
  Result<bool> has_codings() const;
  // What begin_bulk_codings() and prepare_bulk_load() set for one change, back to the usual.
  void end_bulk_change();
  // Switches the journal mode ("wal", "delete") without waiting for other connections: true when
  // `mode` is in use after, false when another connection kept the old one (not an error here).
  Result<bool> try_journal_mode(std::string_view mode);
  struct sqlite3_session* session_ = nullptr;  // records the running change's row changes
};

}  // namespace thematica
