// Agreement between coders, their disagreements side by side, reconciliation, assignments.

#include <cstdlib>

#include "server/handlers.hpp"
#include "services/agreement_history.hpp"
#include "services/assignments.hpp"
#include "services/project_agreement.hpp"
#include "services/reconciliation.hpp"

namespace thematica::server {
namespace {

// The web view computes a narrower interval quickly; the CLI's default is 20,000 samples.
constexpr std::size_t kWebBootstrapSamples = 2000;

Result<AgreementScope> scope_from(const ApiRequest& request) {
  AgreementScope scope;
  scope.coders = request.params("coder");
  scope.codes = request.params("code");
  scope.documents = request.params("document");
  scope.groups = request.params("group");
  if (auto overlap = request.param("overlap")) {
    char* end = nullptr;
    double percent = std::strtod(overlap->c_str(), &end);
    if (end == overlap->c_str() || *end != '\0' || !(percent > 0 && percent <= 100)) {
      return failf(ErrorKind::kInvalidInput, "'overlap' must be a percentage in (0, 100], not '{}'",
                   *overlap);
    }
    scope.min_overlap = percent / 100;
  }
  return scope;
}

Result<Resolution> resolution_from(const std::string& name) {
  for (auto r : {Resolution::kTake, Resolution::kBoth, Resolution::kAdjust, Resolution::kDiscard}) {
    if (name == resolution_name(r)) return r;
  }
  return failf(ErrorKind::kInvalidInput,
               "'resolution' must be take, both, adjust or discard, not '{}'", name);
}

}  // namespace

Result<Reply> post_agreement(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  ProjectAgreementOptions options;
  TRY(scope, scope_from(request));
  options.scope = std::move(scope);
  TRY(unit, parse_agreement_unit(request.param("unit").value_or("segment")));
  options.unit = unit;
  options.bootstrap = BootstrapOptions{};
  options.bootstrap->samples = kWebBootstrapSamples;
  TRY(result, project_agreement(store, options));
  TRY(run, record_agreement(ServiceContext{store, coder}, result));
  Json json(result);
  json["run"] = run;
  return ok(std::move(json));
}

Result<Reply> get_disagreements(Store& store, const ApiRequest& request) {
  TRY(scope, scope_from(request));
  std::uint64_t context = 80;
  if (auto text = request.param("context")) context = std::strtoull(text->c_str(), nullptr, 10);
  TRY(list, list_disagreements(store, scope, context));
  return ok(Json(list));
}

// {"coders": [...], "item": N, "resolution": "take", "take": "alice", "start": S, "end": E,
//  "memo": "...", "consensus": "consensus"}
Result<Reply> post_reconcile(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  ReconcileRequest r;
  TRY(coders, string_list(body, "coders"));
  r.scope.coders = std::move(coders);
  auto item = body.find("item");
  if (item == body.end() || !item->is_number_unsigned()) {
    return fail(ErrorKind::kInvalidInput, "'item' (the disagreement's number) is required");
  }
  r.item = item->get<std::size_t>();
  TRY(resolution_text, string_field(body, "resolution"));
  TRY(resolution, resolution_from(resolution_text));
  r.resolution = resolution;
  r.take = optional_string(body, "take").value_or("");
  TRY(start, position_field(body, "start"));
  TRY(end, position_field(body, "end"));
  if (start && end) r.range = Range{*start, *end};
  r.memo = optional_string(body, "memo").value_or("");
  r.consensus = optional_string(body, "consensus").value_or("consensus");
  TRY(event, reconcile(ServiceContext{store, coder}, r));
  return event_reply(event);
}

Result<Reply> get_assignments(Store& store, const ApiRequest&) {
  TRY(assignments, list_assignments(store));
  return ok(Json{{"assignments", assignments}});
}

// {"coder": "alice", "documents": [...], "groups": [...], "remove": false}
Result<Reply> post_assignment(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  AssignRequest assign;
  TRY(assignee, string_field(body, "coder"));
  TRY(documents, string_list(body, "documents"));
  TRY(groups, string_list(body, "groups"));
  TRY(remove, bool_field(body, "remove"));
  assign.coder = std::move(assignee);
  assign.documents = std::move(documents);
  assign.groups = std::move(groups);
  assign.remove = remove.value_or(false);
  TRY(event, assign_documents(ServiceContext{store, coder}, assign));
  return event_reply(event);
}

}  // namespace thematica::server
