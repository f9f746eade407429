#include "services/export_service.hpp"

#include "interop/csv.hpp"
#include "services/json_codec.hpp"
#include "services/lookup.hpp"

namespace thematica {

Result<std::string> export_json(Store& store) {
  TRY(codes, list_codes(store));
  TRY(coders, store.coders());
  TRY(docs, list_documents(store));
  TRY(segments, find_segments(store, SegmentQuery{}));
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
  return out.dump(2) + "\n";
}

Result<std::string> export_segments_csv(Store& store) {
  TRY(segments, find_segments(store, SegmentQuery{}));
  std::string out = format_csv_row(
      {"id", "document", "code", "coder", "start", "end", "text", "comment", "important"});
  for (const auto& s : segments) {
    out += format_csv_row({std::to_string(s.coding.id), s.document, s.code, s.coder,
                           std::to_string(s.coding.range.start), std::to_string(s.coding.range.end),
                           s.text, s.coding.comment, s.coding.important ? "true" : "false"});
  }
  return out;
}

}  // namespace thematica
