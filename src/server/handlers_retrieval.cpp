// Retrieval of coded segments (also as CSV), full-text search, and coding every hit.

#include <charconv>

#include "server/handlers.hpp"
#include "services/retrieval.hpp"
#include "services/search_service.hpp"

namespace thematica::server {
namespace {

Result<std::uint64_t> number_param(const ApiRequest& request, const char* name,
                                   std::uint64_t fallback) {
  auto text = request.param(name);
  if (!text || text->empty()) return fallback;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return failf(ErrorKind::kInvalidInput, "'{}' must be a whole number, not '{}'", name, *text);
  }
  return value;
}

Result<SegmentQuery> segment_query(const ApiRequest& request) {
  SegmentQuery q;
  q.codes = request.params("code");
  q.include_subcodes = request.param("subcodes").value_or("") == "true";
  q.overlapping = request.param("match").value_or("any") == "overlap";
  q.coders = request.params("coder");
  q.documents = request.params("document");
  if (auto group = request.param("group"); group && !group->empty()) q.group = *group;
  for (const auto& condition : request.params("where")) {
    auto eq = condition.find('=');
    if (eq == std::string::npos || eq == 0) {
      return failf(ErrorKind::kInvalidInput, "'where' must be variable=value, not '{}'", condition);
    }
    q.where.emplace_back(condition.substr(0, eq), condition.substr(eq + 1));
  }
  TRY(context, number_param(request, "context", 80));
  q.context = context;
  return q;
}

}  // namespace

Result<Reply> get_segments(Store& store, const ApiRequest& request) {
  TRY(query, segment_query(request));
  TRY(segments, find_segments(store, query));
  if (request.param("format").value_or("json") == "csv") {
    Reply reply;
    reply.raw = segments_csv(segments);
    reply.content_type = "text/csv; charset=utf-8";
    reply.filename = "segments.csv";
    return reply;
  }
  return ok(Json{{"segments", segments}});
}

Result<Reply> get_search(Store& store, const ApiRequest& request) {
  SearchQuery query;
  query.query = request.param("q").value_or("");
  if (query.query.empty()) return fail(ErrorKind::kInvalidInput, "type something to search for");
  TRY(limit, number_param(request, "limit", 200));
  TRY(context, number_param(request, "context", 60));
  query.limit = static_cast<std::int64_t>(limit);
  query.context = context;
  TRY(hits, search_text(store, query));
  return ok(Json{{"hits", hits}});
}

Result<Reply> code_search(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(query, string_field(body, "query"));
  TRY(code, string_field(body, "code"));
  TRY(result, code_search_hits(ServiceContext{store, coder}, query, code, coder));
  return ok(Json{{"event", result.event}, {"hits", result.hits}, {"coded", result.coded}});
}

}  // namespace thematica::server
