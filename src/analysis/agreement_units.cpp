#include "analysis/agreement_units.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace thematica {
namespace {

// That a coder applied a code to a unit.
struct Mark {
  std::uint64_t unit = 0;
  std::uint32_t code = 0;
  std::uint32_t coder = 0;
};

// One presence table per code from the marks, over `units` units in all.
std::vector<PresenceTable> fold(std::vector<Mark> marks, const AgreementData& data,
                                std::size_t units) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return std::tie(a.code, a.unit) < std::tie(b.code, b.unit);
  });
  std::erase_if(marks, [&](const Mark& m) { return m.code >= data.codes; });
  std::vector<PresenceTable> tables(data.codes, PresenceTable(data.coders));
  std::vector<std::size_t> present(data.codes, 0);
  for (std::size_t i = 0; i < marks.size();) {
    std::uint64_t mask = 0;
    std::size_t j = i;
    for (; j < marks.size() && marks[j].code == marks[i].code && marks[j].unit == marks[i].unit;
         ++j) {
      mask |= std::uint64_t{1} << marks[j].coder;
    }
    tables[marks[i].code].add_present(mask);
    ++present[marks[i].code];
    i = j;
  }
  for (std::size_t c = 0; c < data.codes; ++c) tables[c].add_absent(units - present[c]);
  return tables;
}

std::vector<PresenceTable> document_units(const AgreementData& data) {
  std::vector<Mark> marks;
  marks.reserve(data.spans.size());
  for (const auto& s : data.spans) marks.push_back({s.document, s.code, s.coder});
  return fold(std::move(marks), data, data.document_lengths.size());
}

std::vector<PresenceTable> turn_units(const AgreementData& data) {
  auto turns = data.turns;
  std::sort(turns.begin(), turns.end(), [](const TurnSpan& a, const TurnSpan& b) {
    return std::tie(a.document, a.start) < std::tie(b.document, b.start);
  });
  std::vector<Mark> marks;
  marks.reserve(data.spans.size());
  for (const auto& s : data.spans) {
    // The first turn of the document that ends after the coding starts, then on while they meet.
    auto it = std::lower_bound(turns.begin(), turns.end(), s, [](const TurnSpan& t, const auto& x) {
      return std::tie(t.document, t.end) <= std::tie(x.document, x.start);
    });
    for (; it != turns.end() && it->document == s.document && it->start < s.end; ++it) {
      if (it->end > s.start) {
        marks.push_back({static_cast<std::uint64_t>(it - turns.begin()), s.code, s.coder});
      }
    }
  }
  return fold(std::move(marks), data, turns.size());
}

// Union-find over one document's codings.
class Passages {
 public:
  explicit Passages(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent_[root(a)] = root(b); }

 private:
  std::vector<std::size_t> parent_;
};

bool same_passage(const CodedSpan& a, const CodedSpan& b, double min_overlap) {
  // a starts no later than b.
  std::int64_t shared = std::min(a.end, b.end) - b.start;
  std::int64_t covered = std::max(a.end, b.end) - a.start;
  if (shared <= 0) return false;
  // A relative tolerance keeps 90 of 100 characters at 90% (0.9 * 100 rounds above 90).
  return static_cast<double>(shared) >= min_overlap * static_cast<double>(covered) * (1 - 1e-12);
}

std::vector<PresenceTable> segment_units(const AgreementData& data, double min_overlap) {
  std::vector<Mark> marks;
  marks.reserve(data.spans.size());
  auto all = passages(data, min_overlap);
  for (std::size_t p = 0; p < all.size(); ++p) {
    for (auto i : all[p].spans) marks.push_back({p, data.spans[i].code, data.spans[i].coder});
  }
  return fold(std::move(marks), data, all.size());
}

