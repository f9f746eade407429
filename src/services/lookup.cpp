#include "services/lookup.hpp"

#include "core/ascii.hpp"

#include <algorithm>
#include <cctype>

namespace thematica {
namespace {

bool same_name(const std::string& a, const std::string& b) { return iequals_ascii(a, b); }

template <class T>
const T* by_name(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const T& item) { return same_name(item.name, name); });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

Result<Document> require_document(Store& store, const std::string& name) {
  TRY(found, store.find_document(name));
  if (found) return *found;
  return failf(ErrorKind::kNotFound,
               "no document '{}' in this project; 'thematica docs' lists them", name);
}

Result<Document> require_document_id(Store& store, Id id) {
  TRY(documents, store.documents());
  for (auto& d : documents) {
    if (d.id == id) return std::move(d);
  }
  return failf(ErrorKind::kNotFound, "no document #{} in this project (it may have been deleted)",
               id);
}

Result<Coder> require_coder(Store& store, const std::string& name) {
  TRY(found, store.find_coder(name));
  if (found) return *found;
  return failf(ErrorKind::kNotFound, "no coder '{}'; 'thematica coders' lists them", name);
}

Result<Coder> ensure_coder(Store& store, const std::string& name) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a coder name cannot be empty");
  TRY(found, store.find_coder(name));
  if (found) return *found;
  return store.insert_coder(name);
}

Result<Codebook> load_codebook(Store& store) {
  TRY(codes, store.codes());
  return Codebook(std::move(codes));
}

Result<std::set<Id>> require_documents(Store& store, const std::vector<std::string>& documents,
                                       const std::vector<std::string>& groups) {
  std::set<Id> ids;
  for (const auto& name : documents) {
    TRY(document, require_document(store, name));
    ids.insert(document.id);
  }
  TRY(members, store.group_members());
  for (const auto& name : groups) {
    TRY(group, require_group(store, name));
    for (const auto& m : members) {
      if (m.group_id == group.id) ids.insert(m.document_id);
    }
  }
  return ids;
}

Result<DocumentGroup> require_group(Store& store, const std::string& name) {
  TRY(groups, store.groups());
  if (const auto* g = by_name(groups, name)) return *g;
  return failf(ErrorKind::kNotFound, "no document group '{}'; 'thematica groups' lists them", name);
}

Result<Case> require_case(Store& store, const std::string& name) {
  TRY(found, store.find_case(name));
  if (found) return *found;
  return failf(ErrorKind::kNotFound, "no case '{}'; 'thematica cases' lists them", name);
}

Result<Variable> require_variable(Store& store, const std::string& name) {
  TRY(variables, store.variables());
  if (const auto* v = by_name(variables, name)) return *v;
  return failf(ErrorKind::kNotFound, "no variable '{}'; 'thematica vars' lists them", name);
}

Result<DocumentGroup> ensure_group(Store& store, const std::string& name) {
  auto group = require_group(store, name);
  if (group || group.error().kind != ErrorKind::kNotFound) return group;
  return store.insert_group(name);
}

}  // namespace thematica
