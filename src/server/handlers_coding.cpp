// Codings (apply, change, remove) and memos.

#include "server/handlers.hpp"
#include "services/coding_service.hpp"
#include "services/memos.hpp"

namespace thematica::server {
namespace {

// "start" and "end" come together or not at all.
Result<std::optional<Range>> range_fields(const Json& body) {
  TRY(start, position_field(body, "start"));
  TRY(end, position_field(body, "end"));
  if (start.has_value() != end.has_value()) {
    return fail(ErrorKind::kInvalidInput, "give both 'start' and 'end', or neither");
  }
  if (!start) return std::optional<Range>();
  return std::optional<Range>(Range{*start, *end});
}

Result<MemoTarget> memo_target(const std::string& name) {
  for (auto target :
       {MemoTarget::kProject, MemoTarget::kDocument, MemoTarget::kCode, MemoTarget::kCoding}) {
    if (name == memo_target_name(target)) return target;
  }
  return failf(ErrorKind::kInvalidInput,
               "'target' must be project, document, code or coding, not '{}'", name);
}

}  // namespace

Result<Reply> post_coding(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  CodingRequest coding;
  TRY(document, string_field(body, "document"));
  TRY(code, string_field(body, "code"));
  TRY(range, range_fields(body));
  if (!range) return fail(ErrorKind::kInvalidInput, "'start' and 'end' are required");
  TRY(important, bool_field(body, "important"));
  TRY(representative, bool_field(body, "representative"));
  coding.document = std::move(document);
  coding.code = std::move(code);
  coding.coder = coder;
  coding.passage.range = range;
  coding.comment = optional_string(body, "comment").value_or("");
  coding.important = important.value_or(false);
  coding.representative = representative.value_or(false);
  TRY(applied, apply_coding(ServiceContext{store, coder}, coding));
  return ok(Json{{"event", applied.event}, {"coding", applied.coding}}, 201);
}

Result<Reply> patch_coding(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(id, request.id(0));
  TRY(body, request.json());
  RecodeRequest change;
  change.coding_id = id;
  TRY(code, checked_optional_string(body, "code"));
  TRY(comment, checked_optional_string(body, "comment"));
  TRY(range, range_fields(body));
  TRY(important, bool_field(body, "important"));
  TRY(representative, bool_field(body, "representative"));
  change.code = std::move(code);
  change.comment = std::move(comment);
  change.range = range;
  change.important = important;
  change.representative = representative;
  TRY(event, recode(ServiceContext{store, coder}, change));
  return event_reply(event);
}

Result<Reply> delete_coding(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(id, request.id(0));
  TRY(event, remove_coding(ServiceContext{store, coder}, id));
  return event_reply(event);
}

Result<Reply> get_memos(Store& store, const ApiRequest&) {
  TRY(memos, list_memos(store));
  return ok(Json{{"memos", memos}});
}

Result<Reply> post_memo(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(target_name, string_field(body, "target"));
  TRY(target, memo_target(target_name));
  TRY(text, string_field(body, "text"));
  MemoRequest memo{target, optional_string(body, "reference").value_or(""), text, coder};
  TRY(event, add_memo(ServiceContext{store, coder}, memo));
  return event_reply(event);
}

}  // namespace thematica::server
