#pragma once
// Bringing a REFI-QDA project (.qdpx, or a bare .qde) into a project: from MAXQDA, NVivo,
// ATLAS.ti, f4 or QualCoder, or another Thematica project, and (with `merge`) another coder's copy
// of this one.

#include <cstdint>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "ingest/qdpx_container.hpp"
#include "services/context.hpp"

namespace thematica {

struct QdpxImportOptions {
  // Import everything valid and list what was not, instead of refusing the whole file.
  bool keep_going = false;
  // Bring another copy's work into this project: documents are matched by GUID, then by text;
  // codes by GUID, then by path; codings are added under their own coders; a document whose name
  // or GUID is taken by a different text is reported as a conflict and left out.
  bool merge = false;
  std::uint64_t max_bytes = kDefaultMaxProjectBytes;
};

struct QdpxImportReport {
  Event event;
  std::string project_name;
  std::string origin;  // the program that wrote the file
  int coders_added = 0;
  int codes_added = 0;
  int codes_matched = 0;
  int documents_added = 0;
  int documents_matched = 0;  // merge: the same document already in the project
  std::int64_t codings_added = 0;
  std::int64_t codings_already = 0;  // the same coding (GUID or coder, code and span) was there
  int memos = 0;
  int cases = 0;
  int variables = 0;
  int groups = 0;
  int code_sets = 0;
  std::vector<std::string> countings;   // "DOCUMENT: how its positions were counted, and why"
  std::vector<std::string> kept_aside;  // what the project cannot represent, kept in the file
  std::vector<std::string> skipped;     // with keep_going: what was invalid, and why
  std::vector<std::string> conflicts;   // merge: documents left out because they differ
  std::vector<std::string> notes;       // other things the user should know
};

// Imports `path` in one change. Errors (kInvalidInput unless said, each naming the element and
// its line): those of QdpxContainer::open and parse_qde; a missing source file (kNotFound), a
// selection outside its text, a coding of a code the file does not have, a text that is not
// UTF-8 — unless `keep_going`, which skips those and lists them. Without `merge`, the project
// must not already hold documents of the file (same GUID): use merge for that.
Result<QdpxImportReport> import_qdpx(const ServiceContext& ctx, const std::string& path,
                                     const QdpxImportOptions& options);

}  // namespace thematica
