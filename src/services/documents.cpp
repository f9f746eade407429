#include "services/documents.hpp"

#include <map>

#include "core/sha256.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {

Result<Document> add_document(Store& store, Document document, const Text& text) {
  std::string sha256 = sha256_hex(text.utf8());
  return add_document(store, std::move(document), text, std::move(sha256));
}

Result<Document> add_document(Store& store, Document document, const Text& text,
                              std::string sha256) {
  document.sha256 = std::move(sha256);
  document.length = text.length();
  document.byte_size = text.utf8().size();
  TRY_STATUS(store.insert_document(document, text.utf8()));
  TRY(stored, store.find_document(document.name));
  if (!stored) return fail(ErrorKind::kInternal, "a document just added cannot be found");
  return *stored;
}

Result<std::vector<DocumentSummary>> list_documents(Store& store) {
  TRY(docs, store.documents());
  TRY(groups, store.groups());
  TRY(members, store.group_members());
  TRY(freq, store.frequencies(FrequencyAxis::kDocument, false));
  std::map<Id, std::string> group_names;
  for (const auto& g : groups) group_names[g.id] = g.name;
  std::map<Id, DocumentSummary> by_id;
  for (auto& d : docs) by_id[d.id].document = std::move(d);
  for (const auto& m : members) by_id[m.document_id].groups.push_back(group_names[m.group_id]);
  for (const auto& cell : freq) by_id[cell.other_id].codings += cell.count;
  std::vector<DocumentSummary> out;
  out.reserve(by_id.size());
  for (auto& [id, summary] : by_id) out.push_back(std::move(summary));
  return out;
}

Result<std::string> document_text(Store& store, const std::string& name) {
  TRY(doc, require_document(store, name));
  return store.document_text(doc.id);
}

Result<Event> rename_document(const ServiceContext& ctx, const std::string& name,
                              const std::string& new_name) {
  if (new_name.empty()) return fail(ErrorKind::kInvalidInput, "a document name cannot be empty");
  return ctx.store.change("document.rename", ctx.actor, [&]() -> Result<std::string> {
    TRY(doc, require_document(ctx.store, name));
    TRY_STATUS(ctx.store.rename_document(doc.id, new_name));
    return fmt::format("renamed document '{}' to '{}'", doc.name, new_name);
  });
}

Result<Event> delete_document(const ServiceContext& ctx, const std::string& name) {
  return ctx.store.change("document.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY(doc, require_document(ctx.store, name));
    TRY(codings, ctx.store.count_codings(CodingFilter{{}, {}, {doc.id}}));
    TRY_STATUS(ctx.store.delete_document(doc.id));
    return fmt::format("deleted document '{}' with {}", doc.name, count_of(codings, "coding"));
  });
}

Result<Event> add_group(const ServiceContext& ctx, const std::string& name) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a group name cannot be empty");
  return ctx.store.change("group.add", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(ctx.store.insert_group(name));
    return fmt::format("added document group '{}'", name);
  });
}

Result<Event> assign_to_group(const ServiceContext& ctx, const std::string& group,
                              const std::vector<std::string>& documents) {
  if (group.empty()) return fail(ErrorKind::kInvalidInput, "a group name cannot be empty");
  return ctx.store.change("group.assign", ctx.actor, [&]() -> Result<std::string> {
    TRY(g, ensure_group(ctx.store, group));
    int added = 0;
    for (const auto& name : documents) {
      TRY(doc, require_document(ctx.store, name));
      TRY(changed, ctx.store.add_to_group(g.id, doc.id));
      added += changed ? 1 : 0;
    }
    return fmt::format("added {} to group '{}'", count_of(added, "document"), g.name);
  });
}

Result<Event> remove_from_group(const ServiceContext& ctx, const std::string& group,
                                const std::vector<std::string>& documents) {
  return ctx.store.change("group.remove", ctx.actor, [&]() -> Result<std::string> {
    TRY(g, require_group(ctx.store, group));
    int removed = 0;
    for (const auto& name : documents) {
      TRY(doc, require_document(ctx.store, name));
      TRY(changed, ctx.store.remove_from_group(g.id, doc.id));
      removed += changed ? 1 : 0;
    }
    return fmt::format("removed {} from group '{}'", count_of(removed, "document"), g.name);
  });
}

Result<Event> delete_group(const ServiceContext& ctx, const std::string& name) {
  return ctx.store.change("group.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY(g, require_group(ctx.store, name));
    TRY_STATUS(ctx.store.delete_group(g.id));
    return fmt::format("deleted document group '{}' (its documents stay)", g.name);
  });
}

Result<std::vector<GroupSummary>> list_groups(Store& store) {
  TRY(groups, store.groups());
  TRY(members, store.group_members());
  TRY(docs, store.documents());
  std::map<Id, std::string> doc_names;
  for (const auto& d : docs) doc_names[d.id] = d.name;
  std::vector<GroupSummary> out;
  for (const auto& g : groups) {
    GroupSummary summary{g, {}};
    for (const auto& m : members) {
      if (m.group_id == g.id) summary.documents.push_back(doc_names[m.document_id]);
    }
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace thematica
