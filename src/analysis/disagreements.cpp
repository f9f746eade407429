#include "analysis/disagreements.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace thematica {
namespace {

// The codings of one code by one coder in one document, for overlap queries.
class CodingsByCoder {
 public:
  explicit CodingsByCoder(const AgreementData& data) : data_(data) {
    for (std::size_t i = 0; i < data.spans.size(); ++i) {
      const auto& s = data.spans[i];
      if (s.code < data.codes) groups_[{s.document, s.code, s.coder}].push_back(i);
    }
  }
  // The coder's codings of `code` that share a character with [start, end).
  std::vector<std::size_t> overlapping(std::uint32_t document, std::uint32_t code,
                                       std::uint32_t coder, std::int64_t start,
                                       std::int64_t end) const {
    std::vector<std::size_t> out;
    auto group = groups_.find({document, code, coder});
    if (group == groups_.end()) return out;
    for (auto i : group->second) {
      if (data_.spans[i].start < end && start < data_.spans[i].end) out.push_back(i);
    }
    return out;
  }

 private:
  const AgreementData& data_;
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<std::size_t>>
      groups_;
};

struct Finder {
  const AgreementData& data;
  const CodingsByCoder& by_coder;
  std::set<std::vector<std::size_t>> seen;  // boundary items, by the codings of the code in them
  std::vector<Disagreement> out;

  // The codings of `code` linked to `start` by overlap, directly or through one another, by
  // any compared coder: one boundary item however many passages they form.
  std::vector<std::size_t> overlap_closure(std::uint32_t document, std::uint32_t code,
                                           std::vector<std::size_t> start) const {
    std::set<std::size_t> found(start.begin(), start.end());
    while (!start.empty()) {
      const auto& s = data.spans[start.back()];
      start.pop_back();
      for (std::uint32_t coder = 0; coder < data.coders; ++coder) {
        for (auto i : by_coder.overlapping(document, code, coder, s.start, s.end)) {
          if (found.insert(i).second) start.push_back(i);
        }
      }
    }
    return {found.begin(), found.end()};
  }

  bool others_overlap(const Passage& p, std::uint32_t code, std::uint64_t applied) const {
    for (std::uint32_t coder = 0; coder < data.coders; ++coder) {
      if ((applied >> coder & 1) == 0 &&
          !by_coder.overlapping(p.document, code, coder, p.start, p.end).empty()) {
        return true;
      }
    }
    return false;
  }

  void check(const Passage& p, std::uint32_t code, std::uint64_t applied) {
    Disagreement d{p.document, code, p.start, p.end, DisagreementKind::kNotCoded, applied, p.spans};
    if (others_overlap(p, code, applied)) {
      std::vector<std::size_t> of_code;
      for (auto i : p.spans) {
        if (data.spans[i].code == code) of_code.push_back(i);
      }
      of_code = overlap_closure(p.document, code, std::move(of_code));
      if (!seen.insert(of_code).second) return;  // the same item, from another of its passages
      d.kind = DisagreementKind::kBoundaries;
      for (auto i : of_code) {
        const auto& s = data.spans[i];
        d.applied |= std::uint64_t{1} << s.coder;
        d.start = std::min(d.start, s.start);
        d.end = std::max(d.end, s.end);
        if (std::find(d.spans.begin(), d.spans.end(), i) == d.spans.end()) d.spans.push_back(i);
      }
    } else {
      for (std::uint32_t coder = 0; coder < data.coders; ++coder) {
        if (applied >> coder & 1) continue;
        for (auto i : p.spans) {
          if (data.spans[i].coder == coder) d.kind = DisagreementKind::kAnotherCode;
        }
      }
    }
    std::sort(d.spans.begin(), d.spans.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = data.spans[a];
      const auto& y = data.spans[b];
      return std::tie(x.start, x.coder, x.end, a) < std::tie(y.start, y.coder, y.end, b);
    });
    out.push_back(std::move(d));
  }
};

}  // namespace

const char* disagreement_kind_name(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::kBoundaries:
      return "boundaries";
    case DisagreementKind::kAnotherCode:
      return "other-code";
    case DisagreementKind::kNotCoded:
      return "missing";
  }
  return "missing";
}

std::vector<Disagreement> disagreements(const AgreementData& data, double min_overlap) {
  CodingsByCoder by_coder(data);
  Finder finder{data, by_coder, {}, {}};
  std::uint64_t everyone =
      data.coders >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << data.coders) - 1;
  for (const auto& p : passages(data, min_overlap)) {
    std::map<std::uint32_t, std::uint64_t> applied;  // code: coders
    for (auto i : p.spans) {
      const auto& s = data.spans[i];
      if (s.code < data.codes) applied[s.code] |= std::uint64_t{1} << s.coder;
    }
    for (auto [code, coders] : applied) {
      if (coders != everyone) finder.check(p, code, coders);
    }
  }
  std::stable_sort(
      finder.out.begin(), finder.out.end(), [](const Disagreement& a, const Disagreement& b) {
        return std::tie(a.document, a.start, a.code) < std::tie(b.document, b.start, b.code);
      });
  return std::move(finder.out);
}

}  // namespace thematica
