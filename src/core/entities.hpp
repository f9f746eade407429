#pragma once
// The vocabulary of a project as plain values. Every entity has an internal integer id (local to
// one project file) and a GUID (stable across projects). Timestamps are ISO 8601 UTC strings.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/range.hpp"
#include "core/variable.hpp"

namespace thematica {

using Id = std::int64_t;

// A document's metadata; its canonical text is loaded separately, because it can be large.
struct Document {
  Id id = 0;
  std::string guid;
  std::string name;           // unique in the project; by default the file name without extension
  std::string kind;           // "text" for now; later importers add "transcript" and others
  std::string original_name;  // the file name it was imported from
  std::string imported_at;
  std::string sha256;        // of the canonical text
  std::uint64_t length = 0;  // in code points
  std::uint64_t byte_size = 0;
};

// What a code means, as a codebook states it.
struct CodeDescription {
  std::string definition;
  std::string when_to_use;
  std::string when_not_to_use;
  std::string example;
  bool operator==(const CodeDescription&) const = default;
};

struct Code {
  Id id = 0;
  std::string guid;
  std::optional<Id> parent_id;  // empty for a top-level code
  std::string name;             // unique among its siblings
  std::string colour;           // "#rrggbb"
  CodeDescription description;
};

// A named selection of codes from anywhere in the tree (REFI-QDA's code sets).
struct CodeSet {
  Id id = 0;
  std::string guid;
  std::string name;
  std::string description;
  std::vector<Id> code_ids;  // members, oldest code first
};

struct Coder {
  Id id = 0;
  std::string guid;
  std::string name;
};

// A coded segment: one coder's judgement that `range` of a document expresses a code.
struct Coding {
  Id id = 0;
  std::string guid;
  Id document_id = 0;
  Id code_id = 0;
  Id coder_id = 0;
  Range range;
  std::string comment;
  bool important = false;
  std::string created_at;
  // A representative quote for its code: theme tables take these first (report/quote_choice.hpp).
  bool representative = false;
  // Where `range` lies in the UTF-8 bytes of the text. Set by the store, which works it out from
  // the immutable text, so a segment can be read without loading the whole transcript.
  std::uint64_t byte_start = 0;
  std::uint64_t byte_end = 0;
};

// A coding to insert in bulk: just what the store needs (the rest is defaulted; an empty GUID or
// time is made new).
struct NewCoding {
  Id document_id = 0;
  Id code_id = 0;
  Id coder_id = 0;
  Range range;
  std::string guid;
  std::string comment;
  std::string created_at;
};

// An element of an exchange file that a project cannot represent (a graph, a region of a picture
// or PDF page, a media file), kept as the file wrote it so it can be reported and written back.
struct KeptAside {
  Id id = 0;
  std::string element;  // its XML element: Graph, PictureSource, PDFSelection, Link, ...
  std::string guid;     // its own GUID, when it has one
  std::string name;
  std::string owner_guid;  // the source it belongs to, for a region inside a source
  std::string xml;
};

// How often one pseudonymisation replaced what stands for one pseudonym in one document: the
// audit, which never holds an original.
struct PseudonymisationRecord {
  Id event_id = 0;
  std::string time;   // of the event; read only
  std::string actor;  // read only
  std::string document;
  std::string category;
  std::string pseudonym;
  std::int64_t replaced = 0;
};

// What a researcher decided about one span a pseudonymisation would replace: a detector's
// suggestion accepted or rejected, or a span the detectors missed, added.
struct PseudonymisationDecision {
  Id id = 0;
  Id document_id = 0;
  Range range;              // code points
  std::string category;     // identifier category name: person, place, ...
  std::string decision;     // "accept", "reject" or "add"
  std::string text_sha256;  // of the document's text the decision was made on
};

// A pseudonym chosen for an entity instead of the one the project would give it.
struct PseudonymChoice {
  std::string entity;  // "case:<guid>" or "<category>:<folded name>" (see PseudonymBook)
  std::string pseudonym;
};

// Agreement figures as computed at one time (`thematica agree`), kept as history.
struct AgreementRun {
  Id id = 0;
  std::string time;
  std::string actor;
  std::string unit;  // document, segment, turn, character
  std::vector<std::string> coders;
  std::int64_t documents = 0;
  std::int64_t codes = 0;
  std::optional<double> pooled;  // empty when undefined
  std::string report;            // the result as JSON
};

// The team's decision on one disagreement: a passage of a document where the compared coders
// did not all apply a code.
struct ReconciliationDecision {
  Id id = 0;
  std::string time;
  std::string actor;
  Id document_id = 0;
  Id code_id = 0;
  Range passage;
  std::vector<std::string> coders;  // compared
  Id consensus_coder_id = 0;
  std::string kind;      // missing, other-code, boundaries
  std::string decision;  // take, both, adjust, discard
  std::string taken;     // take: whose version
  std::string memo;      // the reason given
};

enum class MemoTarget { kProject, kDocument, kCode, kCoding };

struct Memo {
  Id id = 0;
  std::string guid;
  MemoTarget target = MemoTarget::kProject;
  std::optional<Id> target_id;  // empty for a project memo
  Id coder_id = 0;
  std::string text;
  std::string created_at;
};

// A case is a unit of analysis, usually a participant; documents and text ranges belong to it.
struct Case {
  Id id = 0;
  std::string guid;
  std::string name;
  std::string description;
  // False for speakers left out of analysis (an interviewer): codings inside their turns are not
  // retrieved or counted unless asked for.
  bool analysed = true;
};

// One speaker turn of a transcript.
struct Utterance {
  Id id = 0;
  Id document_id = 0;
  int position = 0;           // turn number in the document, from 0
  std::optional<Id> case_id;  // the speaker's case, when the speaker is known
  std::string speaker_label;  // as the file wrote it
  std::optional<std::int64_t> start_ms;
  std::optional<std::int64_t> end_ms;
  Range range;  // code points of the turn in the canonical text
};

struct CaseValue {
  Id case_id = 0;
  Id variable_id = 0;
  std::string value;  // canonical form for the variable's type (see variable.hpp)
};

// A case's claim on a whole document (no range) or on a span of it.
struct CaseLink {
  Id case_id = 0;
  Id document_id = 0;
  std::optional<Range> range;
};

struct DocumentGroup {
  Id id = 0;
  std::string guid;
  std::string name;
};

// One entry of the append-only log: one committed change.
struct Event {
  Id id = 0;
  std::string time;
  std::string coder;      // who made the change; empty for project-level housekeeping
  std::string operation;  // e.g. "code.apply"
  std::string summary;    // one human-readable line
  bool undoable = false;  // its inverse is still kept and it has not been undone
  std::optional<Id> undoes;
};

const char* memo_target_name(MemoTarget target);

}  // namespace thematica
