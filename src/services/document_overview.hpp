#pragma once
// The document list as a workspace shows it: each document with its groups, speakers and how much
// of its text is coded.

#include <string>
#include <vector>

#include "services/documents.hpp"

namespace thematica {

struct DocumentOverview {
  DocumentSummary summary;
  std::vector<std::string> speakers;   // transcripts: speaker labels, in order of first turn
  std::uint64_t coded_characters = 0;  // code points covered by at least one coding (any coder)
};

// In project order. Errors: those of the store.
Result<std::vector<DocumentOverview>> document_overview(Store& store);

}  // namespace thematica
