#pragma once
// Suggestions for pseudonymising one transcript: every detector's finds, one span per stretch of
// text (the most confident wins where they overlap), for the researcher to review.

#include <string>
#include <string_view>
#include <vector>

#include "analysis/identifiers.hpp"
#include "analysis/name_mentions.hpp"
#include "analysis/proper_nouns.hpp"

namespace thematica {

struct DetectionInput {
  std::string_view text;               // UTF-8
  std::vector<std::string> speakers;   // the transcript's speaker labels
  std::vector<KnownIdentifier> known;  // the project's list: always found
  const WordList* words = nullptr;     // a dictionary, for names no list holds; none: skipped
};

// Sorted by position, without overlaps; positions in bytes of `text`.
std::vector<IdentifierSpan> detect_identifiers(const DetectionInput& input);

}  // namespace thematica
