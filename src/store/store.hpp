#pragma once
// The one interface services use to read and change a project. The SQLite implementation keeps
// all SQL; a PostgreSQL one can follow without touching services.
//
// Every write happens inside change(): one transaction, recorded as one event in the append-only
// log together with what undo needs. Write methods called outside change() fail with kInternal.
// A Store is used from one thread at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_edits.hpp"

namespace thematica {

// Which codings a query returns; an empty list means "any".
struct CodingFilter {
  std::vector<Id> code_ids;
  std::vector<Id> coder_ids;
  std::vector<Id> document_ids;
};

// Where a coding lies, without its text fields: what bulk analyses (agreement) read.
struct CodingSpan {
  Id id = 0;
  Id document_id = 0;
  Id code_id = 0;
  Id coder_id = 0;
  Range range;
  std::uint64_t byte_start = 0;  // of the range in the document's UTF-8 text
  std::uint64_t byte_end = 0;
  bool representative = false;
};

// Where a speaker turn lies, without its label: what reports need of half a million turns.
struct TurnPlace {
  Id document_id = 0;
  int position = 0;
  std::optional<Id> case_id;
  std::int64_t start_ms = -1;  // -1 when the file gave no time
  Range range;
};

struct CodingsAndTurns {
  std::vector<CodingSpan> codings;
  std::vector<TurnPlace> turns;  // every turn of the project, by document then position
};

enum class FrequencyAxis { kDocument, kCoder };

// Number of codings of one code in one document (or by one coder).
struct FrequencyCell {
  Id code_id = 0;
  Id other_id = 0;
  std::int64_t count = 0;
};

// A full-text match: the byte spans (in canonical text) of each matched phrase instance.
struct SearchHit {
  Id document_id = 0;
  std::vector<std::pair<std::size_t, std::size_t>> byte_spans;  // [start, end) bytes
};

// A document a coder is asked to code.
struct Assignment {
  Id coder_id = 0;
  Id document_id = 0;
};

// A report's settings saved under a name; `kind` is "themes" or "matrix", `settings` JSON.
struct SavedReport {
  Id id = 0;
  std::string name;
  std::string kind;
  std::string settings;
};

struct GroupMember {
  Id group_id = 0;
  Id document_id = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- Changes and the log ---
  // Runs `body` in one write transaction and logs it as `operation`; `body` returns
  // the event's one-line summary; `actor` names who made it. If `body` fails nothing is kept.
  // Errors: those of `body`; kBusy when another process holds the project longer than the busy
  // timeout.
  virtual Result<Event> change(std::string_view operation, std::string_view actor,
                               const std::function<Result<std::string>()>& body) = 0;
  // Reverts the newest change that can still be undone and logs that. Errors: kNotFound when
  // nothing can be undone; kConflict when the data no longer matches what the change left.
  virtual Result<Event> undo_last(std::string_view actor) = 0;
  // Runs `work`, which may make several changes (each still one event and one undo step, and each
  // rolled back alone when it fails), and makes them durable together with one commit: a server
  // answering many users at once syncs the disk once for all of them instead of once each. None
  // of those changes may be reported as saved before this returns. Errors: kBusy when another
  // program holds the project, kIo; on an error every change made inside is rolled back.
  virtual Status group_commit(const std::function<void()>& work) = 0;
  // The newest `limit` events, newest first.
  virtual Result<std::vector<Event>> events(std::int64_t limit) = 0;

  // --- Coders ---
  virtual Result<std::optional<Coder>> find_coder(std::string_view name) = 0;
  // A new GUID unless `guid` is given (one kept from an exchange file). Errors: kConflict when
  // the name or GUID is taken.
  virtual Result<Coder> insert_coder(std::string_view name, std::string_view guid) = 0;
  Result<Coder> insert_coder(std::string_view name) { return insert_coder(name, {}); }
  virtual Result<std::vector<Coder>> coders() = 0;

