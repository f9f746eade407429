#pragma once
// The starter codebooks Thematica ships: frameworks of compassion research (competencies, shame
// and guilt, sustaining actions, engagement states, facilitators and barriers in training) as
// REFI-QDA codebooks (.qdc) built into the binary, a deductive start a project imports and refines.
// The same files open in MAXQDA, NVivo and ATLAS.ti.

#include <string>
#include <string_view>
#include <vector>

#include "services/context.hpp"
#include "services/qdc_exchange.hpp"

namespace thematica {

struct StarterCodebook {
  std::string name;  // what `codes import-starter` takes: "facilitators-and-barriers"
  std::string title;
  std::string summary;
  int codes = 0;         // at every level
  std::string_view qdc;  // the file, valid against the REFI-QDA Codebook.xsd
};

// Every starter codebook, in the catalogue's order. Errors: kInternal for a catalogue entry
// without its file or a file that does not parse (a build fault the tests catch).
Result<std::vector<StarterCodebook>> starter_codebooks();

// Errors: those of starter_codebooks; kNotFound for an unknown name, listing the names there are.
Result<StarterCodebook> find_starter_codebook(std::string_view name);

// Adds a starter codebook's codes, descriptions, colours and sets to the project, as
// import_codebook_qdc does: codes already there (same GUID, or same path) are kept as they are,
// so importing twice adds nothing. One change. Errors: those of find_starter_codebook and of
// import_codebook_qdc.
Result<QdcImport> import_starter_codebook(const ServiceContext& ctx, std::string_view name);

}  // namespace thematica
