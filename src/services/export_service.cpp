#include "services/export_service.hpp"

#include <map>

#include "core/csv.hpp"
#include "services/code_sets.hpp"
#include "services/json_codec.hpp"
#include "services/lookup.hpp"

namespace thematica {

namespace {

// Exports are the project's data, not an analysis: every coding goes out, including those in
// turns of speakers left out of analysis.
SegmentQuery everything() {
  SegmentQuery q;
  q.all_speakers = true;
  return q;
}

// A transcript's turns, as the document's "turns" in the JSON export.
Json turns_json(const std::vector<Utterance>& turns, const std::map<Id, std::string>& case_names) {
  Json out = Json::array();
  for (const auto& u : turns) {
    Json t{{"speaker", u.speaker_label},
           {"case", u.case_id ? Json(case_names.at(*u.case_id)) : Json()},
           {"start", u.range.start},
           {"end", u.range.end},
           {"start_ms", u.start_ms ? Json(*u.start_ms) : Json()},
           {"end_ms", u.end_ms ? Json(*u.end_ms) : Json()}};
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

Result<std::string> export_json(Store& store) {
  TRY(codes, list_codes(store));
  TRY(coders, store.coders());
  TRY(docs, list_documents(store));
  TRY(segments, find_segments(store, everything()));
  TRY(all_cases, store.cases());
  std::map<Id, std::string> case_names;
  for (const auto& c : all_cases) case_names[c.id] = c.name;
  TRY(groups, list_groups(store));
  TRY(variables, store.variables());
  TRY(cases, list_cases(store));
  TRY(memos, list_memos(store));
  Json out{{"format", "thematica-export"}, {"version", 1}};
  out["coders"] = coders;
  out["codes"] = codes;
  out["documents"] = Json::array();
  std::size_t next = 0;  // segments come sorted by document id, as documents do
  for (const auto& d : docs) {
    Json doc = d;
    TRY(text, store.document_text(d.document.id));
    doc["text"] = text;
    TRY(pages, store.page_starts(d.document.id));
    if (!pages.empty()) doc["page_starts"] = pages;
    TRY(turns, store.utterances({d.document.id}));
    if (!turns.empty()) doc["turns"] = turns_json(turns, case_names);
    doc["codings"] = Json::array();
    for (; next < segments.size() && segments[next].coding.document_id == d.document.id; ++next) {
      Json s = segments[next];
      s.erase("document");
      s.erase("before");
      s.erase("after");
      doc["codings"].push_back(std::move(s));
    }
    out["documents"].push_back(std::move(doc));
  }
  out["groups"] = groups;
  out["variables"] = variables;
  out["cases"] = cases;
  out["memos"] = memos;
  TRY(code_sets, list_code_sets(store));
  out["code_sets"] = code_sets;
  return out.dump(2) + "\n";
}

Result<std::string> export_segments_csv(Store& store) {
  TRY(segments, find_segments(store, everything()));
  std::string out = format_csv_row({"id", "document", "code", "coder", "start", "end", "text",
                                    "comment", "important", "representative"});
  for (const auto& s : segments) {
    out += format_csv_row({std::to_string(s.coding.id), s.document, s.code, s.coder,
                           std::to_string(s.coding.range.start), std::to_string(s.coding.range.end),
                           s.text, s.coding.comment, s.coding.important ? "true" : "false",
                           s.coding.representative ? "true" : "false"});
  }
  return out;
}

}  // namespace thematica
