#pragma once
// Whole-project exports for scripts, R and spreadsheets.

#include <string>

#include "services/context.hpp"

namespace thematica {

// JSON of the whole project: coders, codebook, documents with their full text and codings,
// groups, variables, cases and memos. Format described in docs/project-file.md.
Result<std::string> export_json(Store& store);
// CSV of every coded segment: document, code, coder, start, end, text, comment, important,
// representative.
Result<std::string> export_segments_csv(Store& store);

}  // namespace thematica
