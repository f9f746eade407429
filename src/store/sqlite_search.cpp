// Full-text search for SqliteStore: FTS5 finds the documents; an auxiliary function of ours,
// match_spans(), reports the byte span of every matched phrase instance so that callers can turn
// them into exact code-point positions.

#include <string>

#include "store/sqlite_store.hpp"

namespace thematica {
namespace {

struct TokenWalk {
  std::vector<std::pair<int, int>> wanted;  // [first token, last token] of each instance
  std::vector<std::pair<int, int>> spans;   // byte spans found so far, same order as wanted
  int token = 0;
};

int on_token(void* context, int flags, const char*, int, int start, int end) {
  auto* walk = static_cast<TokenWalk*>(context);
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;  // synonyms share the position before them
  for (std::size_t i = 0; i < walk->wanted.size(); ++i) {
    if (walk->wanted[i].first == walk->token) walk->spans[i].first = start;
    if (walk->wanted[i].second == walk->token) walk->spans[i].second = end;
  }
  ++walk->token;
  return SQLITE_OK;
}

// match_spans(table): "start:end start:end ..." in bytes, one pair per phrase instance.
void match_spans(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
                 sqlite3_value**) {
  int instances = 0;
  if (api->xInstCount(fts, &instances) != SQLITE_OK) {
    sqlite3_result_error(ctx, "match_spans: cannot count instances", -1);
    return;
  }
  TokenWalk walk;
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    api->xInst(fts, i, &phrase, &column, &offset);
    walk.wanted.emplace_back(offset, offset + api->xPhraseSize(fts, phrase) - 1);
  }
  walk.spans.assign(walk.wanted.size(), {-1, -1});
  const char* text = nullptr;
  int size = 0;
  if (!walk.wanted.empty() && api->xColumnText(fts, 0, &text, &size) == SQLITE_OK) {
    api->xTokenize(fts, text, size, &walk, on_token);
  }
  std::string out;
  for (const auto& [start, end] : walk.spans) {
    if (start < 0 || end < start) continue;
    out += std::to_string(start) + ':' + std::to_string(end) + ' ';
  }
  sqlite3_result_text(ctx, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

Status SqliteStore::register_search_functions() {
  sqlite3* db = db_.handle();
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return fail(ErrorKind::kUnsupported, "this SQLite has no FTS5; search is unavailable");
  }
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr || api->iVersion < 2) {
    return fail(ErrorKind::kUnsupported, "this SQLite's FTS5 is too old for search");
  }
  api->xCreateFunction(api, "match_spans", nullptr, match_spans, nullptr);
  return {};
}

namespace {

std::vector<std::pair<std::size_t, std::size_t>> parse_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t colon = text.find(':', pos);
    std::size_t space = text.find(' ', colon);
    spans.emplace_back(std::stoull(std::string(text.substr(pos, colon - pos))),
                       std::stoull(std::string(text.substr(colon + 1, space - colon - 1))));
    pos = space + 1;
  }
  return spans;
}

}  // namespace

Status SqliteStore::search(std::string_view query,
                           const std::function<bool(const SearchHit&)>& visit) {
  TRY(stmt, db_.prepare("SELECT rowid, match_spans(document_search) FROM document_search "
                        "WHERE document_search MATCH ? ORDER BY rowid"));
  stmt.bind(1, query);
  while (true) {
    auto row = stmt.step();
    if (!row) {
      return failf(ErrorKind::kInvalidInput,
                   "search query '{}' is malformed ({}); quote phrases as \"...\" and use AND, "
                   "OR, NOT in capitals",
                   query, row.error().message);
    }
    if (!*row) break;
    if (!visit(SearchHit{stmt.integer(0), parse_spans(stmt.text_view(1))})) break;
  }
  return {};
}

}  // namespace thematica
