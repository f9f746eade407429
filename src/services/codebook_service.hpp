#pragma once
// Use cases on the codebook: add, rename, move, merge, delete, describe, list, and exchange as CSV.

#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "report/codebook_table.hpp"
#include "services/context.hpp"

namespace thematica {

// Fields to set on a code; unset fields are left as they are.
struct CodeEdits {
  std::optional<std::string> colour;
  std::optional<std::string> definition;
  std::optional<std::string> when_to_use;
  std::optional<std::string> when_not_to_use;
  std::optional<std::string> example;
};

// Adds the code at `path`, creating missing parents (like mkdir -p). Errors: kConflict when the
// code exists; kInvalidInput for a bad path or colour.
Result<Event> add_code(const ServiceContext& ctx, const std::string& path, const CodeEdits& edits);
Result<Event> edit_code(const ServiceContext& ctx, const std::string& path, const CodeEdits& edits);
// Errors: kConflict when a sibling already has `new_name`.
Result<Event> rename_code(const ServiceContext& ctx, const std::string& path,
                          const std::string& new_name);
// Moves a code (with its sub-codes) under `new_parent`, or to the top level when it is empty.
// Errors: kConflict when moving below itself or onto a sibling's name.
Result<Event> move_code(const ServiceContext& ctx, const std::string& path,
                        const std::string& new_parent);
// Moves all codings and sub-codes of `source` to `target` and deletes `source`. A coding that
// would duplicate one the same coder already has on `target` is dropped (and counted).
Result<Event> merge_codes(const ServiceContext& ctx, const std::string& source,
                          const std::string& target);
// Deletes a code. Refused (kConflict) while it has codings or sub-codes unless `force`, which
// deletes the whole branch with its codings.
Result<Event> delete_code(const ServiceContext& ctx, const std::string& path, bool force);

struct CodeSummary {
  Code code;
  std::string path;
  int depth = 0;
  std::int64_t codings = 0;            // on this code itself
  std::int64_t codings_in_branch = 0;  // on this code and its sub-codes
};
// Codes in tree order (parents first, siblings by name).
Result<std::vector<CodeSummary>> list_codes(Store& store);

// CSV with a header: path,colour,definition,when_to_use,when_not_to_use,example. Text cells are
// spreadsheet-safe (a leading "'" before "=", "+", "-", "@"), which import_codebook_csv undoes.
Result<std::string> export_codebook_csv(Store& store);
// Every code in tree order with its whole description, for the Word and HTML codebooks.
Result<std::vector<report::CodebookEntry>> codebook_entries(Store& store);
struct CodebookImport {
  Event event;
  int added = 0;
  int updated = 0;
};
// Adds the codes a CSV lists (same columns as export; only 'path' is required) and updates the
// descriptions of codes that exist. Errors: kInvalidInput naming the line of a bad row.
Result<CodebookImport> import_codebook_csv(const ServiceContext& ctx, const std::string& csv);

}  // namespace thematica
