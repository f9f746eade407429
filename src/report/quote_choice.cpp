#include "report/quote_choice.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace thematica::report {
namespace {

bool earlier(const QuoteCandidate& a, const QuoteCandidate& b) {
  return std::tie(a.document, a.start, a.length) < std::tie(b.document, b.start, b.length);
}

bool preferred_length(const QuoteCandidate& c) {
  return c.length >= kShortestPreferred && c.length <= kLongestPreferred;
}

// Unknown ("") sorts after every named group or speaker.
bool before_by_name(std::string_view a, std::string_view b) {
  if (a.empty() != b.empty()) return b.empty();
  return a < b;
}

class Chooser {
 public:
  explicit Chooser(const std::vector<QuoteCandidate>& candidates) : candidates_(candidates) {
    order_.resize(candidates.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return earlier(candidates_[a], candidates_[b]);
    });
  }

  // Whether candidate `i` may still be taken; the researcher's own choices may share a turn.
  bool free(std::size_t i, bool any_turn = false) const {
    const QuoteCandidate& c = candidates_[i];
    if (chosen_.count(i) > 0) return false;
    if (!any_turn && c.turn >= 0 && turns_.count({c.document, c.turn}) > 0) return false;
    return passages_.count({c.document, c.start, c.length}) == 0;
  }

  void take(std::size_t i) {
    const QuoteCandidate& c = candidates_[i];
    chosen_.insert(i);
    if (c.turn >= 0) turns_.insert({c.document, c.turn});
    passages_.insert({c.document, c.start, c.length});
    ++by_group_[c.group];
    ++by_speaker_[c.speaker];
  }

  // The next quote of the fill, or false when none is left.
  bool take_one_more() {
    std::size_t best = order_.size();
    for (std::size_t k = 0; k < order_.size(); ++k) {
      std::size_t i = order_[k];
      if (!free(i)) continue;
      if (best == order_.size() || better(i, order_[best])) best = k;
    }
    if (best == order_.size()) return false;
    take(order_[best]);
    return true;
  }

  const std::vector<std::size_t>& order() const { return order_; }
  std::vector<std::size_t> chosen_in_order() const {
    std::vector<std::size_t> out;
    for (std::size_t i : order_) {
      if (chosen_.count(i) > 0) out.push_back(i);
    }
    return out;
  }

 private:
  int count(const std::map<std::string_view, int>& counts, std::string_view key) const {
    auto found = counts.find(key);
    return found == counts.end() ? 0 : found->second;
  }

  // Whether candidate `a` goes before `b` (which comes earlier in document order).
  bool better(std::size_t a, std::size_t b) const {
    const QuoteCandidate& x = candidates_[a];
    const QuoteCandidate& y = candidates_[b];
    int gx = count(by_group_, x.group), gy = count(by_group_, y.group);
    if (gx != gy) return gx < gy;
    if (x.group != y.group) return before_by_name(x.group, y.group);
    int sx = count(by_speaker_, x.speaker), sy = count(by_speaker_, y.speaker);
    if (sx != sy) return sx < sy;
    if (x.speaker != y.speaker) return before_by_name(x.speaker, y.speaker);
    return preferred_length(x) && !preferred_length(y);
  }

  const std::vector<QuoteCandidate>& candidates_;
  std::vector<std::size_t> order_;  // candidate indices in document order
  std::set<std::size_t> chosen_;
  std::set<std::pair<std::string_view, std::int64_t>> turns_;
  std::set<std::tuple<std::string_view, std::uint64_t, std::uint64_t>> passages_;
  std::map<std::string_view, int> by_group_;
  std::map<std::string_view, int> by_speaker_;
};

}  // namespace

std::vector<std::size_t> choose_quotes(const std::vector<QuoteCandidate>& candidates,
                                       std::size_t n) {
  Chooser chooser(candidates);
  std::size_t taken = 0;
  for (std::size_t i : chooser.order()) {
    if (taken == n) break;
    if (candidates[i].representative && chooser.free(i, /*any_turn=*/true)) {
      chooser.take(i);
      ++taken;
    }
  }
  while (taken < n && chooser.take_one_more()) ++taken;
  return chooser.chosen_in_order();
}

}  // namespace thematica::report
