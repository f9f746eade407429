#include "analysis/pseudonyms.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "analysis/name_mentions.hpp"
#include "core/ascii.hpp"

namespace thematica {
namespace {

constexpr std::array<std::string_view, 14> kTitles = {
    "dr",   "doctor", "prof",  "professor", "mr",     "mrs", "ms",
    "miss", "mx",     "nurse", "sister",    "matron", "sir", "dame"};

// Institutions are named by their kind: the last kind word of the name decides.
constexpr std::array<std::string_view, 15> kInstitutionKinds = {
    "Hospital", "Hospice", "Infirmary",  "Clinic",  "Surgery", "Practice", "Ward", "Unit",
    "Centre",   "Center",  "University", "College", "School",  "Academy",  "Trust"};

// A, B ... Z, AA, AB ...
std::string letters(std::size_t index) {
  std::string out;
  ++index;
  while (index > 0) {
    --index;
    out.insert(out.begin(), static_cast<char>('A' + index % 26));
    index /= 26;
  }
  return out;
}

std::string_view shared_label(IdentifierCategory category) {
  switch (category) {
    case IdentifierCategory::kDate:
      return "date";
    case IdentifierCategory::kAge:
      return "age over 89";
    case IdentifierCategory::kPhone:
      return "phone number";
    case IdentifierCategory::kEmail:
      return "email address";
    case IdentifierCategory::kUrl:
      return "URL";
    case IdentifierCategory::kPostcode:
      return "postcode";
    case IdentifierCategory::kNhsNumber:
      return "NHS number";
    case IdentifierCategory::kRecordNumber:
      return "record number";
    default:
      return {};
  }
}

std::string institution_kind(std::string_view mention) {
  std::string lower = ascii_lower(mention);
  std::string_view kind = "Institution";
  std::size_t last = std::string::npos;
  for (std::string_view k : kInstitutionKinds) {
    std::size_t at = lower.rfind(ascii_lower(k));
    if (at != std::string::npos && (last == std::string::npos || at > last)) {
      last = at;
      kind = k;
    }
  }
  return kind == "Center" ? "Centre" : std::string(kind);
}

}  // namespace

Result<BracketStyle> parse_bracket_style(std::string_view text) {
  if (text.empty()) return BracketStyle{"", ""};
  constexpr std::array<std::string_view, 4> kPairs = {"[]", "()", "{}", "<>"};
  if (std::find(kPairs.begin(), kPairs.end(), text) == kPairs.end()) {
    return failf(ErrorKind::kInvalidInput,
                 "unknown bracket style '{}': use one of [] () {{}} <>, or \"\" for none", text);
  }
  return BracketStyle{std::string(1, text[0]), std::string(1, text[1])};
}

std::string bracket_style_text(const BracketStyle& style) { return style.open + style.close; }

std::string entity_text(std::string_view mention) {
  std::string folded;
  for (char c : mention) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '.';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += ascii_lower(c);
    }
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'"}) {
    if (folded.size() > suffix.size() && folded.ends_with(suffix)) {
      folded.resize(folded.size() - suffix.size());
      break;
    }
  }
  for (std::string_view title : kTitles) {
    if (folded.size() > title.size() + 1 && folded.starts_with(title) &&
        folded[title.size()] == ' ') {
      folded.erase(0, title.size() + 1);
      break;
    }
  }
  return folded;
}

PseudonymBook::PseudonymBook(BracketStyle style, std::vector<PseudonymEntry> entries)
    : style_(std::move(style)), entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i) by_entity_.emplace(entries_[i].entity, i);
}

const PseudonymEntry& PseudonymBook::participant(std::string_view case_guid) {
  std::string entity = fmt::format("case:{}", case_guid);
  if (auto found = by_entity_.find(entity); found != by_entity_.end()) {
    return entries_[found->second];
  }
  std::size_t number = 1;
  while (find_pseudonym(fmt::format("{}P{:02}{}", style_.open, number, style_.close))) ++number;
  return give(IdentifierCategory::kPerson, std::move(entity), fmt::format("P{:02}", number));
}

const PseudonymEntry& PseudonymBook::other(IdentifierCategory category, std::string_view mention) {
  std::string entity = fmt::format("{}:{}", category_name(category), entity_text(mention));
  if (auto found = by_entity_.find(entity); found != by_entity_.end()) {
    return entries_[found->second];
  }
  return give(category, std::move(entity), next_label(category, mention));
}

std::string PseudonymBook::next_label(IdentifierCategory category, std::string_view mention) {
  if (auto shared = shared_label(category); !shared.empty()) return std::string(shared);
  std::string kind = category == IdentifierCategory::kInstitution ? institution_kind(mention)
                     : category == IdentifierCategory::kPlace     ? "Place"
                                                                  : "Person";
  for (std::size_t i = 0;; ++i) {
    std::string label = fmt::format("{} {}", kind, letters(i));
    if (!find_pseudonym(style_.open + label + style_.close)) return label;
  }
}

const PseudonymEntry& PseudonymBook::give(IdentifierCategory category, std::string entity,
                                          const std::string& label) {
  by_entity_.emplace(entity, entries_.size());
  entries_.push_back({category, std::move(entity), style_.open + label + style_.close});
  return entries_.back();
}

Status PseudonymBook::rename(std::string_view entity, std::string_view pseudonym) {
  auto found = by_entity_.find(entity);
  if (found == by_entity_.end()) {
    return failf(ErrorKind::kNotFound, "nothing is pseudonymised as '{}'", entity);
  }
  auto taken = find_pseudonym(pseudonym);
  if (taken && taken->entity != entity && shared_label(taken->category).empty()) {
    return failf(ErrorKind::kConflict, "the pseudonym {} is taken by another {}; choose another",
                 pseudonym, category_name(taken->category));
  }
  entries_[found->second].pseudonym = std::string(pseudonym);
  return {};
}

std::optional<PseudonymEntry> PseudonymBook::find_pseudonym(std::string_view pseudonym) const {
  for (const auto& e : entries_) {
    if (e.pseudonym == pseudonym) return e;
  }
  return std::nullopt;
}

bool ParticipantNames::add(std::string_view case_guid, std::string_view name) {
  std::string whole = entity_text(name.substr(0, name.find('(')));  // "Mark Ellison (Guest)"
  if (whole.empty() || is_role_word(whole)) return false;
  std::vector<std::string> keys{whole};
  for (std::size_t at = 0; at < whole.size();) {
    std::size_t space = whole.find(' ', at);
    if (space == std::string::npos) space = whole.size();
    std::string part = whole.substr(at, space - at);
    if (part != whole && !is_role_word(part)) keys.push_back(part);
    at = space + 1;
  }
  for (auto& key : keys) {
    auto [it, added] = owners_.emplace(key, std::string(case_guid));
    if (!added && it->second != case_guid) shared_[key] = true;
  }
  return true;
}

std::optional<std::string> ParticipantNames::owner(std::string_view mention) const {
  std::string key = entity_text(mention);
  auto unique = [&](const std::string& k) -> std::optional<std::string> {
    auto it = owners_.find(k);
    if (it == owners_.end() || shared_.contains(k)) return std::nullopt;
    return it->second;
  };
  if (auto exact = unique(key)) return exact;
  if (key.size() < 5 || key.find(' ') != std::string::npos) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& [k, guid] : owners_) {
    if (k.size() < 5 || k.find(' ') != std::string::npos || edit_distance(k, key) != 1) continue;
    if (found && *found != guid) return std::nullopt;  // close to two participants' names
    if (shared_.contains(k)) return std::nullopt;
    found = guid;
  }
  return found;
}

}  // namespace thematica
