#pragma once
// Codings from a table: a coding sheet, another tool's output or a prepared study, applied as one
// change so a bad row leaves the project as it was.

#include <map>
#include <string>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

struct CodingImport {
  Event event;
  int codings = 0;
  std::map<std::string, int> by_coder;  // codings added per coder
};

// Applies the codings of a CSV (RFC 4180) whose header names the columns `document`, `code` and
// `quote` (the exact words, as `code --text` takes them) and optionally `nth` (which occurrence,
// 1-based), `coder`, `comment`, `important` and `representative` (yes/no, true/false, 1/0 or
// empty). Rows without a coder are coded as `default_coder`; coders are created on first use.
// All rows or none, in one change. Errors (kInvalidInput, naming the row): a missing column, an
// empty file, a row without a coder and no default, a bad flag or nth; the errors of apply_coding
// for a document, code or quote (kNotFound, kInvalidInput) and for a duplicate (kConflict).
Result<CodingImport> import_codings_csv(const ServiceContext& ctx, const std::string& csv,
                                        const std::string& default_coder);

}  // namespace thematica
