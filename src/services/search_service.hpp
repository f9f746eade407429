#pragma once
// Full-text search with exact code-point positions, and "code all hits".

#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

struct SearchQuery {
  std::string query;           // FTS5 syntax: words, "phrases", prefix*, AND OR NOT, NEAR(...)
  std::int64_t limit = 100;    // at most this many hits
  std::uint64_t context = 40;  // code points of context on each side
};

struct SearchResult {
  std::string document;
  Range range;         // code points in the canonical text
  std::string text;    // the matched text as it is in the document
  std::string before;  // context
  std::string after;
};

// Hits in document order, then by position; overlapping matches are merged. Matching ignores
// case and diacritics. Errors: kInvalidInput for a malformed query.
Result<std::vector<SearchResult>> search_text(Store& store, const SearchQuery& query);

struct CodeHitsResult {
  Event event;
  std::int64_t hits = 0;
  std::int64_t coded = 0;  // hits that were not already coded so
};
// Codes every hit of `query` (no limit) with `code` as `coder`, in one change.
Result<CodeHitsResult> code_search_hits(const ServiceContext& ctx, const std::string& query,
                                        const std::string& code, const std::string& coder);

}  // namespace thematica
