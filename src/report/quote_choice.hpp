#pragma once
// Which quotes a theme table shows: the researcher's representative quotes first, then a fill
// that spreads the rest over participant groups and speakers. Deterministic: the same candidates
// always give the same choice (docs/methods/reports.md states the rule for methods sections).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thematica::report {

// Views into the caller's strings, which must outlive choose_quotes (a theme may have hundreds of
// thousands of candidates: nothing is copied).
struct QuoteCandidate {
  std::string_view document;  // documents are ordered by name
  std::uint64_t start = 0;    // code points into the document
  std::uint64_t length = 0;   // code points
  // The turn the quote starts in (its position in the document), or -1 outside any turn.
  std::int64_t turn = -1;
  std::string_view speaker;  // "" when not known (not a transcript)
  std::string_view group;    // the speaker's group, "" when not known
  bool representative = false;
};

// Quotes this long (in code points) are preferred when filling: long enough to say something,
// short enough for a table cell.
inline constexpr std::uint64_t kShortestPreferred = 40;
inline constexpr std::uint64_t kLongestPreferred = 600;

// Indices into `candidates` of at most `n` quotes, in the order a table lists them (document,
// then position). The rule:
//   1. every representative quote, in document order, up to `n`;
//   2. then, while fewer than `n` are chosen, one more quote from the group with the fewest
//      chosen so far (ties: the group first by name, unknown last), from its speaker with the
//      fewest chosen (ties: by name), preferring a length between kShortestPreferred and
//      kLongestPreferred, then the earliest in document order;
//   never two from the same turn of the same document (representative quotes excepted: the
//   researcher chose them), and never the same passage twice.
// Fewer than `n` come back when the candidates run out.
std::vector<std::size_t> choose_quotes(const std::vector<QuoteCandidate>& candidates,
                                       std::size_t n);

}  // namespace thematica::report
