// Writes project.qde in the schema's strict element order, streaming into one string.

#include <map>

#include "interop/qda_xml.hpp"
#include "interop/qde.hpp"

namespace thematica {
namespace {

constexpr std::string_view kNamespace = "urn:QDA-XML:project:1.0";

}  // namespace

class QdeWriter::Writer {
 public:
  Writer(const QdeProject& project, std::string& out) : project_(project), xml_(out) {
    for (const auto& ref : project.note_refs) notes_of_[ref.target_guid].push_back(ref.note_guid);
  }

  void head() {
    xml_.start("Project");
    xml_.attribute("xmlns", kNamespace);
    xml_.attribute("name", project_.name);
    xml_.optional_attribute("origin", project_.origin);
    xml_.optional_attribute("creatingUserGUID", project_.creating_user);
    xml_.optional_attribute("creationDateTime", project_.created_at);
    list("Users", project_.users, [&](const QdeUser& u) { user(u); });
    if (!project_.codes.empty()) {
      xml_.start("CodeBook");
      list("Codes", project_.codes, [&](const QdcCode& c) { code(c); });
      xml_.end("CodeBook");
    }
    list("Variables", project_.variables, [&](const QdeVariable& v) { variable(v); });
    list("Cases", project_.cases, [&](const QdeCase& c) { case_(c); });
  }

  void source(const QdeTextSource& s) {
    if (!sources_open_) xml_.start("Sources");
    sources_open_ = true;
    text_source(s);
  }

  void tail() {
    for (const auto& kept : project_.kept_aside) {
      if (kept.element != "PictureSource") continue;
      if (!sources_open_) xml_.start("Sources");
      sources_open_ = true;
      xml_.raw(kept.xml);
    }
    if (sources_open_) xml_.end("Sources");
    list("Notes", project_.notes, [&](const QdeNote& n) { note(n); });
    kept_list("Links", "Link");
    list("Sets", project_.sets, [&](const QdeSet& s) { set(s); });
    kept_list("Graphs", "Graph");
    if (!project_.description.empty()) xml_.text_element("Description", project_.description);
    note_refs("");
    xml_.end("Project");
  }

 private:
  // A list element with its items, or nothing at all: the schema has no empty lists.
  template <class Items, class Write>
  void list(std::string_view name, const Items& items, Write write_item) {
    if (items.empty()) return;
    xml_.start(name);
    for (const auto& item : items) write_item(item);
    xml_.end(name);
  }

  void kept_list(std::string_view name, std::string_view element) {
    bool any = false;
    for (const auto& kept : project_.kept_aside) {
      if (kept.element != element) continue;
      if (!any) xml_.start(name);
      any = true;
      xml_.raw(kept.xml);
    }
    if (any) xml_.end(name);
  }

  void note_refs(const std::string& target) {
    auto found = notes_of_.find(target);
    if (found == notes_of_.end()) return;
    for (const auto& note : found->second) reference("NoteRef", note);
  }

  void reference(std::string_view element, const std::string& target) {
    xml_.start(element);
    xml_.attribute("targetGUID", target);
    xml_.end(element);
  }

  void optional_text(std::string_view element, const std::string& text) {
    if (!text.empty()) xml_.text_element(element, text);
  }

  void user(const QdeUser& u) {
    xml_.start("User");
    xml_.attribute("guid", u.guid);
    xml_.optional_attribute("name", u.name);
    xml_.end("User");
  }

  void code(const QdcCode& c) {
    xml_.start("Code");
    xml_.attribute("guid", c.guid);
    xml_.attribute("name", c.name);
    xml_.attribute("isCodable", c.codable ? "true" : "false");
    xml_.optional_attribute("color", c.colour);
    optional_text("Description", c.description);
    note_refs(c.guid);
    for (const auto& child : c.children) code(child);
    xml_.end("Code");
  }

  void variable(const QdeVariable& v) {
    xml_.start("Variable");
    xml_.attribute("guid", v.guid);
    xml_.attribute("name", v.name);
    xml_.attribute("typeOfVariable", v.type);
    optional_text("Description", v.description);
    xml_.end("Variable");
  }

