#include "services/assignments.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "services/lookup.hpp"

namespace thematica {
namespace {

Result<std::set<Id>> named_documents(Store& store, const AssignRequest& request) {
  TRY(ids, require_documents(store, request.documents, request.groups));
  if (ids.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "name the documents with --doc or --group (a group with no documents assigns "
                "nothing)");
  }
  return ids;
}

}  // namespace

Result<Event> assign_documents(const ServiceContext& ctx, const AssignRequest& request) {
  if (request.coder.empty()) return fail(ErrorKind::kInvalidInput, "name the coder with --coder");
  TRY(ids, named_documents(ctx.store, request));
  return ctx.store.change(
      request.remove ? "assignment.remove" : "assignment.add", ctx.actor,
      [&]() -> Result<std::string> {
        TRY(coder, ensure_coder(ctx.store, request.coder));
        std::size_t changed = 0;
        for (Id id : ids) {
          TRY(did,
              request.remove ? ctx.store.unassign(coder.id, id) : ctx.store.assign(coder.id, id));
          changed += did ? 1 : 0;
        }
        return fmt::format("{} {} document{} {} {} ({} already {})",
                           request.remove ? "took" : "assigned", changed, changed == 1 ? "" : "s",
                           request.remove ? "off" : "to", request.coder, ids.size() - changed,
                           request.remove ? "not assigned" : "assigned");
      });
}

Result<std::vector<CoderAssignments>> list_assignments(Store& store) {
  TRY(assignments, store.assignments());
  TRY(coders, store.coders());
  TRY(documents, store.documents());
  std::map<Id, std::string> coder_names;
  for (const auto& c : coders) coder_names.emplace(c.id, c.name);
  std::map<Id, std::size_t> position;  // of each document in the project's order
  for (std::size_t i = 0; i < documents.size(); ++i) position.emplace(documents[i].id, i);
  std::map<std::string, std::vector<std::pair<std::size_t, AssignedDocument>>> by_coder;
  for (const auto& a : assignments) {
    CodingFilter own;
    own.coder_ids = {a.coder_id};
    own.document_ids = {a.document_id};
    TRY(codings, store.count_codings(own));
    std::size_t at = position.at(a.document_id);
    by_coder[coder_names.at(a.coder_id)].push_back({at, {documents[at].name, codings}});
  }
  std::vector<CoderAssignments> out;
  for (auto& [name, assigned] : by_coder) {
    std::sort(assigned.begin(), assigned.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    CoderAssignments entry{name, {}};
    for (auto& [at, document] : assigned) entry.documents.push_back(std::move(document));
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace thematica
