#pragma once
// Identifiers with a shape: e-mail addresses, web addresses, phone numbers (UK and US), postcodes
// (UK, and US ZIP codes next to a state), NHS numbers (only those whose mod-11 check digit holds),
// hospital and medical record numbers, specific dates, and ages over 89.

#include <string_view>
#include <vector>

#include "analysis/identifiers.hpp"

namespace thematica {

// Every structured identifier in `text` (UTF-8), possibly overlapping (without_overlaps chooses).
std::vector<IdentifierSpan> find_structured_identifiers(std::string_view text);

// Whether ten digits (spaces and hyphens ignored) make a valid NHS number: weights 10 to 2 on
// the first nine, check digit 11 - (sum mod 11), 11 meaning 0 and 10 never valid.
bool valid_nhs_number(std::string_view digits);

}  // namespace thematica