  void value(const QdeValue& v) {
    xml_.start("VariableValue");
    reference("VariableRef", v.variable_guid);
    xml_.text_element(v.type + "Value", v.value);
    xml_.end("VariableValue");
  }

  void case_(const QdeCase& c) {
    xml_.start("Case");
    xml_.attribute("guid", c.guid);
    xml_.optional_attribute("name", c.name);
    optional_text("Description", c.description);
    for (const auto& code_ref : c.code_refs) reference("CodeRef", code_ref);
    for (const auto& v : c.values) value(v);
    for (const auto& source : c.source_refs) reference("SourceRef", source);
    for (const auto& selection : c.selection_refs) reference("SelectionRef", selection);
    xml_.end("Case");
  }

  void authorship(const std::string& user_guid, const std::string& created_at) {
    xml_.optional_attribute("creatingUser", user_guid);
    xml_.optional_attribute("creationDateTime", created_at);
  }

  void coding(const QdeCoding& c) {
    xml_.start("Coding");
    xml_.attribute("guid", c.guid);
    authorship(c.user_guid, c.created_at);
    reference("CodeRef", c.code_guid);
    note_refs(c.guid);
    xml_.end("Coding");
  }

  void selection(const QdeSelection& s) {
    xml_.start("PlainTextSelection");
    xml_.attribute("guid", s.guid);
    if (s.name) xml_.attribute("name", *s.name);
    xml_.attribute("startPosition", std::to_string(s.start));
    xml_.attribute("endPosition", std::to_string(s.end));
    authorship(s.user_guid, s.created_at);
    optional_text("Description", s.description);
    for (const auto& c : s.codings) coding(c);
    note_refs(s.guid);
    xml_.end("PlainTextSelection");
  }

  // Every source with text is written as a TextSource: the text is what Thematica has, and its
  // positions are what the selections count.
  void text_source(const QdeTextSource& s) {
    xml_.start("TextSource");
    xml_.attribute("guid", s.guid);
    xml_.optional_attribute("name", s.name);
    xml_.optional_attribute("plainTextPath", s.plain_path);
    authorship(s.user_guid, s.created_at);
    optional_text("Description", s.description);
    if (s.inline_text) xml_.text_element("PlainTextContent", *s.inline_text);
    for (const auto& sel : s.selections) selection(sel);
    for (const auto& c : s.codings) coding(c);
    note_refs(s.guid);
    for (const auto& v : s.values) value(v);
    xml_.end("TextSource");
  }

  void note(const QdeNote& n) {
    xml_.start("Note");
    xml_.attribute("guid", n.guid);
    xml_.optional_attribute("name", n.name);
    xml_.optional_attribute("plainTextPath", n.plain_path);
    authorship(n.user_guid, n.created_at);
    optional_text("Description", n.description);
    if (n.inline_text) xml_.text_element("PlainTextContent", *n.inline_text);
    note_refs(n.guid);
    xml_.end("Note");
  }

  void set(const QdeSet& s) {
    xml_.start("Set");
    xml_.attribute("guid", s.guid);
    xml_.attribute("name", s.name);
    optional_text("Description", s.description);
    for (const auto& m : s.member_codes) reference("MemberCode", m);
    for (const auto& m : s.member_sources) reference("MemberSource", m);
    for (const auto& m : s.member_notes) reference("MemberNote", m);
    xml_.end("Set");
  }

  const QdeProject& project_;
  XmlWriter xml_;
  std::map<std::string, std::vector<std::string>> notes_of_;
  bool sources_open_ = false;
};

QdeWriter::QdeWriter(const QdeProject& project)
    : out_("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
      writer_(std::make_unique<Writer>(project, out_)) {
  writer_->head();
}

QdeWriter::~QdeWriter() = default;

void QdeWriter::source(const QdeTextSource& source) { writer_->source(source); }

std::string QdeWriter::take() {
  std::string written;
  written.swap(out_);
  return written;
}

std::string QdeWriter::finish() {
  writer_->tail();
  out_ += '\n';
  return std::move(out_);
}

std::string write_qde(const QdeProject& project) {
  QdeWriter writer(project);
  for (const auto& source : project.sources) writer.source(source);
  return writer.finish();
}

}  // namespace thematica
