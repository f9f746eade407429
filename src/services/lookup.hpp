#pragma once
// Finding entities by the names users type, with "not found" messages that say what to do.

#include <set>
#include <string>

#include "core/codebook.hpp"
#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica {

// Errors: kNotFound suggesting 'thematica docs'.
Result<Document> require_document(Store& store, const std::string& name);
// By id, as the web workspace names documents. Errors: kNotFound (the document was deleted).
Result<Document> require_document_id(Store& store, Id id);

// Errors: kNotFound suggesting 'thematica coders'.
Result<Coder> require_coder(Store& store, const std::string& name);
// Finds the coder or creates it (coders are created on first use). Call inside a change.
// Errors: kInvalidInput for an empty name.
Result<Coder> ensure_coder(Store& store, const std::string& name);
Result<Codebook> load_codebook(Store& store);
Result<DocumentGroup> require_group(Store& store, const std::string& name);
// The ids of the documents named and of every document in the groups named. Errors: those of
// require_document and require_group.
Result<std::set<Id>> require_documents(Store& store, const std::vector<std::string>& documents,
                                       const std::vector<std::string>& groups);
// Finds the group or creates it. Call inside a change.
Result<DocumentGroup> ensure_group(Store& store, const std::string& name);
Result<Case> require_case(Store& store, const std::string& name);
Result<Variable> require_variable(Store& store, const std::string& name);

}  // namespace thematica
