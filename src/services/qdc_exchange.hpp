#pragma once
// The codebook in and out of REFI-QDA codebook files (.qdc), so a codebook moves between
// Thematica, MAXQDA, NVivo, ATLAS.ti and QualCoder.

#include <map>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "interop/qdc.hpp"
#include "services/context.hpp"

namespace thematica {

struct QdcImport {
  Event event;
  int added = 0;
  int matched = 0;                       // codes already in the project (same GUID, or same path)
  std::vector<std::string> not_codable;  // paths of codes the file marks isCodable="false"
  int sets_added = 0;
  int sets_matched = 0;  // sets already in the project (same GUID or name): members added
};

// Adds a codebook's codes and sets inside the caller's change, as import_codebook_qdc does, and
// returns the project's code for each code GUID of the codebook (also for codes matched by path).
Result<std::map<std::string, Id>> add_codebook(Store& store, const QdcCodebook& codebook,
                                               QdcImport& report);

// Adds sets of codes (members named by code GUID, looked up in `codes`; unknown ones are left
// out), or extends a set of the same GUID or name. Call inside a change.
Status add_code_sets(Store& store, const std::vector<QdcSet>& sets,
                     const std::map<std::string, Id>& codes, QdcImport& report);

// Adds the codes of a .qdc file, keeping their GUIDs, colours and descriptions; codes that exist
// (same GUID, or same path) are left as they are and their sub-codes added under them. Sets of
// codes are added, or extended when a set of the same GUID or name exists. One change.
// Errors: those of parse_qdc (naming the line); kInvalidInput for a code name Thematica refuses.
Result<QdcImport> import_codebook_qdc(const ServiceContext& ctx, const std::string& xml);

// The codebook as REFI-QDA has it (GUIDs in lower case, descriptions joined as below, sets).
Result<QdcCodebook> codebook_for_exchange(Store& store);

// The codebook as a .qdc document (valid against the REFI-QDA Codebook.xsd). A code's description
// carries its definition, then "When to use: ", "When not to use: " and "Example: " paragraphs,
// which import_codebook_qdc reads back into their fields. Errors: kInvalidInput for an empty
// codebook (the schema needs at least one code).
Result<std::string> export_codebook_qdc(Store& store);

}  // namespace thematica
