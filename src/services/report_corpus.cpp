#include "services/report_corpus.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace thematica {
namespace {

std::string clock(std::int64_t ms) {
  std::int64_t seconds = ms / 1000;
  if (seconds >= 3600) {
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
  return fmt::format("{:02}:{:02}", seconds / 60, seconds % 60);
}

}  // namespace

Result<ReportCorpus> load_report_corpus(Store& store, const std::vector<Id>& code_ids,
                                        const std::vector<Id>& coder_ids) {
  ReportCorpus out;
  CodingFilter filter;
  filter.code_ids = code_ids;
  filter.coder_ids = coder_ids;
  TRY(spans, store.coding_spans(filter));
  std::sort(spans.begin(), spans.end(), [](const CodingSpan& a, const CodingSpan& b) {
    return std::tie(a.document_id, a.range.start, a.range.end, a.code_id, a.coder_id) <
           std::tie(b.document_id, b.range.start, b.range.end, b.code_id, b.coder_id);
  });
  TRY(documents, store.documents());
  for (const auto& d : documents) out.document_names[d.id] = d.name;
  TRY(cases, store.cases());
  std::unordered_set<Id> left_out;
  for (const auto& c : cases) {
    out.case_names[c.id] = c.name;
    if (!c.analysed) left_out.insert(c.id);
  }
  std::vector<Id> docs;
  for (const auto& s : spans) {
    if (docs.empty() || docs.back() != s.document_id) docs.push_back(s.document_id);
  }
  std::vector<Utterance> turns;
  if (!docs.empty()) {
    TRY(found, store.utterances(docs));
    turns = std::move(found);
  }
  std::unordered_map<Id, std::vector<const Utterance*>> turns_of;
  for (const auto& u : turns) turns_of[u.document_id].push_back(&u);
  TRY(links, store.case_links());
  std::unordered_map<Id, std::vector<Id>> whole_document_cases;
  for (const auto& link : links) {
    if (!link.range) whole_document_cases[link.document_id].push_back(link.case_id);
  }

  out.codings.reserve(spans.size());
  out.speakers.reserve(spans.size());
  for (const auto& s : spans) {
    ReportCoding c{s.id,           s.document_id, s.code_id, s.range, s.byte_start, s.byte_end,
                   -1,             -1,
                   static_cast<std::uint32_t>(out.speakers.size()),
                   static_cast<std::uint32_t>(out.speakers.size()),
                   s.representative};
    auto found = turns_of.find(s.document_id);
    if (found == turns_of.end()) {
      auto linked = whole_document_cases.find(s.document_id);
      if (linked != whole_document_cases.end() && linked->second.size() == 1) {
        out.speakers.push_back(linked->second.front());
      }
    } else {
      // Turns are in text order and do not overlap: start at the first ending after the start.
      const auto& doc_turns = found->second;
      auto first = std::partition_point(doc_turns.begin(), doc_turns.end(), [&](const Utterance* u) {
        return u->range.end <= s.range.start;
      });
      bool inside_left_out = false;
      for (auto it = first; it != doc_turns.end() && (*it)->range.start < s.range.end; ++it) {
        const Utterance* u = *it;
        if (!u->range.overlaps(s.range)) continue;
        if (c.turn < 0) {
          c.turn = u->position;
          c.turn_start_ms = u->start_ms.value_or(-1);
          inside_left_out = u->case_id && left_out.contains(*u->case_id) &&
                            s.range.start >= u->range.start && s.range.end <= u->range.end;
        }
        if (!u->case_id) continue;
        auto begin = out.speakers.begin() + c.speakers_begin;
        if (std::find(begin, out.speakers.end(), *u->case_id) == out.speakers.end()) {
          out.speakers.push_back(*u->case_id);
        }
      }
      if (inside_left_out) {
        out.speakers.resize(c.speakers_begin);
        continue;
      }
    }
    c.speakers_end = static_cast<std::uint32_t>(out.speakers.size());
    out.codings.push_back(c);
  }
  return out;
}

Result<std::vector<std::string>> report_texts(Store& store,
                                              const std::vector<const ReportCoding*>& codings) {
  std::vector<std::size_t> order(codings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return codings[a]->document_id < codings[b]->document_id;
  });
  std::vector<std::string> out(codings.size());
  for (std::size_t first = 0; first < order.size();) {
    Id document = codings[order[first]]->document_id;
    std::size_t last = first;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
    while (last < order.size() && codings[order[last]]->document_id == document) {
      spans.emplace_back(codings[order[last]]->byte_start, codings[order[last]]->byte_end);
      ++last;
    }
    TRY(texts, store.read_text_spans(document, spans));
    for (std::size_t i = first; i < last; ++i) out[order[i]] = std::move(texts[i - first]);
    first = last;
  }
  return out;
}

std::string report_position(const ReportCoding& c, const std::vector<std::uint64_t>& page_starts) {
  if (c.turn_start_ms >= 0) return clock(c.turn_start_ms);
  if (!page_starts.empty()) {
    auto after = std::upper_bound(page_starts.begin(), page_starts.end(), c.range.start);
    return fmt::format("page {}", after - page_starts.begin());
  }
  return fmt::format("characters {}-{}", c.range.start, c.range.end);
}

}  // namespace thematica
