#include "analysis/code_overlap.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace thematica {
namespace {

// The ranges of one group in one document, sorted by start, with the largest end seen so far:
// "does any range overlap [s, e)" is then one binary search.
struct RangeIndex {
  std::vector<Range> ranges;
  std::vector<std::uint64_t> max_end;

  void seal() {
    std::sort(ranges.begin(), ranges.end(),
              [](const Range& a, const Range& b) { return a.start < b.start; });
    max_end.resize(ranges.size());
    std::uint64_t m = 0;
    for (std::size_t i = 0; i < ranges.size(); ++i) max_end[i] = m = std::max(m, ranges[i].end);
  }

  bool overlaps(const Range& r) const {
    auto first_after =
        std::lower_bound(ranges.begin(), ranges.end(), r.end,
                         [](const Range& a, std::uint64_t e) { return a.start < e; });
    auto count = static_cast<std::size_t>(first_after - ranges.begin());
    return count > 0 && max_end[count - 1] > r.start;
  }
};

}  // namespace

std::vector<bool> overlapping_every_code(const std::vector<Coding>& codings,
                                         const std::vector<std::vector<Id>>& groups) {
  std::unordered_map<Id, std::size_t> group_of;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (Id id : groups[g]) group_of.emplace(id, g);
  }
  std::map<std::pair<Id, std::size_t>, RangeIndex> index;  // (document, group) -> ranges
  for (const auto& c : codings) {
    auto g = group_of.find(c.code_id);
    if (g != group_of.end()) index[{c.document_id, g->second}].ranges.push_back(c.range);
  }
  for (auto& [key, ranges] : index) ranges.seal();

  std::vector<bool> keep(codings.size(), false);
  for (std::size_t i = 0; i < codings.size(); ++i) {
    auto own = group_of.find(codings[i].code_id);
    if (own == group_of.end()) continue;
    bool all = true;
    for (std::size_t g = 0; g < groups.size() && all; ++g) {
      if (g == own->second) continue;
      auto it = index.find({codings[i].document_id, g});
      all = it != index.end() && it->second.overlaps(codings[i].range);
    }
    keep[i] = all;
  }
  return keep;
}

}  // namespace thematica
