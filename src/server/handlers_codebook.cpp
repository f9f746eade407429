// The codebook: list, add, rename/move/describe, merge, delete, import a codebook file.

#include "server/handlers.hpp"
#include "services/codebook_service.hpp"
#include "services/qdc_exchange.hpp"
#include "services/starter_codebooks.hpp"

namespace thematica::server {
namespace {

Result<CodeEdits> code_edits(const Json& body) {
  CodeEdits edits;
  TRY(colour, checked_optional_string(body, "colour"));
  TRY(definition, checked_optional_string(body, "definition"));
  TRY(when_to_use, checked_optional_string(body, "when_to_use"));
  TRY(when_not_to_use, checked_optional_string(body, "when_not_to_use"));
  TRY(example, checked_optional_string(body, "example"));
  edits.colour = std::move(colour);
  edits.definition = std::move(definition);
  edits.when_to_use = std::move(when_to_use);
  edits.when_not_to_use = std::move(when_not_to_use);
  edits.example = std::move(example);
  return edits;
}

bool has_edits(const CodeEdits& e) {
  return e.colour || e.definition || e.when_to_use || e.when_not_to_use || e.example;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<Reply> get_codes(Store& store, const ApiRequest&) {
  TRY(codes, list_codes(store));
  return ok(Json{{"codes", codes}});
}

Result<Reply> post_code(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(path, string_field(body, "path"));
  TRY(edits, code_edits(body));
  TRY(event, add_code(ServiceContext{store, coder}, path, edits));
  return ok(Json{{"event", event}, {"path", path}}, 201);
}

// Describes, then moves, then renames, so each step finds the code where the last one left it.
// Each step is its own change in the log.
Result<Reply> patch_code(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(path, string_field(body, "path"));
  TRY(edits, code_edits(body));
  TRY(parent, checked_optional_string(body, "parent"));
  TRY(name, checked_optional_string(body, "name"));
  ServiceContext ctx{store, coder};
  Json events = Json::array();
  if (has_edits(edits)) {
    TRY(event, edit_code(ctx, path, edits));
    events.push_back(event);
  }
  if (parent) {
    TRY(event, move_code(ctx, path, *parent));
    events.push_back(event);
    auto slash = path.rfind('/');
    std::string leaf = slash == std::string::npos ? path : path.substr(slash + 1);
    path = parent->empty() ? leaf : *parent + "/" + leaf;
  }
  if (name) {
    TRY(event, rename_code(ctx, path, *name));
    events.push_back(event);
  }
  return ok(Json{{"events", events}});
}

Result<Reply> merge_code(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(source, string_field(body, "source"));
  TRY(target, string_field(body, "target"));
  TRY(event, merge_codes(ServiceContext{store, coder}, source, target));
  return event_reply(event);
}

Result<Reply> delete_code(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  auto path = request.param("path");
  if (!path || path->empty()) return fail(ErrorKind::kInvalidInput, "name the code: ?path=...");
  bool force = request.param("force").value_or("") == "true";
  TRY(event, thematica::delete_code(ServiceContext{store, coder}, *path, force));
  return event_reply(event);
}

// A REFI-QDA codebook (.qdc) or our CSV codebook, told apart by the file name.
Result<Reply> import_codebook(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  if (request.files.size() != 1) {
    return fail(ErrorKind::kInvalidInput, "send one codebook file (.qdc or .csv)");
  }
  const UploadedFile& file = request.files.front();
  ServiceContext ctx{store, coder};
  if (ends_with(file.name, ".qdc")) {
    TRY(report, import_codebook_qdc(ctx, file.content));
    return ok(Json(report));
  }
  if (ends_with(file.name, ".csv")) {
    TRY(report, import_codebook_csv(ctx, file.content));
    return ok(Json{{"event", report.event}, {"added", report.added}, {"updated", report.updated}});
  }
  return failf(ErrorKind::kInvalidInput,
               "'{}' is not a codebook file: use a REFI-QDA codebook (.qdc) or a CSV codebook",
               file.name);
}

Result<Reply> get_starter_codebooks(Store&, const ApiRequest&) {
  TRY(starters, starter_codebooks());
  return ok(Json(starters));
}

Result<Reply> import_starter(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(report, import_starter_codebook(ServiceContext{store, coder}, request.matches.at(0)));
  return ok(Json(report));
}

}  // namespace thematica::server
