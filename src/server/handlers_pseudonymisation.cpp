// The pseudonymisation review in the workspace: the same review the CLI shows, decisions on it,
// spans added from a selection, chosen pseudonyms, and applying it with the server's key.

#include "server/handlers.hpp"
#include "services/pseudonymisation_apply.hpp"

namespace thematica::server {
namespace {

// The review as the server sees it: its list of known identifiers, and the key when it has one.
Result<ReviewBasis> review_basis(Store& store, const ApiRequest& request) {
  ReviewBasis basis;
  if (request.known) basis.known = *request.known;
  if (request.key) {
    TRY(key, read_key(store, *request.key));
    basis.key = std::move(key);
  }
  return basis;
}

Result<double> confidence_field(const Json& body, const char* name, double otherwise) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return otherwise;
  if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
    return failf(ErrorKind::kInvalidInput, "'{}' must be a confidence from 0 to 1", name);
  }
  return it->get<double>();
}

Result<ReviewVerdict> verdict_field(const Json& body) {
  TRY(verdict, string_field(body, "verdict"));
  if (verdict == "accept") return ReviewVerdict::kAccept;
  if (verdict == "reject") return ReviewVerdict::kReject;
  if (verdict == "undecide") return ReviewVerdict::kUndecided;
  return failf(ErrorKind::kInvalidInput, "'verdict' must be accept, reject or undecide, not '{}'",
               verdict);
}

}  // namespace

Result<Reply> get_review(Store& store, const ApiRequest& request) {
  TRY(basis, review_basis(store, request));
  TRY(review, review_pseudonyms(store, basis, request.params("doc")));
  Json out = review;
  out["can_apply"] = request.key != nullptr;
  return ok(std::move(out));
}

Result<Reply> post_review_decision(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(verdict, verdict_field(body));
  ReviewSelection selection;
  TRY(refs, string_list(body, "refs"));
  selection.refs = std::move(refs);
  selection.entity = optional_string(body, "entity").value_or("");
  TRY(pending, bool_field(body, "pending"));
  selection.pending = pending.value_or(false);
  TRY(min, confidence_field(body, "min_confidence", 0));
  TRY(below, confidence_field(body, "below", 2));
  selection.min_confidence = min;
  selection.below_confidence = below;
  TRY(documents, string_list(body, "documents"));
  selection.documents = std::move(documents);
  TRY(basis, review_basis(store, request));
  TRY(change, decide_review(ServiceContext{store, coder}, basis, selection, verdict));
  return ok(change);
}

Result<Reply> post_review_span(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(document, string_field(body, "document"));
  TRY(start, position_field(body, "start"));
  TRY(end, position_field(body, "end"));
  if (!start || !end) {
    return fail(ErrorKind::kInvalidInput, "say where the span is: 'start' and 'end'");
  }
  std::optional<IdentifierCategory> category;
  if (auto name = optional_string(body, "category"); name && !name->empty()) {
    category = category_from_name(*name);
    if (!category) return failf(ErrorKind::kInvalidInput, "unknown category '{}'", *name);
  }
  PassageRef where;
  where.range = Range{*start, *end};
  TRY(basis, review_basis(store, request));
  TRY(item, add_review_span(ServiceContext{store, coder}, basis, document, where, category));
  TRY(events, store.events(1));
  return ok(Json{{"item", item}, {"event", events.at(0)}}, 201);
}

Result<Reply> put_review_pseudonym(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(entity, string_field(body, "entity"));
  std::string pseudonym = optional_string(body, "pseudonym").value_or("");
  TRY(basis, review_basis(store, request));
  TRY(change, choose_review_pseudonym(ServiceContext{store, coder}, basis, entity, pseudonym));
  return ok(change);
}

Result<Reply> post_review_apply(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  if (!request.key) {
    return fail(ErrorKind::kInvalidInput,
                "applying writes the key file: start the workspace with 'thematica serve "
                "--key-file FILE --passphrase-file FILE'");
  }
  ApplyRequest apply;
  if (request.known) apply.known = *request.known;
  apply.key = *request.key;
  apply.automatic = false;
  TRY(summary, apply_pseudonyms(ServiceContext{store, coder}, apply));
  TRY(events, store.events(1));
  Json out = summary;
  out["event"] = events.at(0);
  return ok(std::move(out));
}

}  // namespace thematica::server
