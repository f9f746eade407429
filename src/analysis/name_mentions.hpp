#pragma once
// Names in a transcript: every mention of its speakers (from the speaker labels, so known for
// certain) and of the project's known identifiers, names after a title ("Dr Okonjo", "Sister
// Fiona"), and institutions named by their kind ("Kingsmead General Hospital", "Larch Ward").

#include <string>
#include <string_view>
#include <vector>

#include "analysis/identifiers.hpp"

namespace thematica {

struct KnownIdentifier {
  std::string text;  // as the researcher listed it: "Bernie", "Rowan Ward", "Eastbury"
  IdentifierCategory category = IdentifierCategory::kPerson;
  std::string case_name;  // the participant it identifies, when the list says
};

// Names that are also ordinary English words ("mark", "grace", "will"): in lower case they are
// taken for the word. `lower` in lower case.
bool is_ordinary_word_name(std::string_view lower);
// Parts of speaker labels that are roles or codes, not names: "interviewer", "dr", "p3", "a".
// `lower` in lower case.
bool is_role_word(std::string_view lower);
// Levenshtein distance in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The category a listed identifier most likely has when the list does not say: an institution
// when it names one by its kind ("... Hospital", "... Ward"), else a person.
IdentifierCategory guess_category(std::string_view identifier);

// Every occurrence of each known identifier, whatever its case, as a whole word or words
// (a possessive "'s" is left out of the span). Confidence 1: listed strings are always found.
std::vector<IdentifierSpan> find_known_identifiers(std::string_view text,
                                                   const std::vector<KnownIdentifier>& known);

// Mentions of the speakers: the whole label, and each part of it (first name, surname) alone,
// in any case, possessives included, and misspelt by one letter (parts of five letters or more,
// as speech recognition misspells them). A part that is also an ordinary word ("Grace", "Will")
// is taken only when capitalised. Role labels ("Interviewer", "P3", "Student A") give nothing.
std::vector<IdentifierSpan> find_speaker_mentions(std::string_view text,
                                                  const std::vector<std::string>& speakers);

// Names after a title ("Dr", "Nurse", "Sister", "Mrs" ...) and institutions named by their kind.
std::vector<IdentifierSpan> find_titled_names_and_institutions(std::string_view text);

}  // namespace thematica
