#include "services/json_codec.hpp"

namespace thematica {

void to_json(Json& j, const Event& e) {
  j = Json{{"id", e.id},           {"time", e.time},
           {"coder", e.coder},     {"operation", e.operation},
           {"summary", e.summary}, {"undoable", e.undoable}};
  j["undoes"] = e.undoes ? Json(*e.undoes) : Json(nullptr);
}

void to_json(Json& j, const QdcImport& r) {
  j = Json{{"event", r.event},           {"added", r.added},
           {"matched", r.matched},       {"not_codable", r.not_codable},
           {"sets_added", r.sets_added}, {"sets_matched", r.sets_matched}};
}

void to_json(Json& j, const ScanSuggestion& s) {
  j = Json{{"document", s.document},
           {"start", s.range.start},
           {"end", s.range.end},
           {"text", s.text},
           {"category", category_name(s.category)},
           {"confidence", s.confidence},
           {"rule", s.rule}};
}

void to_json(Json& j, const PseudonymisationRecord& r) {
  j = Json{{"event", r.event_id},    {"time", r.time},         {"by", r.actor},
           {"document", r.document}, {"category", r.category}, {"pseudonym", r.pseudonym},
           {"replaced", r.replaced}};
}

void to_json(Json& j, const ApplySummary& s) {
  j = Json{{"documents", s.documents},
           {"replaced", s.replaced},
           {"new_key", s.new_key},
           {"records", s.records}};
}

void to_json(Json& j, const LookupMatch& m) {
  j = Json{{"pseudonym", m.pseudonym}, {"category", m.category}, {"originals", m.originals}};
}

void to_json(Json& j, const ReviewItem& i) {
  j = Json{{"ref", i.ref},
           {"document_id", i.document_id},
           {"document", i.document},
           {"start", i.range.start},
           {"end", i.range.end},
           {"text", i.text},
           {"before", i.before},
           {"after", i.after},
           {"category", category_name(i.category)},
           {"confidence", i.confidence},
           {"rule", i.rule},
           {"status", review_status_name(i.status)},
           {"entity", i.entity},
           {"pseudonym", i.pseudonym}};
}

void to_json(Json& j, const Review& r) {
  j = Json{{"pending", r.pending},
           {"to_replace", r.to_replace},
           {"rejected", r.rejected},
           {"changed_documents", r.changed_documents},
           {"items", r.items}};
}

void to_json(Json& j, const ReviewChange& c) {
  j = Json{{"changed", c.changed}, {"summary", c.summary}};
  if (c.event) j["event"] = *c.event;
}

void to_json(Json& j, const StarterCodebook& s) {
  j = Json{{"name", s.name}, {"title", s.title}, {"summary", s.summary}, {"codes", s.codes}};
}

void to_json(Json& j, const Document& d) {
  j = Json{{"id", d.id},
           {"guid", d.guid},
           {"name", d.name},
           {"kind", d.kind},
           {"original_name", d.original_name},
           {"imported_at", d.imported_at},
           {"sha256", d.sha256},
           {"length", d.length},
           {"bytes", d.byte_size}};
}

void to_json(Json& j, const Coding& c) {
  j = Json{{"id", c.id},
           {"guid", c.guid},
           {"document_id", c.document_id},
           {"code_id", c.code_id},
           {"coder_id", c.coder_id},
           {"start", c.range.start},
           {"end", c.range.end},
           {"comment", c.comment},
           {"important", c.important},
           {"representative", c.representative},
           {"created_at", c.created_at}};
}

void to_json(Json& j, const Utterance& u) {
  j = Json{{"position", u.position},
           {"speaker", u.speaker_label},
           {"case_id", u.case_id ? Json(*u.case_id) : Json()},
           {"start", u.range.start},
           {"end", u.range.end},
           {"start_ms", u.start_ms ? Json(*u.start_ms) : Json()},
           {"end_ms", u.end_ms ? Json(*u.end_ms) : Json()}};
}

namespace {

// A coding as the reader draws it. The document is the one viewed, and a coding's GUID and time
// are not shown, so they are left out, as are a comment that is empty and marks that are not
// set: a long transcript carries thousands of codings, and this keeps its view a third the size.
Json reading_coding(const Coding& c) {
  Json j{{"id", c.id},
         {"code_id", c.code_id},
         {"coder_id", c.coder_id},
         {"start", c.range.start},
         {"end", c.range.end}};
  if (!c.comment.empty()) j["comment"] = c.comment;
  if (c.important) j["important"] = true;
  if (c.representative) j["representative"] = true;
  return j;
}

}  // namespace

void to_json(Json& j, const DocumentView& v) {
  Json codings = Json::array();
  codings.get_ref<Json::array_t&>().reserve(v.codings.size());
  for (const auto& c : v.codings) codings.push_back(reading_coding(c));
  j = Json{{"document", v.document},
           {"text", v.text},
           {"codings", std::move(codings)},
           {"turns", v.turns},
           {"page_starts", v.page_starts}};
}

void to_json(Json& j, const DocumentSummary& d) {
  to_json(j, d.document);
  j["groups"] = d.groups;
  j["codings"] = d.codings;
}

void to_json(Json& j, const DocumentOverview& d) {
  to_json(j, d.summary);
  j["speakers"] = d.speakers;
  j["coded_characters"] = d.coded_characters;
}

void to_json(Json& j, const ImportedDocument& d) {
  to_json(j, d.document);
  j["reader"] = d.reader;
  j["turns"] = d.turns;
  j["speakers"] = d.speakers;
  j["path"] = d.path;
  j["encoding"] = d.encoding;
  j["encoding_guessed"] = d.encoding_guessed;
  j["pages"] = d.pages;
  j["warnings"] = d.warnings;
}

void to_json(Json& j, const ImportReport& r) {
  j = Json{{"documents", r.documents}, {"refused", Json::array()}, {"skipped", r.skipped}};
  for (const auto& f : r.refused) {
    j["refused"].push_back(Json{{"path", f.path},
                                {"code", error_kind_name(f.error.kind)},
                                {"message", f.error.describe()}});
  }
}

void to_json(Json& j, const SurveyImportReport& r) {
  static constexpr const char* kRoles[] = {"id", "metadata", "variable", "open", "empty"};
  j = Json{{"path", r.path},           {"source", r.source},       {"respondents", r.respondents},
           {"new_cases", r.new_cases}, {"columns", Json::array()}, {"documents", Json::array()},
           {"unmatched", r.unmatched}};
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    const SurveyColumn& c = r.columns[i];
    Json column{
        {"column", c.id}, {"question", c.label}, {"role", kRoles[static_cast<int>(c.role)]}};
    if (c.role == ColumnRole::kVariable) {
      column["type"] = variable_type_name(c.type);
      if (!c.categories.empty()) column["categories"] = c.categories;
    }
    if (!r.variable_names[i].empty()) column["variable"] = r.variable_names[i];
    j["columns"].push_back(std::move(column));
  }
  for (const auto& d : r.documents) {
    j["documents"].push_back(
        Json{{"column", d.column}, {"name", d.document.name}, {"answers", d.answers}});
  }
}