  // --- Documents ---
  // Errors: kConflict when the name is taken.
  virtual Result<Id> insert_document(const Document& document, std::string_view text) = 0;
  virtual Result<std::optional<Document>> find_document(std::string_view name) = 0;
  virtual Result<std::vector<Document>> documents() = 0;
  virtual Result<std::string> document_text(Id document_id) = 0;
  // The same text parsed for code-point access. Texts never change once imported, so this may
  // be cached: a workspace coding one long transcript after another does not parse it each time.
  // Errors: kNotFound for an unknown document.
  virtual Result<std::shared_ptr<const Text>> text_index(Id document_id) = 0;
  // Reads byte spans [first, second) of a document's text without loading the rest of it; spans
  // are clipped to the text. Errors: kNotFound for an unknown document.
  virtual Result<std::vector<std::string>> read_text_spans(
      Id document_id, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& spans) = 0;
  virtual Status rename_document(Id document_id, std::string_view name) = 0;
  // Pages of a paginated document: the code point where page 1, 2, ... starts (ascending).
  virtual Status insert_page_starts(Id document_id, const std::vector<std::uint64_t>& starts) = 0;
  // Empty for documents without pages.
  virtual Result<std::vector<std::uint64_t>> page_starts(Id document_id) = 0;
  // Deletes the document with its codings, memos, links and memberships.
  virtual Status delete_document(Id document_id) = 0;

  // --- Document groups ---
  virtual Result<DocumentGroup> insert_group(std::string_view name, std::string_view guid) = 0;
  Result<DocumentGroup> insert_group(std::string_view name) { return insert_group(name, {}); }
  virtual Result<std::vector<DocumentGroup>> groups() = 0;
  virtual Result<std::vector<GroupMember>> group_members() = 0;
  // Adding a member twice is a no-op; returns whether anything changed.
  virtual Result<bool> add_to_group(Id group_id, Id document_id) = 0;
  virtual Result<bool> remove_from_group(Id group_id, Id document_id) = 0;
  virtual Status delete_group(Id group_id) = 0;

  // --- Codebook ---
  virtual Result<std::vector<Code>> codes() = 0;
  // Sets of codes, by name, with their members. insert_code_set gives the set a new GUID when
  // `set.guid` is empty and adds its code_ids. Errors: kConflict for a name or GUID taken.
  virtual Result<std::vector<CodeSet>> code_sets() = 0;
  virtual Result<Id> insert_code_set(const CodeSet& set) = 0;
  // Adds codes to a set; codes already in it are skipped.
  virtual Status add_to_code_set(Id set_id, const std::vector<Id>& code_ids) = 0;
  // Errors: kConflict when a sibling has the same name.
  virtual Result<Id> insert_code(const Code& code) = 0;
  virtual Status update_code(const Code& code) = 0;
  virtual Status delete_code(Id code_id) = 0;

  // --- Codings ---
  // The store sets the byte offsets. Errors: kConflict for an exact duplicate (same document,
  // code, coder and range); kInvalidInput when the range lies outside the document.
  virtual Result<Id> insert_coding(const Coding& coding) = 0;
  // Inserts many at once; exact duplicates of existing codings are skipped. Returns how many
  // were inserted. Undo deletes them by id range, so a million cost no more to undo than one.
  // Errors: kInvalidInput when a range lies outside its document.
  virtual Result<std::int64_t> insert_codings(const std::vector<NewCoding>& codings) = 0;
  // A bulk of codings ahead, inside a change: when the project has no codings yet, the index of
  // codings by document is dropped until end_bulk_codings() (or the end of the change) builds it
  // again in one sort, which costs less than keeping it through a million inserts. Reading
  // codings by document is slower meanwhile. Does nothing when there are codings already.
  virtual Status begin_bulk_codings() = 0;
  virtual Status end_bulk_codings() = 0;
  // Before a change that fills a project without codings (an import): asks that the change be
  // written once, straight into the project file, instead of into the write-ahead log and from
  // there into the file again (for a large import, a second of copying after everything else is
  // done). It takes effect only when the project has no codings yet and this is its only
  // connection (readers elsewhere need the log); otherwise nothing changes. The next change ends
  // it, kept or rolled back, and leaves the log in use again. Errors: kInternal inside a change.
  virtual Status prepare_bulk_load() = 0;
  virtual Result<std::optional<Coding>> find_coding(Id coding_id) = 0;
  // The id of the coding with `guid` (lower case), if any.
  virtual Result<std::optional<Id>> find_coding_id(std::string_view guid) = 0;
  virtual Status update_coding(const Coding& coding) = 0;
  virtual Status delete_coding(Id coding_id) = 0;
  // Ordered by document, start, end, code, coder. Many codings of chosen codes may be read on
  // two connections at once (SqliteStore): should another program commit meanwhile, the two
  // halves of the documents can come from either side of its change, each whole.
  virtual Result<std::vector<Coding>> codings(const CodingFilter& filter) = 0;
  virtual Result<std::int64_t> count_codings(const CodingFilter& filter) = 0;
  // The same codings as codings(filter), reduced to their places, in no particular order.
  virtual Result<std::vector<CodingSpan>> coding_spans(const CodingFilter& filter) = 0;
  // coding_spans(filter) and every turn of the project, read together: the turns on a second,
  // read-only connection to the project file while this one reads the codings, so a report over
  // a million codings waits for the slower read only. Inside a change both are read here (the
  // other connection would not see the change).
  virtual Result<CodingsAndTurns> coding_spans_and_turns(const CodingFilter& filter) = 0;
  // Moves every coding of `from` to `to`; a coding that would duplicate one already on `to` is
  // dropped. Returns {moved, dropped}.
  virtual Result<std::pair<std::int64_t, std::int64_t>> move_codings(Id from, Id to) = 0;
  // With `skip_unanalysed_turns`, codings lying inside a turn of a case left out of analysis
  // (Case::analysed false) are not counted.
  virtual Result<std::vector<FrequencyCell>> frequencies(FrequencyAxis axis,
                                                         bool skip_unanalysed_turns) = 0;

