#pragma once
// Applying pseudonyms to a project: every accepted suggestion is replaced by its entity's
// pseudonym in a new version of its document, with codings, turns, pages, case links and the
// search index moved through the edit, names outside the texts (cases, speaker labels, memos,
// the log) rewritten the same way, the originals written to the key file only, and the old text
// removed from the project file. One change: all of it or none of it; it cannot be undone (the
// key file restores originals).

#include <string>
#include <vector>

#include "analysis/name_mentions.hpp"
#include "services/context.hpp"
#include "services/pseudonym_key_file.hpp"

namespace thematica {

// Suggestions at or above this confidence are applied unattended (--auto).
constexpr double kDefaultApplyConfidence = 0.5;

struct ApplyRequest {
  std::vector<KnownIdentifier> known;  // with the cases they identify
  double min_confidence = kDefaultApplyConfidence;
  std::string brackets = "[]";  // for a new key; a key kept from before keeps its own
  KeyAccess key;
  // Every suggestion at or above min_confidence, unreviewed; else what the review accepted and
  // added, with the pseudonyms it chose (min_confidence unused).
  bool automatic = true;
};

struct ApplySummary {
  std::int64_t documents = 0;  // documents given a new version
  std::int64_t replaced = 0;   // spans replaced in them
  bool new_key = false;        // the key file was written for the first time
  std::vector<PseudonymisationRecord> records;
};

// Errors, with nothing changed: those of reading the key (wrong passphrase, damaged, another
// project's); kNotFound for a known identifier's unknown case; kConflict for a replacement that
// would cut a coding's boundary (named, with the coding) or for names outside the texts that
// would become one, for a chosen pseudonym that is another's, and for a document changed since its
// review; kInvalidInput for a bracket style not understood, and when reviewed: while suggestions
// are pending or when nothing is accepted; kIo writing the key.
Result<ApplySummary> apply_pseudonyms(const ServiceContext& context, const ApplyRequest& request);

}  // namespace thematica
