#pragma once
// The whole project as a REFI-QDA project (.qdpx) for MAXQDA, NVivo, ATLAS.ti or QualCoder.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace thematica {

// How positions are counted in the file. kStandard follows the specification (code points of the
// text as it is). kNvivo counts UTF-16 units, as NVivo reads them. kMaxqda writes every line
// ending as CRLF and counts it as one position, as MAXQDA and ATLAS.ti read them.
enum class QdpxProfile { kStandard, kNvivo, kMaxqda };

// Errors: kInvalidInput naming the accepted profiles.
Result<QdpxProfile> parse_qdpx_profile(const std::string& name);

struct QdpxExportReport {
  int documents = 0;
  std::int64_t codings = 0;
  int memos = 0;
  // What the file cannot carry, or carries only in part: the user is told, never left to find out.
  std::vector<std::string> not_written;
};

// Writes `path` (project.qde plus one sources/GUID.txt per document, UTF-8 without a byte-order
// mark), valid against the REFI-QDA project schema. Every coding keeps its GUID and coder; codings
// of one span share one selection, whose GUID is derived from the document and span, and whose
// name is the selected text, so exports of an unchanged project are identical. Errors: kIo when
// the file cannot be written (nothing is left at `path` then).
Result<QdpxExportReport> export_qdpx(Store& store, const std::string& path, QdpxProfile profile);

}  // namespace thematica
