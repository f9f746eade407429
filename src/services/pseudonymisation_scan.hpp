#pragma once
// The first step of pseudonymising a project: every identifier detection suggests replacing in
// its documents, with where it is, its category, its confidence and why. Reads only; nothing in
// the project changes.

#include <optional>
#include <string>
#include <vector>

#include "analysis/identifiers.hpp"
#include "analysis/name_mentions.hpp"
#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica {

struct ScanRequest {
  std::vector<std::string> documents;  // by name; empty: every document
  std::vector<KnownIdentifier> known;  // the project's list of known identifiers
  double min_confidence = 0;           // leave out weaker suggestions
};

struct ScanSuggestion {
  std::string document;
  Range range;  // code points
  std::string text;
  IdentifierCategory category = IdentifierCategory::kPerson;
  double confidence = 0;
  std::string rule;
};

// Reads a list of known identifiers: a CSV with the columns `case` and `identifier` (and
// optionally `category`, one of the category names; else guessed). Errors: kInvalidInput naming
// the row for a missing column, an empty identifier or an unknown category.
Result<std::vector<KnownIdentifier>> parse_known_identifiers(const std::string& csv);

// Suggestions in document order, then by position. The transcript's speakers are known for
// certain; Debian's word list (/usr/share/dict/british-english, or THEMATICA_DICTIONARY) finds
// names no list holds when it is installed. Errors: kNotFound for an unknown document.
Result<std::vector<ScanSuggestion>> scan_for_identifiers(Store& store, const ScanRequest& request);

}  // namespace thematica
