#pragma once
// Use cases on documents and document groups: list, rename, delete, group (import is in
// import_service.hpp).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "core/text.hpp"
#include "services/context.hpp"

namespace thematica {

struct DocumentSummary {
  Document document;
  std::vector<std::string> groups;
  std::int64_t codings = 0;
};

Result<std::vector<DocumentSummary>> list_documents(Store& store);

// Adds `document` (name, kind, original name set) with its canonical `text`; the hash, length and
// size are worked out from the text. Returns the document as stored (id, GUID, import time). Call
// inside a change. Errors: those of Store::insert_document (kConflict for a name taken).
Result<Document> add_document(Store& store, Document document, const Text& text);
// The same, for a caller that already has the text's SHA-256 (lower-case hex) at hand.
Result<Document> add_document(Store& store, Document document, const Text& text,
                              std::string sha256);
// The canonical text of a document. Errors: kNotFound.
Result<std::string> document_text(Store& store, const std::string& name);
Result<Event> rename_document(const ServiceContext& ctx, const std::string& name,
                              const std::string& new_name);
// Deletes the document with its codings. Errors: kNotFound.
Result<Event> delete_document(const ServiceContext& ctx, const std::string& name);

Result<Event> add_group(const ServiceContext& ctx, const std::string& name);
// Adds documents to a group, creating the group if it is new. Errors: kNotFound for a document.
Result<Event> assign_to_group(const ServiceContext& ctx, const std::string& group,
                              const std::vector<std::string>& documents);
Result<Event> remove_from_group(const ServiceContext& ctx, const std::string& group,
                                const std::vector<std::string>& documents);
Result<Event> delete_group(const ServiceContext& ctx, const std::string& name);

struct GroupSummary {
  DocumentGroup group;
  std::vector<std::string> documents;
};
Result<std::vector<GroupSummary>> list_groups(Store& store);

}  // namespace thematica