// Links the codings of one document (`order[first, last)`, by start) into passages.
void link_passages(const AgreementData& data, const std::vector<std::size_t>& order,
                   std::size_t first, std::size_t last, double min_overlap,
                   std::vector<Passage>& out) {
  Passages groups(last - first);
  for (std::size_t i = first; i < last; ++i) {
    const auto& a = data.spans[order[i]];
    // A later coding can reach the overlap only if it starts within the share of this one that
    // the overlap may leave out.
    auto length = static_cast<double>(a.end - a.start);
    double reach = static_cast<double>(a.end) - min_overlap * length * (1 - 1e-12);
    for (std::size_t j = i + 1; j < last; ++j) {
      const auto& b = data.spans[order[j]];
      if (static_cast<double>(b.start) > reach) break;
      if (same_passage(a, b, min_overlap)) groups.join(i - first, j - first);
    }
  }
  // Passages numbered in order of their first coding, so the numbering is deterministic.
  std::vector<std::size_t> number(last - first, SIZE_MAX);
  for (std::size_t i = first; i < last; ++i) {
    auto& n = number[groups.root(i - first)];
    const auto& span = data.spans[order[i]];
    if (n == SIZE_MAX) {
      n = out.size();
      out.push_back({span.document, span.start, span.end, {}});
    }
    auto& passage = out[n];
    passage.end = std::max(passage.end, span.end);
    passage.spans.push_back(order[i]);
  }
}

std::vector<std::int64_t> document_offsets(const AgreementData& data) {
  std::vector<std::int64_t> offsets(data.document_lengths.size() + 1, 0);
  for (std::size_t d = 0; d < data.document_lengths.size(); ++d) {
    offsets[d + 1] = offsets[d] + data.document_lengths[d];
  }
  return offsets;
}

// Sorts each coder's segments and merges those that overlap.
void merge_overlaps(Continuum& continuum) {
  for (auto& segments : continuum.coders) {
    std::sort(segments.begin(), segments.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<ValuedSegment> merged;
    for (const auto& s : segments) {
      if (!merged.empty() && s.start < merged.back().end) {
        merged.back().end = std::max(merged.back().end, s.end);
      } else {
        merged.push_back(s);
      }
    }
    segments = std::move(merged);
  }
}

}  // namespace

std::vector<PresenceTable> presence_by_code(const AgreementData& data, AgreementUnit unit,
                                            double min_overlap) {
  switch (unit) {
    case AgreementUnit::kDocument:
      return document_units(data);
    case AgreementUnit::kTurn:
      return turn_units(data);
    case AgreementUnit::kSegment:
    case AgreementUnit::kCharacter:
      break;
  }
  return segment_units(data, min_overlap);
}

std::vector<Passage> passages(const AgreementData& data, double min_overlap) {
  std::vector<std::size_t> order(data.spans.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = data.spans[x];
    const auto& b = data.spans[y];
    return std::tie(a.document, a.start, a.end, x) < std::tie(b.document, b.start, b.end, y);
  });
  std::vector<Passage> out;
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first;
    auto document = data.spans[order[first]].document;
    while (last < order.size() && data.spans[order[last]].document == document) ++last;
    link_passages(data, order, first, last, min_overlap, out);
    first = last;
  }
  return out;
}

std::vector<Continuum> continua_by_code(const AgreementData& data) {
  auto offsets = document_offsets(data);
  Continuum empty;
  empty.length = offsets.back();
  empty.coders.resize(data.coders);
  std::vector<Continuum> out(data.codes, empty);
  for (const auto& s : data.spans) {
    if (s.code >= data.codes) continue;
    out[s.code].coders[s.coder].push_back(
        {offsets[s.document] + s.start, offsets[s.document] + s.end, 1});
  }
  for (auto& continuum : out) merge_overlaps(continuum);
  return out;
}

Continuum any_code_continuum(const AgreementData& data) {
  auto offsets = document_offsets(data);
  Continuum out;
  out.length = offsets.back();
  out.coders.resize(data.coders);
  for (const auto& s : data.spans) {
    if (s.code >= data.codes) continue;
    out.coders[s.coder].push_back({offsets[s.document] + s.start, offsets[s.document] + s.end, 1});
  }
  merge_overlaps(out);
  return out;
}

}  // namespace thematica
