#include "services/search_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

// Distinct ranges of a document's hits in code points, overlapping ones merged.
std::vector<Range> hit_ranges(const Text& text, const SearchHit& hit) {
  std::vector<Range> ranges;
  for (const auto& [from, to] : hit.byte_spans) {
    ranges.push_back(Range{text.code_point_offset(from), text.code_point_offset(to)});
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.start < b.start; });
  std::vector<Range> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// Calls visit(document id, text, range) for each hit, in document order, until it returns false.
template <class Visit>
Status for_each_hit(Store& store, const std::string& query, Visit visit) {
  if (query.empty()) return fail(ErrorKind::kInvalidInput, "the search query is empty");
  Status failed;
  TRY_STATUS(store.search(query, [&](const SearchHit& hit) {
    auto text = store.document_text(hit.document_id).and_then([](std::string raw) {
      return Text::from_utf8(std::move(raw));
    });
    if (!text) {
      failed = tl::unexpected(text.error());
      return false;
    }
    for (const Range& r : hit_ranges(*text, hit)) {
      if (!visit(hit.document_id, *text, r)) return false;
    }
    return true;
  }));
  return failed;
}

}  // namespace

Result<std::vector<SearchResult>> search_text(Store& store, const SearchQuery& q) {
  TRY(docs, store.documents());
  std::vector<SearchResult> out;
  auto name_of = [&](Id id) {
    auto it = std::find_if(docs.begin(), docs.end(), [&](const Document& d) { return d.id == id; });
    return it == docs.end() ? std::string() : it->name;
  };
  if (q.limit <= 0) return out;
  TRY_STATUS(for_each_hit(store, q.query, [&](Id doc, const Text& text, const Range& r) {
    std::uint64_t from = r.start > q.context ? r.start - q.context : 0;
    std::uint64_t to = std::min(text.length(), r.end + q.context);
    out.push_back(SearchResult{name_of(doc), r, std::string(text.slice(r)),
                               std::string(text.slice(Range{from, r.start})),
                               std::string(text.slice(Range{r.end, to}))});
    return static_cast<std::int64_t>(out.size()) < q.limit;
  }));
  return out;
}

Result<CodeHitsResult> code_search_hits(const ServiceContext& ctx, const std::string& query,
                                        const std::string& code, const std::string& coder) {
  CodeHitsResult result;
  auto event = ctx.store.change("coding.code_hits", coder, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    TRY(target, book.resolve(code));
    TRY(who, ensure_coder(ctx.store, coder));
    std::vector<NewCoding> codings;
    TRY_STATUS(for_each_hit(ctx.store, query, [&](Id doc, const Text&, const Range& r) {
      codings.push_back(NewCoding{doc, target->id, who.id, r, {}, {}, {}});
      return true;
    }));
    result.hits = static_cast<std::int64_t>(codings.size());
    TRY(inserted, ctx.store.insert_codings(codings));
    result.coded = inserted;
    return fmt::format("coded {} of '{}' as '{}' ({} already coded)", count_of(inserted, "hit"),
                       query, book.path_of(target->id), result.hits - inserted);
  });
  if (!event) return tl::unexpected(event.error());
  result.event = *event;
  return result;
}

}  // namespace thematica
