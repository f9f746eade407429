// Reads project.qde with expat, as a stream: a project with a million codings is read without a
// document tree, and every element's line is known for messages.

#include <expat.h>

#include <charconv>
#include <cstring>
#include <memory>

#include "interop/qda_xml.hpp"
#include "interop/qde.hpp"

namespace thematica {
namespace {

constexpr std::string_view kNamespacePrefix = "urn:QDA-XML:project:";

// Where the reader is: the element whose children are being read.
enum class Context {
  kDocument,
  kProject,
  kUsers,
  kCodeBook,
  kCodes,
  kCode,
  kVariables,
  kVariable,
  kCases,
  kCase,
  kValue,
  kSources,
  kTextBearing,
  kPdfSource,
  kMediaSource,
  kSelection,
  kCoding,
  kNotes,
  kNote,
  kLinks,
  kSets,
  kSet,
  kGraphs,
  kLeaf
};

struct Frame {
  Context context;
  std::string guid;          // the element's own GUID: what a NoteRef inside it attaches to
  bool ends_source = false;  // closing it completes a source, which goes to the sink
};

class Attributes {
 public:
  explicit Attributes(const XML_Char** pairs) : pairs_(pairs) {}
  std::string_view operator[](std::string_view name) const {
    for (const XML_Char** p = pairs_; *p != nullptr; p += 2) {
      if (named(*p, name)) return p[1];
    }
    return {};
  }
  bool has(std::string_view name) const {
    for (const XML_Char** p = pairs_; *p != nullptr; p += 2) {
      if (named(*p, name)) return true;
    }
    return false;
  }
  const XML_Char** pairs() const { return pairs_; }

 private:
  // Compared in place: measuring each attribute's name first (a string_view of it) took a tenth
  // of the reading of a million selections.
  static bool named(const XML_Char* attribute, std::string_view name) {
    return std::strncmp(attribute, name.data(), name.size()) == 0 && attribute[name.size()] == '\0';
  }

