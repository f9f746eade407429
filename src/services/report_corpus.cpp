#include "services/report_corpus.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace thematica {
namespace {

std::string clock(std::int64_t ms) {
  std::int64_t seconds = ms / 1000;
  if (seconds >= 3600) {
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
  return fmt::format("{:02}:{:02}", seconds / 60, seconds % 60);
}

// A turn as the corpus needs it, with its speaker already numbered.
struct Turn {
  Range range;
  std::int64_t position = 0;
  std::int64_t start_ms = -1;
  std::uint32_t speaker = ReportCorpus::kNoSpeaker;
  bool left_out = false;  // its speaker is left out of analysis
};

// Documents and cases numbered in the project's order, with the ids' numbers.
struct Numbering {
  std::unordered_map<Id, std::uint32_t> document;
  std::unordered_map<Id, std::uint32_t> speaker;
};

Result<Numbering> number_documents_and_cases(Store& store, ReportCorpus& out) {
  Numbering n;
  TRY(documents, store.documents());
  for (const auto& d : documents) {
    n.document[d.id] = static_cast<std::uint32_t>(out.document_ids.size());
    out.document_ids.push_back(d.id);
    out.document_names.push_back(d.name);
  }
  TRY(cases, store.cases());
  for (const auto& c : cases) {
    n.speaker[c.id] = static_cast<std::uint32_t>(out.case_ids.size());
    out.case_ids.push_back(c.id);
    out.case_names.push_back(c.name);
    out.case_analysed.push_back(c.analysed);
  }
  return n;
}

// The project's turns by document number, with their speakers numbered.
std::vector<std::vector<Turn>> turns_by_document(const std::vector<TurnPlace>& turns,
                                                 const ReportCorpus& corpus, const Numbering& n) {
  std::vector<std::vector<Turn>> out(corpus.document_ids.size());
  for (const auto& u : turns) {
    Turn turn{u.range, u.position, u.start_ms, ReportCorpus::kNoSpeaker, false};
    if (u.case_id) {
      turn.speaker = n.speaker.at(*u.case_id);
      turn.left_out = !corpus.case_analysed[turn.speaker];
    }
    out[n.document.at(u.document_id)].push_back(turn);
  }
  return out;
}

// Sets the coding's turn and appends its speakers to the corpus; false (and nothing appended)
// when it lies inside a turn of a speaker left out of analysis.
bool place_in_turns(ReportCorpus& corpus, ReportCoding& c, const std::vector<Turn>& turns) {
  // Turns are in text order and do not overlap: start at the first ending after the start.
  auto first = std::partition_point(turns.begin(), turns.end(),
                                    [&](const Turn& t) { return t.range.end <= c.range.start; });
  bool inside_left_out = false;
  for (auto it = first; it != turns.end() && it->range.start < c.range.end; ++it) {
    if (!it->range.overlaps(c.range)) continue;
    if (c.turn < 0) {
      c.turn = it->position;
      c.turn_start_ms = it->start_ms;
      inside_left_out =
          it->left_out && c.range.start >= it->range.start && c.range.end <= it->range.end;
    }
    if (it->speaker == ReportCorpus::kNoSpeaker) continue;
    auto begin = corpus.speakers.begin() + c.speakers_begin;
    if (std::find(begin, corpus.speakers.end(), it->speaker) == corpus.speakers.end()) {
      corpus.speakers.push_back(it->speaker);
    }
  }
  if (inside_left_out) corpus.speakers.resize(c.speakers_begin);
  return !inside_left_out;
}

// The spans' indices grouped by document, each document's in the store's order: placing a
// document's codings one after another keeps its turns in the cache while they are searched.
std::vector<std::size_t> in_document_order(const std::vector<CodingSpan>& spans,
                                           const Numbering& n) {
  std::vector<std::size_t> first(n.document.size() + 1, 0);
  std::vector<std::uint32_t> document(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    document[i] = n.document.at(spans[i].document_id);
    ++first[document[i] + 1];
  }
  for (std::size_t d = 1; d < first.size(); ++d) first[d] += first[d - 1];
  std::vector<std::size_t> order(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) order[first[document[i]]++] = i;
  return order;
}

}  // namespace

Result<ReportCorpus> load_report_corpus(Store& store, const std::vector<Id>& code_ids,
                                        const std::vector<Id>& coder_ids) {
  ReportCorpus out;
  CodingFilter filter;
  filter.code_ids = code_ids;
  filter.coder_ids = coder_ids;
  TRY(read, store.coding_spans_and_turns(filter));
  const std::vector<CodingSpan>& spans = read.codings;
  TRY(numbering, number_documents_and_cases(store, out));
  auto turns_of = turns_by_document(read.turns, out, numbering);
  TRY(links, store.whole_document_links());
  std::vector<std::vector<Id>> whole_document_cases(out.document_ids.size());
  for (const auto& link : links) {
    whole_document_cases[numbering.document.at(link.document_id)].push_back(link.case_id);
  }

  out.codings.reserve(spans.size());
  out.speakers.reserve(spans.size());
  for (std::size_t i : in_document_order(spans, numbering)) {
    const CodingSpan& s = spans[i];
    auto at = static_cast<std::uint32_t>(out.speakers.size());
    std::uint32_t document = numbering.document.at(s.document_id);
    ReportCoding c{s.id,         s.document_id,   document, s.code_id, s.range,
                   s.byte_start, s.byte_end,      -1,       -1,        at,
                   at,           s.representative};
    if (!turns_of[document].empty()) {
      if (!place_in_turns(out, c, turns_of[document])) continue;
    } else if (whole_document_cases[document].size() == 1) {
      out.speakers.push_back(numbering.speaker.at(whole_document_cases[document].front()));
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
