#pragma once
// REFI-QDA projects (the project.qde inside a .qdpx, QDA-XML project 1.0) as plain values, and
// their XML. The model holds what Thematica can represent; every other element (graphs, picture,
// PDF and media regions, and anything this reader does not know) is kept aside as its own XML, so
// an import can report it and an export can write it back.
//
// Positions in selections and sync points are kept exactly as the file wrote them: which unit
// they count (code points or UTF-16 units, a CRLF as one or two) is decided per source by the
// importer, which sees the text (see offset_counting.hpp).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "interop/qdc.hpp"

namespace thematica {

struct QdeUser {
  std::string guid;  // lower case, without braces (every GUID in this model)
  std::string name;  // may be empty: the schema makes it optional
};

struct QdeVariable {
  std::string guid;
  std::string name;
  std::string type;  // as written: Text, Boolean, Integer, Float, Date, DateTime
  std::string description;
};

struct QdeValue {
  std::string variable_guid;
  std::string type;  // the value element without "Value": Text, Boolean, Integer, ...
  std::string value;
};

struct QdeCoding {
  std::string guid;
  std::string code_guid;
  std::string user_guid;   // creatingUser, or empty
  std::string created_at;  // creationDateTime, normalised (normalise_datetime), or empty
  std::size_t line = 0;
};

// A PlainTextSelection, or a TranscriptSelection (then `from_sync`/`to_sync` name sync points
// and start/end are unset until the importer resolves them).
struct QdeSelection {
  std::string guid;
  std::optional<std::string> name;  // absent and "" differ: "" says nothing about the text
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string from_sync;
  std::string to_sync;
  std::string user_guid;
  std::string created_at;
  std::string description;
  std::vector<QdeCoding> codings;
  std::size_t line = 0;
};

struct QdeSyncPoint {
  std::string guid;
  std::int64_t time_ms = 0;
  std::uint64_t position = 0;
};

enum class QdeSourceKind { kText, kPdf, kTranscript };

// Something with text: a TextSource, the Representation of a PDFSource, or a Transcript of an
// audio or video source. A PDF's or media file's own path is kept in `media_path`.
struct QdeTextSource {
  QdeSourceKind kind = QdeSourceKind::kText;
  std::string guid;  // of the TextSource, PDFSource or Transcript
  std::string name;
  std::string plain_path;  // plainTextPath (of the Representation for a PDF), or empty
  std::string rich_path;
  std::optional<std::string> inline_text;  // PlainTextContent
  std::string media_path;                  // a PDFSource's or media source's path
  std::string media_name;                  // the audio or video source's name
  std::string user_guid;
  std::string created_at;
  std::string description;
  std::vector<QdeSelection> selections;
  std::vector<QdeCoding> codings;  // whole-source codings
  std::vector<QdeValue> values;
  std::vector<QdeSyncPoint> sync_points;
  std::size_t line = 0;
};

struct QdeCase {
  std::string guid;
  std::string name;  // empty for MAXQDA's nameless cases that carry document variables
  std::string description;
  std::vector<std::string> code_refs;
  std::vector<QdeValue> values;
  std::vector<std::string> source_refs;
  std::vector<std::string> selection_refs;
  std::size_t line = 0;
};

struct QdeNote {
  std::string guid;
  std::string name;
  std::string plain_path;
  std::optional<std::string> inline_text;
  std::string user_guid;
  std::string created_at;
  std::string description;
  std::size_t line = 0;
};

struct QdeLink {
  std::string guid;
  std::string name;
  std::string direction;
  std::string colour;
  std::string origin_guid;
  std::string target_guid;
  std::size_t line = 0;
};

struct QdeSet {
  std::string guid;
  std::string name;
  std::string description;
  std::vector<std::string> member_codes;
  std::vector<std::string> member_sources;
  std::vector<std::string> member_notes;
  std::size_t line = 0;
};

// A NoteRef: the note `note_guid` is attached to the element `target_guid` (a code, source,
// selection, coding, case, ...; empty for the project itself).
struct QdeNoteRef {
  std::string target_guid;
  std::string note_guid;
  std::size_t line = 0;
};

// An element Thematica cannot represent, as the file wrote it (re-serialised, namespace-free).
// Links are also kept this way (besides being read, to anchor notes), so that an export writes
// back every Link and Graph it was given.
struct QdeKeptAside {
  std::string element;  // its name: Graph, PictureSource, PDFSelection, VideoSelection, ...
  std::string guid;     // its own GUID, when it has one
  std::string name;
  std::string owner_guid;  // the source it belongs to, for regions inside a source
  std::string xml;
  std::size_t line = 0;
};

struct QdeProject {
  std::string name;
  std::string origin;
  std::string base_path;
  std::string creating_user;
  std::string created_at;
  std::string description;
  std::vector<QdeUser> users;
  std::vector<QdcCode> codes;
  std::vector<QdeVariable> variables;
  std::vector<QdeCase> cases;
  std::vector<QdeTextSource> sources;
  std::vector<QdeNote> notes;
  std::vector<QdeLink> links;
  std::vector<QdeSet> sets;
  std::vector<QdeNoteRef> note_refs;
  std::vector<QdeKeptAside> kept_aside;
};

// Reads a project.qde. Lenient where real exporters differ from the schema: any
// urn:QDA-XML:project:* namespace or none, GUIDs in braces or either case, #RGB and #AARRGGBB
// colours, missing optional attributes. Errors (kInvalidInput, naming the element and its line):
// malformed XML; a DOCTYPE (refused: entities are never expanded or fetched); a root other than
// Project or another namespace; an element without the GUID it needs or with an invalid one; a
// position that is not a whole number or a selection that ends before it starts.
Result<QdeProject> parse_qde(std::string_view xml);

// The same, reading the XML in pieces (`next_chunk` returns an empty view at the end) and handing
// each source to `sink` as soon as it is read, with the project as read so far (the schema puts
// users, codebook, variables and cases before the sources), so a large project is never held
// whole: the returned project's `sources` stay empty. An error from either stops the reading.
using QdeChunks = std::function<Result<std::string_view>()>;
using QdeSourceSink = std::function<Status(const QdeProject& read_so_far, QdeTextSource&&)>;
Result<QdeProject> parse_qde(const QdeChunks& next_chunk, const QdeSourceSink& sink);

// The project as a project.qde valid against Project-mrt2019.xsd: elements in schema order, no
// empty lists, UTF-8 without a byte-order mark. Kept-aside elements are written back where the
// schema puts them.
std::string write_qde(const QdeProject& project);

// The same, one source at a time, so a large project is never held whole: `project` gives
// everything but the sources (and must outlive the writer); source() adds each; finish() returns
// the document, or what take() has not yet handed over.
class QdeWriter {
 public:
  explicit QdeWriter(const QdeProject& project);
  ~QdeWriter();
  void source(const QdeTextSource& source);
  // The document written so far, handed over to be stored (it is not kept).
  std::string take();
  std::string finish();

 private:
  class Writer;
  std::string out_;
  std::unique_ptr<Writer> writer_;
};

}  // namespace thematica
