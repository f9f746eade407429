#pragma once
// What pseudonymisation looks for: identifiers in a transcript, each a span of its text with a
// category and a confidence, found on this machine with no network and no downloaded model.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thematica {

enum class IdentifierCategory {
  kPerson,
  kPlace,
  kInstitution,
  kDate,
  kAge,  // over 89
  kPhone,
  kEmail,
  kUrl,
  kPostcode,
  kNhsNumber,
  kRecordNumber,
};

// "person", "nhs_number" ...: the names files and the command line use.
std::string_view category_name(IdentifierCategory category);
std::optional<IdentifierCategory> category_from_name(std::string_view name);
const std::vector<IdentifierCategory>& all_identifier_categories();

struct IdentifierSpan {
  std::size_t begin = 0;  // bytes of the UTF-8 text, [begin, end)
  std::size_t end = 0;
  IdentifierCategory category = IdentifierCategory::kPerson;
  double confidence = 0;  // 1 for a listed identifier; lower for a guess
  std::string_view rule;  // which detector found it, for the reviewer: "NHS number (check digit)"
};

// Drops spans inside a longer one of confidence 0.8 or more, then keeps, of overlapping spans,
// the most confident (then the longest, then the first); the result is sorted by position and has
// no overlaps.
std::vector<IdentifierSpan> without_overlaps(std::vector<IdentifierSpan> spans);

}  // namespace thematica
