#pragma once
// Consistent pseudonyms: the same participant, person, place or institution is given the same
// pseudonym in every document of a project and in every later pass (the book is kept in the key
// file), and two different ones never share one.
//
// Participants (people with a case) are numbered "P01", "P02" ...; other people are lettered
// "Person A"; institutions by their kind ("Hospital A", "Ward B", else "Institution A"); places
// "Place A". Dates, ages over 89, phone numbers, e-mail addresses, URLs, postcodes, NHS and record
// numbers all share one label each ("date", "age over 89" ...): their value carries no analysis.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/identifiers.hpp"
#include "core/error.hpp"

namespace thematica {

// What a pseudonym is wrapped in: "[P03]" by default.
struct BracketStyle {
  std::string open = "[";
  std::string close = "]";
  bool operator==(const BracketStyle&) const = default;
};

// "[]", "()", "{}", "<>", or "" for none. Errors:
// kInvalidInput for anything else (quotes and backslashes are refused: pseudonyms go into JSON,
// CSV and XML unescaped by readers' eyes).
Result<BracketStyle> parse_bracket_style(std::string_view text);
std::string bracket_style_text(const BracketStyle& style);

// Folds a mention to what identifies its entity: lower case, without a possessive "'s" and
// without a leading title ("Dr", "Nurse" ...), spaces collapsed.
std::string entity_text(std::string_view mention);

struct PseudonymEntry {
  IdentifierCategory category = IdentifierCategory::kPerson;
  std::string entity;     // "case:<guid>" for a participant, else "<category>:<entity_text>"
  std::string pseudonym;  // bracketed: "[P03]"
};

class PseudonymBook {
 public:
  explicit PseudonymBook(BracketStyle style = {}, std::vector<PseudonymEntry> entries = {});

  // The pseudonym of a participant (a case), numbered in the order participants are first given
  // one.
  // The entry is valid until the next entity is added.
  const PseudonymEntry& participant(std::string_view case_guid);
  // The pseudonym of any other entity, `mention` being one way the text names it.
  const PseudonymEntry& other(IdentifierCategory category, std::string_view mention);
  std::size_t index_of(const PseudonymEntry& entry) const {
    return static_cast<std::size_t>(&entry - entries_.data());
  }
  // Errors: kConflict when another entity has `pseudonym` already; kNotFound for no such entity.
  Status rename(std::string_view entity, std::string_view pseudonym);

  const std::vector<PseudonymEntry>& entries() const { return entries_; }
  const BracketStyle& style() const { return style_; }
  std::optional<PseudonymEntry> find_pseudonym(std::string_view pseudonym) const;

 private:
  const PseudonymEntry& give(IdentifierCategory category, std::string entity,
                             const std::string& label);
  std::string next_label(IdentifierCategory category, std::string_view mention);

  BracketStyle style_;
  std::vector<PseudonymEntry> entries_;
  std::map<std::string, std::size_t, std::less<>> by_entity_;
};

// Who a person's name belongs to: the participants' names (case names, speaker labels, listed
// identifiers) and each of their parts ("Priya Raman", "Priya", "Raman"), found again in a mention
// whatever its case, with a possessive or a title, or misspelt by one letter (parts of five
// letters or more). A part two participants share names neither.
class ParticipantNames {
 public:
  // Whether the name names a person at all ("Interviewer", "P3" do not).
  bool add(std::string_view case_guid, std::string_view name);
  std::optional<std::string> owner(std::string_view mention) const;

 private:
  std::map<std::string, std::string, std::less<>> owners_;  // folded name or part -> case guid
  std::map<std::string, bool, std::less<>> shared_;
};

}  // namespace thematica
