#pragma once
// Use cases on documents and document groups: import, list, rename, delete, group.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

struct ImportOptions {
  std::optional<std::string> name;   // only with a single file: the document's name
  std::optional<std::string> group;  // add every imported document to this group (created if new)
  // Force a reader: text, speaker-text, webvtt or srt. Default: by extension, and .txt files
  // made of speaker turns ("Name: text" and similar) are read as transcripts.
  std::optional<std::string> kind;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ImportedDocument {
  Document document;
  std::string reader;        // "text", "webvtt", "srt"
  std::size_t turns = 0;     // transcripts: speaker turns
  std::size_t speakers = 0;  // transcripts: distinct speakers
};

// Imports files as documents, all in one change: if any file is refused, none is imported.
// Transcripts (.vtt, .srt) become one turn per line with their speakers as cases.
// Errors: those of read_text_file and the readers (with the file); kConflict for a name already
// taken (or twice in the batch); kInvalidInput for --name with several files.
Result<std::vector<ImportedDocument>> import_documents(const ServiceContext& ctx,
                                                       const std::vector<std::string>& paths,
                                                       const ImportOptions& options);

struct DocumentSummary {
  Document document;
  std::vector<std::string> groups;
  std::int64_t codings = 0;
};

Result<std::vector<DocumentSummary>> list_documents(Store& store);
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
