#include "services/memos.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "services/lookup.hpp"

namespace thematica {
namespace {

Result<std::optional<Id>> resolve_target(Store& store, const MemoRequest& r) {
  switch (r.target) {
    case MemoTarget::kProject:
      return std::optional<Id>();
    case MemoTarget::kDocument: {
      TRY(doc, require_document(store, r.reference));
      return std::optional<Id>(doc.id);
    }
    case MemoTarget::kCode: {
      TRY(book, load_codebook(store));
      TRY(code, book.resolve(r.reference));
      return std::optional<Id>(code->id);
    }
    case MemoTarget::kCoding: {
      Id id = 0;
      auto [ptr, ec] =
          std::from_chars(r.reference.data(), r.reference.data() + r.reference.size(), id);
      TRY(found, store.find_coding(id));
      if (ec != std::errc() || ptr != r.reference.data() + r.reference.size() || !found) {
        return failf(ErrorKind::kNotFound, "no coding #{}; 'thematica segments' shows coding ids",
                     r.reference);
      }
      return std::optional<Id>(id);
    }
  }
  return fail(ErrorKind::kInternal, "unknown memo target");
}

}  // namespace

Result<Event> add_memo(const ServiceContext& ctx, const MemoRequest& request) {
  if (request.text.empty()) return fail(ErrorKind::kInvalidInput, "the memo text is empty");
  return ctx.store.change("memo.add", request.coder, [&]() -> Result<std::string> {
    TRY(target_id, resolve_target(ctx.store, request));
    TRY(coder, ensure_coder(ctx.store, request.coder));
    Memo memo;
    memo.target = request.target;
    memo.target_id = target_id;
    memo.coder_id = coder.id;
    memo.text = request.text;
    TRY(id, ctx.store.insert_memo(memo));
    std::string on = request.target == MemoTarget::kCoding ? " #" + request.reference
                     : request.reference.empty()           ? ""
                                                           : " '" + request.reference + "'";
    return fmt::format("added memo #{} on {}{}", id, memo_target_name(request.target), on);
  });
}

Result<Event> delete_memo(const ServiceContext& ctx, Id memo_id) {
  return ctx.store.change("memo.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY(all, ctx.store.memos());
    auto it = std::find_if(all.begin(), all.end(), [&](const Memo& m) { return m.id == memo_id; });
    if (it == all.end()) {
      return failf(ErrorKind::kNotFound, "no memo #{}; 'thematica memo list' shows them", memo_id);
    }
    TRY_STATUS(ctx.store.delete_memo(memo_id));
    return fmt::format("deleted memo #{}", memo_id);
  });
}

Result<std::vector<MemoSummary>> list_memos(Store& store) {
  TRY(memos, store.memos());
  TRY(docs, store.documents());
  TRY(coders, store.coders());
  TRY(book, load_codebook(store));
  std::map<Id, std::string> doc_names, coder_names;
  for (const auto& d : docs) doc_names[d.id] = d.name;
  for (const auto& c : coders) coder_names[c.id] = c.name;
  std::vector<MemoSummary> out;
  for (auto& m : memos) {
    std::string target;
    if (m.target == MemoTarget::kDocument) target = doc_names[*m.target_id];
    if (m.target == MemoTarget::kCode) target = book.path_of(*m.target_id);
    if (m.target == MemoTarget::kCoding) target = "#" + std::to_string(*m.target_id);
    std::string coder = coder_names[m.coder_id];
    out.push_back(MemoSummary{std::move(m), target, coder});
  }
  return out;
}

}  // namespace thematica
