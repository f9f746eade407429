#include "analysis/identifiers.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace thematica {
namespace {

constexpr std::array<std::pair<IdentifierCategory, std::string_view>, 11> kNames = {{
    {IdentifierCategory::kPerson, "person"},
    {IdentifierCategory::kPlace, "place"},
    {IdentifierCategory::kInstitution, "institution"},
    {IdentifierCategory::kDate, "date"},
    {IdentifierCategory::kAge, "age"},
    {IdentifierCategory::kPhone, "phone"},
    {IdentifierCategory::kEmail, "email"},
    {IdentifierCategory::kUrl, "url"},
    {IdentifierCategory::kPostcode, "postcode"},
    {IdentifierCategory::kNhsNumber, "nhs_number"},
    {IdentifierCategory::kRecordNumber, "record_number"},
}};

}  // namespace

std::string_view category_name(IdentifierCategory category) {
  for (const auto& [c, name] : kNames) {
    if (c == category) return name;
  }
  return "unknown";
}

std::optional<IdentifierCategory> category_from_name(std::string_view name) {
  for (const auto& [c, n] : kNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

const std::vector<IdentifierCategory>& all_identifier_categories() {
  static const std::vector<IdentifierCategory> kAll = [] {
    std::vector<IdentifierCategory> out;
    out.reserve(kNames.size());
    for (const auto& [c, name] : kNames) out.push_back(c);
    return out;
  }();
  return kAll;
}

std::vector<IdentifierSpan> without_overlaps(std::vector<IdentifierSpan> spans) {
  // A span inside a longer, fairly confident one goes first: "Kelsford" (a listed identifier)
  // inside "Kelsford Royal Infirmary" is replaced with it.
  std::vector<IdentifierSpan> outer;
  for (const auto& s : spans) {
    bool inside = std::any_of(spans.begin(), spans.end(), [&](const IdentifierSpan& o) {
      return o.confidence >= 0.8 && o.begin <= s.begin && s.end <= o.end &&
             o.end - o.begin > s.end - s.begin;
    });
    if (!inside) outer.push_back(s);
  }
  spans = std::move(outer);
  // Best first, so a span is kept unless a better one already holds part of its text.
  std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<IdentifierSpan> kept;
  for (const auto& s : spans) {
    bool free = std::none_of(kept.begin(), kept.end(), [&](const IdentifierSpan& k) {
      return s.begin < k.end && k.begin < s.end;
    });
    if (free) kept.push_back(s);
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace thematica
