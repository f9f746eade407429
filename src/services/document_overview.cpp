#include "services/document_overview.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace thematica {
namespace {

// Code points covered by the union of the ranges.
std::uint64_t covered(std::vector<Range>& ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.start < b.start; });
  std::uint64_t total = 0, reached = 0;
  for (const auto& r : ranges) {
    std::uint64_t from = std::max(r.start, reached);
    if (r.end > from) total += r.end - from;
    reached = std::max(reached, r.end);
  }
  return total;
}

}  // namespace

Result<std::vector<DocumentOverview>> document_overview(Store& store) {
  TRY(summaries, list_documents(store));
  TRY(spans, store.coding_spans(CodingFilter{}));
  std::map<Id, std::vector<Range>> ranges;
  for (const auto& s : spans) ranges[s.document_id].push_back(s.range);
  std::vector<Id> ids;
  ids.reserve(summaries.size());
  for (const auto& s : summaries) ids.push_back(s.document.id);
  TRY(turns, store.utterances(ids));
  std::map<Id, std::vector<std::string>> speakers;
  std::set<std::pair<Id, std::string>> seen;
  for (const auto& u : turns) {
    if (seen.insert({u.document_id, u.speaker_label}).second) {
      speakers[u.document_id].push_back(u.speaker_label);
    }
  }
  std::vector<DocumentOverview> out;
  out.reserve(summaries.size());
  for (auto& s : summaries) {
    Id id = s.document.id;
    out.push_back(DocumentOverview{std::move(s), std::move(speakers[id]), covered(ranges[id])});
  }
  return out;
}

}  // namespace thematica
