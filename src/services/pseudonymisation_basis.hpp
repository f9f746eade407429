#pragma once
// What a pseudonymisation pass and its review both start from: the book of pseudonyms (the key's,
// with the pseudonyms the researcher chose), the participants and every name they are known by,
// and which entity each span to replace stands for. Shared so that the pseudonym a review shows
// is the one applying gives.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/name_mentions.hpp"
#include "analysis/pseudonyms.hpp"
#include "interop/pseudonym_key.hpp"
#include "store/store.hpp"

namespace thematica {

// The people a project knows by name: speakers' cases and the cases of listed identifiers.
struct Participants {
  std::vector<Case> cases;                    // by id, those with a person's name
  std::map<Id, std::set<std::string>> names;  // each case's name and speaker labels
  ParticipantNames owners;
  std::vector<std::pair<Id, Id>> merges;  // a returning speaker's new case -> their case
};

struct PassBasis {
  std::optional<PseudonymKey> old;  // the key of earlier passes
  PseudonymBook book;               // participants numbered in case order
  Participants participants;
};

// Errors: kInvalidInput for a bracket style not understood; kNotFound for a known identifier's
// unknown case.
Result<PassBasis> pass_basis(Store& store, std::optional<PseudonymKey> old,
                             const std::vector<KnownIdentifier>& known,
                             const std::string& brackets);

// The book's entry for a span of text found as `category`: a participant's when it names one.
std::size_t entity_of(PassBasis& basis, IdentifierCategory category, std::string_view text);

// Gives the entities the pseudonyms chosen for them. Errors: kConflict when a chosen pseudonym is
// another entity's, or when it would rename what an earlier pass wrote into the texts already.
Status apply_choices(PassBasis& basis, const std::vector<PseudonymChoice>& choices);

// Where the book's pseudonyms already stand in a text: a later pass leaves them alone.
std::vector<Range> pseudonyms_in(const Text& text, const PseudonymBook& book);

// What the detectors are told to find for certain: the listed identifiers, and on a later pass
// every original the key holds.
std::vector<KnownIdentifier> listed_and_kept(const std::vector<KnownIdentifier>& known,
                                             const std::optional<PseudonymKey>& old);

}  // namespace thematica
