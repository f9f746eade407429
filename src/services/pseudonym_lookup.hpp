#pragma once
// What a pseudonymised project's key answers for an authorised user (with the key file and its
// passphrase): which originals a pseudonym stands for, and a document's text as it was.

#include <string>
#include <vector>

#include "services/pseudonym_key_file.hpp"

namespace thematica {

struct LookupMatch {
  std::string pseudonym;
  std::string category;
  std::vector<std::string> originals;
};

// The entities whose pseudonym is `text` (with or without brackets), or one of whose originals
// is `text` (ignoring case); every entity of the key for an empty `text`. Errors: those of
// require_key; kNotFound when nothing matches.
Result<std::vector<LookupMatch>> lookup_pseudonym(Store& store, const KeyAccess& access,
                                                  const std::string& text);

// The document's text with every pseudonym the key recorded put back to its original. Errors:
// those of require_key; kNotFound for an unknown document, or one the key did not pseudonymise;
// kConflict when the document's text changed since (its digest differs).
Result<std::string> restore_document_text(Store& store, const KeyAccess& access,
                                          const std::string& document);

}  // namespace thematica