  // --- Memos ---
  virtual Result<Id> insert_memo(const Memo& memo) = 0;
  virtual Result<std::vector<Memo>> memos() = 0;
  virtual Status delete_memo(Id memo_id) = 0;

  // --- Cases and variables ---
  virtual Result<Case> insert_case(std::string_view name, std::string_view guid) = 0;
  Result<Case> insert_case(std::string_view name) { return insert_case(name, {}); }
  virtual Result<std::vector<Case>> cases() = 0;
  // The case named `name` (ignoring ASCII case), if any.
  virtual Result<std::optional<Case>> find_case(std::string_view name) = 0;
  virtual Status delete_case(Id case_id) = 0;
  virtual Result<Variable> insert_variable(const Variable& variable) = 0;
  virtual Result<std::vector<Variable>> variables() = 0;
  // Sets (or replaces) a case's value of a variable.
  virtual Status set_case_value(const CaseValue& value) = 0;
  // Many at once (a survey's answers), each set or replaced as set_case_value does.
  virtual Status set_case_values(const std::vector<CaseValue>& values) = 0;
  virtual Status clear_case_value(Id case_id, Id variable_id) = 0;
  virtual Result<std::vector<CaseValue>> case_values() = 0;
  // Errors: kConflict when the same link exists.
  virtual Status insert_case_link(const CaseLink& link) = 0;
  // Many at once (a transcript's turns); links that exist already are skipped.
  virtual Status insert_case_links(const std::vector<CaseLink>& links) = 0;
  virtual Result<std::vector<CaseLink>> case_links() = 0;
  // Only the links of a case to a whole document (no range), by document: a transcript's
  // hundreds of turn links are not read.
  virtual Result<std::vector<CaseLink>> whole_document_links() = 0;

  // --- Transcripts ---
  // The case whose speaker key is `key`, if any.
  virtual Result<std::optional<Case>> find_speaker_case(std::string_view key) = 0;
  // Records that a case stands for the speaker with `key` (a case may have several keys).
  // Errors: kConflict when a case already has the key.
  virtual Status set_speaker_key(Id case_id, std::string_view key) = 0;
  // Merges case `from` into `to`: its speaker keys, document links, utterances and the values
  // `to` lacks move over, then `from` is deleted.
  virtual Status merge_cases(Id from, Id to) = 0;
  virtual Status rename_case(Id case_id, std::string_view name) = 0;
  virtual Status set_case_analysed(Id case_id, bool analysed) = 0;
  // Moves case `from`'s turns and document links in the given documents to case `to` (splitting
  // one label that stood for two people); speaker keys and values stay with `from`.
  virtual Status move_case_documents(Id from, Id to, const std::vector<Id>& document_ids) = 0;
  virtual Status insert_utterances(const std::vector<Utterance>& utterances) = 0;
  // Utterances of the given documents (all when empty), by document then position.
  virtual Result<std::vector<Utterance>> utterances(const std::vector<Id>& document_ids) = 0;

  // --- What exchange files held that a project cannot represent (graphs, regions, media) ---
  virtual Status insert_kept_aside(const std::vector<KeptAside>& items) = 0;
  virtual Result<std::vector<KeptAside>> kept_aside() = 0;

  // --- Assignments ---
  // Assigning twice is a no-op; both return whether anything changed.
  virtual Result<bool> assign(Id coder_id, Id document_id) = 0;
  virtual Result<bool> unassign(Id coder_id, Id document_id) = 0;
  // By coder, then document.
  virtual Result<std::vector<Assignment>> assignments() = 0;