  const XML_Char** pairs_;
};

// The whole of `text` as a number; nullopt for anything else (empty, signs where not allowed,
// trailing characters, out of range).
template <class Number>
std::optional<Number> whole_number(std::string_view text) {
  Number value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string_view local_of(std::string_view qualified) {
  auto space = qualified.rfind(' ');
  return space == std::string_view::npos ? qualified : qualified.substr(space + 1);
}

class Builder {
 public:
  Builder(XML_Parser parser, const QdeSourceSink& sink) : parser_(parser), sink_(sink) {}

  QdeProject project;
  std::optional<Error> error;

  void start(std::string_view qualified, const XML_Char** pairs) {
    if (error) return;
    std::string_view local = local_of(qualified);
    Attributes attributes(pairs);
    if (keep_depth_ > 0) {
      serialise_start(local, attributes);
      ++keep_depth_;
      return;
    }
    line_ = XML_GetCurrentLineNumber(parser_);
    Context parent = stack_.empty() ? Context::kDocument : stack_.back().context;
    if (!dispatch(parent, qualified, local, attributes) && !error) {
      keep_aside(local, attributes);
    }
  }

  void end(std::string_view qualified) {
    if (error) return;
    if (keep_depth_ > 0) {
      kept_.xml += "</";
      kept_.xml += local_of(qualified);
      kept_.xml += '>';
      if (--keep_depth_ == 0) project.kept_aside.push_back(std::move(kept_));
      return;
    }
    capture_ = nullptr;
    if (stack_.empty()) return;
    if (stack_.back().context == Context::kCode) codes_.pop_back();
    // The schema requires a coding's code; one without it could not be stored or written back.
    if (stack_.back().context == Context::kCoding && coding_ != nullptr &&
        coding_->code_guid.empty()) {
      return fail_at(coding_->line, "has no <CodeRef>: every coding must name its code",
                     "<Coding>");
    }
    bool ends_source = stack_.back().ends_source;
    stack_.pop_back();
    if (ends_source && sink_) {
      QdeTextSource source = std::move(project.sources.back());
      project.sources.pop_back();
      auto taken = sink_(project, std::move(source));
      if (!taken) {
        error = taken.error();
        XML_StopParser(parser_, XML_FALSE);
      }
    }
  }

  void characters(std::string_view text) {
    if (error) return;
    if (keep_depth_ > 0) {
      append_escaped(kept_.xml, text, false);
    } else if (capture_ != nullptr) {
      capture_->append(text);
    }
  }

  void refuse_doctype() {
    fail_here("declares a DOCTYPE; REFI-QDA files have none, and it is refused rather than read",
              "<!DOCTYPE>");
  }

 private:
  void fail_here(const std::string& what, std::string_view element) {
    fail_at(XML_GetCurrentLineNumber(parser_), what, element);
  }

  void fail_at(std::size_t line, const std::string& what, std::string_view element) {
    if (error) return;
    error = Error{ErrorKind::kInvalidInput, fmt::format("line {}: {} {}", line, element, what), {}};
    XML_StopParser(parser_, XML_FALSE);
  }

  void refuse(std::string_view local, const std::string& what) {
    fail_here(what, fmt::format("<{}>", local));
  }

  std::optional<std::string> guid(std::string_view local, const Attributes& a,
                                  std::string_view attribute = "guid") {
    if (auto g = normalise_guid(a[attribute])) return g;
    if (a.has(attribute)) {
      refuse(local, fmt::format("has an invalid {} '{}' (a GUID is 8-4-4-4-12 hex digits)",
                                attribute, a[attribute]));
    } else {
      refuse(local, fmt::format("has no {}", attribute));
    }
    return std::nullopt;
  }

  std::optional<std::uint64_t> position(std::string_view local, const Attributes& a,
                                        std::string_view attribute) {
    auto value = whole_number<std::uint64_t>(a[attribute]);
    if (!value) {
      refuse(local,
             fmt::format("has {}=\"{}\", which is not a whole number", attribute, a[attribute]));
    }
    return value;
  }

  static std::string date(const Attributes& a, std::string_view attribute) {
    return normalise_datetime(a[attribute]).value_or("");
  }

  // The user who made an element: a GUID, or empty when the attribute is missing or malformed
  // (an unknown author is not a reason to refuse the element).
  static std::string user(const Attributes& a, std::string_view attribute = "creatingUser") {
    return normalise_guid(a[attribute]).value_or("");
  }

  void push(Context context, std::string guid = {}, bool ends_source = false) {
    stack_.push_back(Frame{context, std::move(guid), ends_source});
  }
  void capture(std::string& target) {
    target.clear();
    capture_ = &target;
    push(Context::kLeaf);
  }
  const std::string& owner() const {
    static const std::string none;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (!it->guid.empty()) return it->guid;
    }
    return none;
  }

  void serialise_start(std::string_view local, const Attributes& a) {
    kept_.xml += '<';
    kept_.xml += local;
    for (const XML_Char** p = a.pairs(); *p != nullptr; p += 2) {
      kept_.xml += ' ';
      kept_.xml += local_of(p[0]);
      kept_.xml += "=\"";
      append_escaped(kept_.xml, p[1], true);
      kept_.xml += '"';
    }
    kept_.xml += '>';
  }

  void keep_aside(std::string_view local, const Attributes& a) {
    kept_ = QdeKeptAside{std::string(local),
                         normalise_guid(a["guid"]).value_or(""),
                         std::string(a["name"]),
                         owner(),
                         {},
                         line_};
    serialise_start(local, a);
    keep_depth_ = 1;
  }

  void note_ref(std::string_view local, const Attributes& a) {
    auto note = guid(local, a, "targetGUID");
    if (!note) return;
    project.note_refs.push_back(QdeNoteRef{owner(), *note, line_});
    push(Context::kLeaf);
  }

  bool dispatch(Context parent, std::string_view qualified, std::string_view local,
                const Attributes& a) {
    switch (parent) {
      case Context::kDocument:
        return read_root(qualified, local, a);
      case Context::kProject:
        return read_project_child(local, a);
      case Context::kUsers:
        return local == "User" && read_user(local, a);
      case Context::kCodeBook:
        return local == "Codes" && (push(Context::kCodes), true);
      case Context::kCodes:
      case Context::kCode:
        return read_code_child(parent, local, a);
      case Context::kVariables:
        return local == "Variable" && read_variable(local, a);
      case Context::kVariable:
        return local == "Description" && (capture(project.variables.back().description), true);
      case Context::kCases:
        return local == "Case" && read_case(local, a);
      case Context::kCase:
        return read_case_child(local, a);
      case Context::kValue:
        return read_value_child(local, a);
      case Context::kSources:
        return read_source(local, a);
      case Context::kPdfSource:
        return read_pdf_child(local, a);
      case Context::kMediaSource:
        return read_media_child(local, a);
      case Context::kTextBearing:
        return read_text_child(local, a);
      case Context::kSelection:
        return read_selection_child(local, a);
      case Context::kCoding:
        return read_coding_child(local, a);
      case Context::kNotes:
        return local == "Note" && read_note(local, a);
      case Context::kNote:
        return read_note_child(local, a);
      case Context::kLinks:
        return local == "Link" && read_link(local, a);
      case Context::kSets:
        return local == "Set" && read_set(local, a);
      case Context::kSet:
        return read_set_child(local, a);
      case Context::kGraphs:
      case Context::kLeaf:
        return false;
    }
    return false;
  }

  bool read_root(std::string_view qualified, std::string_view local, const Attributes& a) {
    if (local != "Project") {
      refuse(local, "is not a REFI-QDA project (its root must be <Project>)");
      return true;
    }
    auto space = qualified.rfind(' ');
    if (space != std::string_view::npos && !qualified.starts_with(kNamespacePrefix)) {
      refuse(local, fmt::format("has the namespace '{}', not urn:QDA-XML:project:1.0",
                                qualified.substr(0, space)));
      return true;
    }
    project.name = a["name"];
    project.origin = a["origin"];
    project.base_path = a["basePath"];
    project.creating_user = user(a, "creatingUserGUID");
    project.created_at = date(a, "creationDateTime");
    push(Context::kProject);
    return true;
  }

  bool read_project_child(std::string_view local, const Attributes& a) {
    static constexpr std::pair<std::string_view, Context> kSections[] = {
        {"Users", Context::kUsers},         {"CodeBook", Context::kCodeBook},
        {"Variables", Context::kVariables}, {"Cases", Context::kCases},
        {"Sources", Context::kSources},     {"Notes", Context::kNotes},
        {"Links", Context::kLinks},         {"Sets", Context::kSets},
        {"Graphs", Context::kGraphs}};
    for (const auto& [name, context] : kSections) {
      if (local == name) {
        push(context);
        return true;
      }
    }
    if (local == "Description") return capture(project.description), true;
    if (local == "NoteRef") return note_ref(local, a), true;
    return false;
  }

  bool read_user(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    project.users.push_back(QdeUser{*g, std::string(a["name"])});
    push(Context::kLeaf);
    return true;
  }

  bool read_code_child(Context parent, std::string_view local, const Attributes& a) {
    if (parent == Context::kCode && local == "Description") {
      capture(codes_.back()->description);
      return true;
    }
    if (parent == Context::kCode && local == "NoteRef") return note_ref(local, a), true;
    if (local != "Code") return false;
    auto g = guid(local, a);
    if (!g) return true;
    QdcCode code{*g, std::string(a["name"]),    normalise_colour(a["color"]),
                 {}, a["isCodable"] != "false", {}};
    if (code.name.empty()) {
      refuse(local, "has no name");
      return true;
    }
    auto& siblings = codes_.empty() ? project.codes : codes_.back()->children;
    siblings.push_back(std::move(code));
    codes_.push_back(&siblings.back());
    push(Context::kCode, *g);
    return true;
  }

  bool read_variable(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    project.variables.push_back(
        QdeVariable{*g, std::string(a["name"]), std::string(a["typeOfVariable"]), {}});
    push(Context::kVariable, *g);
    return true;
  }

  bool read_case(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    QdeCase c;
    c.guid = *g;
    c.name = a["name"];
    c.line = line_;
    project.cases.push_back(std::move(c));
    push(Context::kCase, *g);
    return true;
  }

  // CodeRef, SourceRef and SelectionRef: a reference by targetGUID.
  bool read_reference(std::string_view local, const Attributes& a, std::vector<std::string>& to) {
    auto target = guid(local, a, "targetGUID");
    if (!target) return true;
    to.push_back(*target);
    push(Context::kLeaf);
    return true;
  }

  bool read_case_child(std::string_view local, const Attributes& a) {
    auto& c = project.cases.back();
    if (local == "Description") return capture(c.description), true;
    if (local == "CodeRef") return read_reference(local, a, c.code_refs);
    if (local == "SourceRef") return read_reference(local, a, c.source_refs);
    if (local == "SelectionRef") return read_reference(local, a, c.selection_refs);
    if (local == "VariableValue") return start_value(c.values), true;
    return false;
  }

  void start_value(std::vector<QdeValue>& values) {
    values.emplace_back();
    value_ = &values.back();
    push(Context::kValue);
  }

  bool read_value_child(std::string_view local, const Attributes& a) {
    if (local == "VariableRef") {
      auto target = guid(local, a, "targetGUID");
      if (!target) return true;
      value_->variable_guid = *target;
      push(Context::kLeaf);
      return true;
    }
    if (local.size() > 5 && local.ends_with("Value")) {
      value_->type = local.substr(0, local.size() - 5);
      capture(value_->value);
      return true;
    }
    return false;
  }

  QdeTextSource& new_source(QdeSourceKind kind, const std::string& g, const Attributes& a) {
    QdeTextSource s;
    s.kind = kind;
    s.guid = g;
    s.name = a["name"];
    s.plain_path = a["plainTextPath"];
    s.rich_path = a["richTextPath"];
    s.user_guid = user(a);
    s.created_at = date(a, "creationDateTime");
    s.line = line_;
    project.sources.push_back(std::move(s));
    return project.sources.back();
  }

  bool read_source(std::string_view local, const Attributes& a) {
    if (local == "TextSource") {
      auto g = guid(local, a);
      if (g) push(Context::kTextBearing, new_source(QdeSourceKind::kText, *g, a).guid, true);
      return true;
    }
    if (local == "PDFSource") {
      auto g = guid(local, a);
      if (!g) return true;
      auto& s = new_source(QdeSourceKind::kPdf, *g, a);
      s.media_path = a["path"];
      push(Context::kPdfSource, *g, true);
      return true;
    }
    if (local == "AudioSource" || local == "VideoSource") {
      auto g = guid(local, a);
      if (!g) return true;
      // The media file itself is kept aside (as an empty element); its transcripts are read.
      keep_aside(local, a);
      kept_.xml += "</" + std::string(local) + '>';
      keep_depth_ = 0;
      project.kept_aside.push_back(std::move(kept_));
      media_ = MediaSource{*g, std::string(a["name"]), std::string(a["path"])};
      push(Context::kMediaSource, *g);
      return true;
    }
    return false;  // PictureSource and anything else: kept aside whole
  }

  bool read_pdf_child(std::string_view local, const Attributes& a) {
    auto& s = project.sources.back();
    if (local == "Representation") {
      s.plain_path = a["plainTextPath"];
      s.rich_path = a["richTextPath"];
      push(Context::kTextBearing, s.guid);
      return true;
    }
    if (local == "PDFSelection") return false;  // a region of a page: kept aside
    return read_text_child(local, a);
  }

  bool read_media_child(std::string_view local, const Attributes& a) {
    if (local != "Transcript") return false;  // Audio/VideoSelection, Description: kept aside
    auto g = guid(local, a);
    if (!g) return true;
    auto& s = new_source(QdeSourceKind::kTranscript, *g, a);
    s.media_name = media_.name;
    s.media_path = media_.path;
    if (s.name.empty()) s.name = media_.name;
    push(Context::kTextBearing, *g, true);
    return true;
  }

  bool read_text_child(std::string_view local, const Attributes& a) {
    auto& s = project.sources.back();
    if (local == "Description") return capture(s.description), true;
    if (local == "PlainTextContent") {
      s.inline_text.emplace();
      capture(*s.inline_text);
      return true;
    }
    if (local == "PlainTextSelection" || local == "TranscriptSelection") {
      return read_selection(local, a, s.selections), true;
    }
    if (local == "SyncPoint") return read_sync_point(local, a, s.sync_points), true;
    if (local == "Coding") return read_coding(local, a, s.codings), true;
    if (local == "NoteRef") return note_ref(local, a), true;
    if (local == "VariableValue") return start_value(s.values), true;
    return false;
  }

  void read_selection(std::string_view local, const Attributes& a,
                      std::vector<QdeSelection>& selections) {
    auto g = guid(local, a);
    if (!g) return;
    QdeSelection sel;
    sel.guid = std::move(*g);
    if (a.has("name")) sel.name = std::string(a["name"]);
    sel.user_guid = user(a);
    sel.created_at = date(a, "creationDateTime");
    sel.line = line_;
    if (local == "TranscriptSelection") {
      auto from = guid(local, a, "fromSyncPoint");
      auto to = from ? guid(local, a, "toSyncPoint") : std::nullopt;
      if (!to) return;
      sel.from_sync = *from;
      sel.to_sync = *to;
    } else {
      auto start = position(local, a, "startPosition");
      auto end = start ? position(local, a, "endPosition") : std::nullopt;
      if (!end) return;
      if (*end < *start) {
        refuse(local, fmt::format("ends (endPosition=\"{}\") before it starts "
                                  "(startPosition=\"{}\")",
                                  *end, *start));
        return;
      }
      sel.start = *start;
      sel.end = *end;
    }
    selections.push_back(std::move(sel));
    push(Context::kSelection, selections.back().guid);
  }

  void read_sync_point(std::string_view local, const Attributes& a,
                       std::vector<QdeSyncPoint>& points) {
    auto g = guid(local, a);
    auto at = g ? position(local, a, "position") : std::nullopt;
    if (!at) return;
    auto time = whole_number<std::int64_t>(a["timeStamp"]);
    if (!time) {
      refuse(local, fmt::format("has timeStamp=\"{}\", which is not a whole number of "
                                "milliseconds",
                                a["timeStamp"]));
      return;
    }
    points.push_back(QdeSyncPoint{*g, *time, *at});
    push(Context::kLeaf);
  }

  bool read_selection_child(std::string_view local, const Attributes& a) {
    auto& sel = project.sources.back().selections.back();
    if (local == "Description") return capture(sel.description), true;
    if (local == "Coding") return read_coding(local, a, sel.codings), true;
    if (local == "NoteRef") return note_ref(local, a), true;
    return false;
  }

  void read_coding(std::string_view local, const Attributes& a, std::vector<QdeCoding>& to) {
    auto g = guid(local, a);
    if (!g) return;
    to.push_back(QdeCoding{std::move(*g), {}, user(a), date(a, "creationDateTime"), line_});
    coding_ = &to.back();
    push(Context::kCoding, coding_->guid);
  }

  bool read_coding_child(std::string_view local, const Attributes& a) {
    if (local == "CodeRef") {
      auto target = guid(local, a, "targetGUID");
      if (!target) return true;
      coding_->code_guid = *target;
      push(Context::kLeaf);
      return true;
    }
    if (local == "NoteRef") return note_ref(local, a), true;
    return false;
  }

  bool read_note(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    QdeNote note;
    note.guid = *g;
    note.name = a["name"];
    note.plain_path = a["plainTextPath"];
    note.user_guid = user(a);
    note.created_at = date(a, "creationDateTime");
    note.line = line_;
    project.notes.push_back(std::move(note));
    push(Context::kNote, *g);
    return true;
  }

  bool read_note_child(std::string_view local, const Attributes& a) {
    auto& note = project.notes.back();
    if (local == "Description") return capture(note.description), true;
    if (local == "PlainTextContent") {
      note.inline_text.emplace();
      capture(*note.inline_text);
      return true;
    }
    if (local == "NoteRef") return note_ref(local, a), true;
    return false;  // selections inside a note: kept aside
  }

  bool read_link(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    project.links.push_back(QdeLink{*g, std::string(a["name"]), std::string(a["direction"]),
                                    normalise_colour(a["color"]),
                                    normalise_guid(a["originGUID"]).value_or(""),
                                    normalise_guid(a["targetGUID"]).value_or(""), line_});
    // Besides anchoring notes, a link is kept as written, to be written back on export.
    keep_aside(local, a);
    return true;
  }

  bool read_set(std::string_view local, const Attributes& a) {
    auto g = guid(local, a);
    if (!g) return true;
    QdeSet set;
    set.guid = *g;
    set.name = a["name"];
    set.line = line_;
    project.sets.push_back(std::move(set));
    push(Context::kSet, *g);
    return true;
  }

  bool read_set_child(std::string_view local, const Attributes& a) {
    auto& set = project.sets.back();
    if (local == "Description") return capture(set.description), true;
    if (local == "MemberCode") return read_reference(local, a, set.member_codes);
    if (local == "MemberSource") return read_reference(local, a, set.member_sources);
    if (local == "MemberNote") return read_reference(local, a, set.member_notes);
    return false;
  }

  struct MediaSource {
    std::string guid;
    std::string name;
    std::string path;
  };

  XML_Parser parser_;
  const QdeSourceSink& sink_;
  std::vector<Frame> stack_;
  std::vector<QdcCode*> codes_;  // the open Code elements, innermost last
  std::string* capture_ = nullptr;
  QdeValue* value_ = nullptr;
  QdeCoding* coding_ = nullptr;
  MediaSource media_;
  QdeKeptAside kept_;
  int keep_depth_ = 0;
  std::size_t line_ = 0;
};

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  static_cast<Builder*>(data)->start(name, attributes);
}
void XMLCALL on_end(void* data, const XML_Char* name) { static_cast<Builder*>(data)->end(name); }
void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  static_cast<Builder*>(data)->characters(std::string_view(text, static_cast<std::size_t>(length)));
}
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<Builder*>(data)->refuse_doctype();
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

}  // namespace

