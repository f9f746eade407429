#include "services/pseudonymisation_scan.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "analysis/identifier_detection.hpp"
#include "core/ascii.hpp"
#include "core/csv.hpp"
#include "services/lookup.hpp"

namespace thematica {
namespace {

// Debian's wbritish, read once; an empty list when it is not installed.
const WordList& word_list() {
  static const WordList kWords = [] {
    const char* path = std::getenv("THEMATICA_DICTIONARY");
    std::ifstream in(path != nullptr ? path : "/usr/share/dict/british-english");
    std::stringstream lines;
    lines << in.rdbuf();
    return WordList::parse(lines.str());
  }();
  return kWords;
}

// The speakers of a document: the labels its turns were read with, and the names of their cases
// (which a researcher may have set to the full name).
Result<std::vector<std::string>> speakers_of(
    Store& store, Id document_id, const std::unordered_map<Id, std::string>& case_names) {
  TRY(turns, store.utterances({document_id}));
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& t : turns) {
    add(t.speaker_label);
    if (!t.case_id) continue;
    if (auto c = case_names.find(*t.case_id); c != case_names.end()) add(c->second);
  }
  return out;
}

}  // namespace

Result<std::vector<KnownIdentifier>> parse_known_identifiers(const std::string& csv) {
  TRY(rows, parse_csv(csv));
  if (rows.empty()) return fail(ErrorKind::kInvalidInput, "the known identifiers CSV is empty");
  auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
      if (ascii_lower(rows[0][i]) == name) return i;
    }
    return std::nullopt;
  };
  auto identifier = column("identifier");
  auto category = column("category");
  if (!column("case") || !identifier) {
    return fail(ErrorKind::kInvalidInput,
                "the known identifiers CSV needs a header row with the columns case and "
                "identifier (and optionally category)");
  }
  std::vector<KnownIdentifier> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto cell = [&](std::optional<std::size_t> c) {
      return c && *c < rows[r].size() ? rows[r][*c] : std::string();
    };
    KnownIdentifier k{cell(identifier), guess_category(cell(identifier)), cell(column("case"))};
    if (k.text.empty()) {
      return failf(ErrorKind::kInvalidInput, "known identifiers CSV row {}: no identifier", r + 1);
    }
    if (!cell(category).empty()) {
      auto named = category_from_name(cell(category));
      if (!named) {
        return failf(ErrorKind::kInvalidInput,
                     "known identifiers CSV row {}: unknown category '{}' (person, place, "
                     "institution, date, age, phone, email, url, postcode, nhs_number, "
                     "record_number)",
                     r + 1, cell(category));
      }
      k.category = *named;
    }
    out.push_back(std::move(k));
  }
  return out;
}

Result<std::vector<ScanSuggestion>> scan_for_identifiers(Store& store, const ScanRequest& request) {
  TRY(all, store.documents());
  std::vector<Document> documents;
  for (const auto& name : request.documents) {
    TRY(doc, require_document(store, name));
    documents.push_back(doc);
  }
  if (request.documents.empty()) documents = all;
  TRY(cases, store.cases());
  std::unordered_map<Id, std::string> case_names;
  for (auto& c : cases) case_names.emplace(c.id, std::move(c.name));
  std::vector<ScanSuggestion> out;
  for (const auto& doc : documents) {
    TRY(text, store.text_index(doc.id));
    TRY(speakers, speakers_of(store, doc.id, case_names));
    DetectionInput input{text->utf8(), speakers, request.known, &word_list()};
    for (const auto& s : detect_identifiers(input)) {
      if (s.confidence < request.min_confidence) continue;
      Range range{text->code_point_offset(s.begin), text->code_point_offset(s.end)};
      out.push_back({doc.name, range, std::string(text->slice(range)), s.category, s.confidence,
                     std::string(s.rule)});
    }
  }
  return out;
}

}  // namespace thematica