  // --- Saved report settings ---
  // Saves under `report.name`, replacing what was saved under that name.
  virtual Status save_report(const SavedReport& report) = 0;
  // By name.
  virtual Result<std::vector<SavedReport>> saved_reports() = 0;
  // Whether there was a report of that name.
  virtual Result<bool> delete_saved_report(const std::string& name) = 0;

  // --- Agreement history and reconciliation ---
  // Recorded inside a change, but kept when that change is undone (the history of figures).
  virtual Result<Id> insert_agreement_run(const AgreementRun& run) = 0;
  // Oldest first.
  virtual Result<std::vector<AgreementRun>> agreement_runs() = 0;
  virtual Result<Id> insert_decision(const ReconciliationDecision& decision) = 0;
  // Oldest first.
  virtual Result<std::vector<ReconciliationDecision>> decisions() = 0;

  // --- Pseudonymisation ---
  // Inside a change: replaces a document's text with `text`, the old one passed through `map`
  // (apply_edits), and moves every position into it through the map (codings, with their byte
  // offsets, turns, pages, case links, reconciliation decisions); its digest and length follow,
  // and so does the search index. Errors: kNotFound for an unknown document.
  virtual Status replace_document_text(Id document_id, const Text& text, const EditMap& map) = 0;
  // Inside a change: passes every free text of the project outside the documents' texts through
  // `rewrite` (which gives the new text, or nothing to keep it): the names of documents, groups
  // and cases, case descriptions and values, speaker labels and keys, memos, coding comments, the
  // log's summaries (append-only but for this), agreement reports, reconciliation notes, saved
  // report settings and what exchange files held. Errors: kConflict when two names become one.
  virtual Status rewrite_free_texts(
      const std::function<std::optional<std::string>(std::string_view)>& rewrite) = 0;
  // Passes each of those free texts, and the codebook's, to `visit` with where it is
  // ("memos.text (id 3)").
  virtual Status visit_free_texts(
      const std::function<void(std::string_view where, std::string_view text)>& visit) = 0;
  // Inside a change: drops everything undo keeps, which holds old row values; neither the running
  // change nor any before it can be undone afterwards.
  virtual Status forget_undo_history() = 0;
  // Outside a change: rebuilds the search index and rewrites the project file, so that nothing
  // deleted or replaced is left in its free pages, its index or its write-ahead log.
  virtual Status compact() = 0;
  // Inside a change: records what it replaced, under its event.
  virtual Status insert_pseudonymisation_records(
      const std::vector<PseudonymisationRecord>& records) = 0;
  // Oldest first, then by document, category and pseudonym.
  virtual Result<std::vector<PseudonymisationRecord>> pseudonymisation_records() = 0;
  // The project's GUID, which ties a key file to it.
  virtual Result<std::string> project_guid() = 0;
  // Inside a change: records decisions of a review, each replacing any decision on the same
  // span of the same document.
  virtual Status record_pseudonymisation_decisions(
      const std::vector<PseudonymisationDecision>& decisions) = 0;
  // By document, then position.
  virtual Result<std::vector<PseudonymisationDecision>> pseudonymisation_decisions() = 0;
  // Inside a change: forgets these decisions; returns how many there were.
  virtual Result<std::int64_t> forget_pseudonymisation_decisions(const std::vector<Id>& ids) = 0;
  // Inside a change: forgets every decision on a document; returns how many there were.
  virtual Result<std::int64_t> forget_document_decisions(Id document_id) = 0;
  // Inside a change: sets (or with an empty pseudonym, forgets) the pseudonym chosen for an
  // entity.
  virtual Status choose_pseudonym(const PseudonymChoice& choice) = 0;
  // By entity.
  virtual Result<std::vector<PseudonymChoice>> pseudonym_choices() = 0;
  // Inside a change: forgets the whole review, decisions and chosen pseudonyms (once applied).
  virtual Status forget_pseudonymisation_review() = 0;

  // --- Search ---
  // Runs an FTS5 query (words, "phrases", prefix*, AND/OR/NOT, NEAR) and passes each matching
  // document to `visit`, in document order, until `visit` returns false. Match spans are worked
  // out only for the documents visited. Errors: kInvalidInput for a malformed query.
  virtual Status search(std::string_view query,
                        const std::function<bool(const SearchHit&)>& visit) = 0;
};

}  // namespace thematica