Result<QdeProject> parse_qde(const QdeChunks& next_chunk, const QdeSourceSink& sink) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser(
      XML_ParserCreateNS(nullptr, ' '));
  if (!parser) return fail(ErrorKind::kInternal, "could not create an XML parser");
  Builder builder(parser.get(), sink);
  XML_SetUserData(parser.get(), &builder);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  for (;;) {
    TRY(chunk, next_chunk());
    bool last = chunk.empty();
    if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
        XML_STATUS_ERROR) {
      if (builder.error) return tl::unexpected(*builder.error);
      return failf(ErrorKind::kInvalidInput, "line {}: malformed XML ({})",
                   XML_GetCurrentLineNumber(parser.get()),
                   XML_ErrorString(XML_GetErrorCode(parser.get())));
    }
    if (last) break;
  }
  if (builder.error) return tl::unexpected(*builder.error);
  return std::move(builder.project);
}

Result<QdeProject> parse_qde(std::string_view xml) {
  constexpr std::size_t kChunk = 16 << 20;
  std::size_t at = 0;
  auto next = [&]() -> Result<std::string_view> {
    auto chunk = xml.substr(at, kChunk);
    at += chunk.size();
    return chunk;
  };
  return parse_qde(next, QdeSourceSink());
}

}  // namespace thematica