void to_json(Json& j, const CodeSetSummary& s) {
  j = Json{{"id", s.set.id},
           {"guid", s.set.guid},
           {"name", s.set.name},
           {"description", s.set.description},
           {"codes", s.paths}};
}

void to_json(Json& j, const GroupSummary& g) {
  j = Json{{"id", g.group.id},
           {"guid", g.group.guid},
           {"name", g.group.name},
           {"documents", g.documents}};
}

void to_json(Json& j, const Coder& c) {
  j = Json{{"id", c.id}, {"guid", c.guid}, {"name", c.name}};
}

void to_json(Json& j, const CoderSummary& c) {
  to_json(j, c.coder);
  j["codings"] = c.codings;
}

void to_json(Json& j, const CodeSummary& c) {
  const auto& d = c.code.description;
  j = Json{{"id", c.code.id},
           {"guid", c.code.guid},
           {"path", c.path},
           {"name", c.code.name},
           {"depth", c.depth},
           {"colour", c.code.colour},
           {"definition", d.definition},
           {"when_to_use", d.when_to_use},
           {"when_not_to_use", d.when_not_to_use},
           {"example", d.example},
           {"codings", c.codings},
           {"codings_in_branch", c.codings_in_branch}};
}

void to_json(Json& j, const Segment& s) {
  j = Json{{"id", s.coding.id},
           {"guid", s.coding.guid},
           {"document", s.document},
           {"code", s.code},
           {"coder", s.coder},
           {"start", s.coding.range.start},
           {"end", s.coding.range.end},
           {"text", s.text},
           {"before", s.before},
           {"after", s.after},
           {"speakers", s.speakers},
           {"speaker_values", Json::array()},
           {"page", s.page ? Json(*s.page) : Json()},
           {"comment", s.coding.comment},
           {"important", s.coding.important},
           {"representative", s.coding.representative},
           {"created_at", s.coding.created_at}};
  for (const auto& values : s.speaker_values) {
    Json object = Json::object();
    for (const auto& [name, value] : values) object[name] = value;
    j["speaker_values"].push_back(std::move(object));
  }
}

void to_json(Json& j, const FrequencyTable& t) {
  j = Json{{"by", t.axis == FrequencyAxis::kDocument ? "document" : "coder"},
           {"columns", t.columns},
           {"rows", Json::array()}};
  for (const auto& row : t.rows) {
    j["rows"].push_back(Json{{"code", row.code}, {"counts", row.counts}, {"total", row.total}});
  }
}

void to_json(Json& j, const SearchResult& r) {
  j = Json{{"document", r.document}, {"start", r.range.start}, {"end", r.range.end},
           {"text", r.text},         {"before", r.before},     {"after", r.after}};
}

void to_json(Json& j, const CaseSummary& c) {
  j = Json{{"id", c.kase.id},
           {"guid", c.kase.guid},
           {"name", c.kase.name},
           {"analysed", c.kase.analysed}};
  Json values = Json::object();
  for (const auto& [name, value] : c.values) values[name] = value;
  j["values"] = values;
  j["links"] = Json::array();
  for (const auto& link : c.links) {
    Json l{{"document", link.document}};
    l["start"] = link.range ? Json(link.range->start) : Json(nullptr);
    l["end"] = link.range ? Json(link.range->end) : Json(nullptr);
    j["links"].push_back(l);
  }
}

void to_json(Json& j, const Variable& v) {
  j = Json{{"id", v.id}, {"guid", v.guid}, {"name", v.name}, {"type", variable_type_name(v.type)}};
  if (v.type == VariableType::kCategory) j["categories"] = v.categories;
}

void to_json(Json& j, const MemoSummary& m) {
  j = Json{{"id", m.memo.id},
           {"guid", m.memo.guid},
           {"on", memo_target_name(m.memo.target)},
           {"target", m.target},
           {"coder", m.coder},
           {"text", m.memo.text},
           {"created_at", m.memo.created_at}};
}

Json error_json(const Error& error) {
  return Json{{"error", {{"code", error_kind_name(error.kind)}, {"message", error.describe()}}}};
}

}  // namespace thematica
