#pragma once
// Importing files and folders as documents: each file is read by the reader its extension (or
// --kind) names, transcripts bring their speakers as cases and their turns as utterances, PDF
// pages are recorded, and a batch is one change.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "ingest/extraction.hpp"
#include "services/context.hpp"

namespace thematica {

struct ImportOptions {
  std::optional<std::string> name;   // only with a single file: the document's name
  std::optional<std::string> group;  // add every imported document to this group (created if new)
  // Force a reader (see choose_reader). Default: by extension, and documents made of speaker
  // turns ("Name: text" and similar) are read as transcripts.
  std::optional<std::string> kind;
  ReadOptions read;  // encoding, size cap, speaker pattern
  // Import what can be imported and list what was refused, instead of importing nothing when
  // one file is refused.
  bool keep_going = false;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ImportedDocument {
  Document document;
  std::string path;
  std::string reader;    // "text", "webvtt", "docx", ...
  std::string encoding;  // text-based files: the encoding read
  bool encoding_guessed = false;
  std::size_t turns = 0;     // transcripts: speaker turns
  std::size_t speakers = 0;  // transcripts: distinct speakers
  std::size_t pages = 0;     // PDF: pages
  std::vector<std::string> warnings;
};

struct RefusedFile {
  std::string path;
  Error error;
};

struct ImportReport {
  std::vector<ImportedDocument> documents;
  std::vector<RefusedFile> refused;  // only with keep_going
  std::vector<std::string> skipped;  // files in folders that are not of a type Thematica reads
};

// Imports files, and folders recursively (their files of known types, hidden files skipped),
// as documents in one change. Documents from a sub-folder join the group named after its path
// below the folder imported ("students" or "students/year 1"). Without keep_going, one refused
// file refuses the whole batch. Errors: those of the readers (with the file); kConflict for a
// name already taken (or twice in the batch); kInvalidInput for --name with several files, and
// with keep_going when no file at all could be imported.
Result<ImportReport> import_documents(const ServiceContext& ctx,
                                      const std::vector<std::string>& paths,
                                      const ImportOptions& options);

}  // namespace thematica
