#include "services/pseudonymisation_basis.hpp"

#include <algorithm>

namespace thematica {
namespace {

// The names each case is known by: its name, the labels of its turns, listed identifiers, and on
// a later pass the originals the key keeps for it. Only cases that speak or are listed.
Result<std::map<Id, std::set<std::string>>> names_of_cases(
    const std::vector<Case>& cases, const std::vector<Utterance>& turns,
    const std::vector<KnownIdentifier>& known, const std::optional<PseudonymKey>& old) {
  std::map<Id, std::set<std::string>> names;
  for (const auto& t : turns) {
    if (t.case_id) names[*t.case_id].insert(t.speaker_label);
  }
  for (const auto& e : old ? old->entities : std::vector<KeyEntity>()) {
    auto c = std::find_if(cases.begin(), cases.end(), [&](const Case& candidate) {
      return "case:" + candidate.guid == e.entity;
    });
    if (c != cases.end()) names[c->id].insert(e.originals.begin(), e.originals.end());
  }
  for (const auto& k : known) {
    if (k.case_name.empty()) continue;
    // By its name, or after a pass by the name it had (the list is written with real names).
    auto c = std::find_if(cases.begin(), cases.end(), [&](const Case& candidate) {
      auto kept = names.find(candidate.id);
      return entity_text(candidate.name) == entity_text(k.case_name) ||
             (kept != names.end() && kept->second.contains(k.case_name));
    });
    if (c == cases.end()) {
      return failf(ErrorKind::kNotFound,
                   "the known identifiers name the case '{}', which the project does not have; "
                   "correct the case column (see 'thematica cases')",
                   k.case_name);
    }
    if (k.category == IdentifierCategory::kPerson) names[c->id].insert(k.text);
    names[c->id];
  }
  for (const auto& c : cases) {
    if (names.contains(c.id)) names[c.id].insert(c.name);
  }
  return names;
}

Result<Participants> find_participants(Store& store, const std::vector<KnownIdentifier>& known,
                                       const std::optional<PseudonymKey>& old,
                                       const PseudonymBook& book) {
  TRY(cases, store.cases());
  TRY(turns, store.utterances({}));
  TRY(names, names_of_cases(cases, turns, known, old));
  Participants out;
  // A speaker of a transcript imported after a pass, who is a participant already, got a case of
  // their own: it joins the participant's case.
  std::map<std::string, Id> kept;  // a kept participant's name, folded -> their case
  for (const auto& c : cases) {
    auto found = names.find(c.id);
    if (!book.find_pseudonym(c.name) || found == names.end()) continue;
    for (const auto& n : found->second) kept.emplace(entity_text(n), c.id);
  }
  for (const auto& c : cases) {
    auto back = kept.find(entity_text(c.name));
    if (!names.contains(c.id) || back == kept.end() || back->second == c.id) continue;
    out.merges.emplace_back(c.id, back->second);
    names[back->second].merge(names[c.id]);
    names.erase(c.id);
  }
  for (const auto& c : cases) {
    auto found = names.find(c.id);
    if (found == names.end()) continue;
    // A name that is a pseudonym already identifies nobody.
    std::erase_if(found->second, [&](const std::string& n) { return book.find_pseudonym(n); });
    bool person = false;
    for (const auto& n : found->second) person = out.owners.add(c.guid, n) || person;
    if (person) out.cases.push_back(c);
  }
  out.names = std::move(names);
  return out;
}

// The book a pass starts from: the key's, or a new one in the requested style.
Result<PseudonymBook> book_of(const std::optional<PseudonymKey>& old, const std::string& brackets) {
  TRY(style, parse_bracket_style(old ? old->brackets : brackets));
  std::vector<PseudonymEntry> kept;
  for (const auto& e : old ? old->entities : std::vector<KeyEntity>()) {
    kept.push_back({category_from_name(e.category).value_or(IdentifierCategory::kPerson), e.entity,
                    e.pseudonym});
  }
  return PseudonymBook(style, std::move(kept));
}

}  // namespace

Result<PassBasis> pass_basis(Store& store, std::optional<PseudonymKey> old,
                             const std::vector<KnownIdentifier>& known,
                             const std::string& brackets) {
  TRY(book, book_of(old, brackets));
  TRY(participants, find_participants(store, known, old, book));
  for (const auto& c : participants.cases) book.participant(c.guid);  // numbered in case order
  return PassBasis{std::move(old), std::move(book), std::move(participants)};
}

std::size_t entity_of(PassBasis& basis, IdentifierCategory category, std::string_view text) {
  auto owner = category == IdentifierCategory::kPerson ? basis.participants.owners.owner(text)
                                                       : std::nullopt;
  const PseudonymEntry& entry =
      owner ? basis.book.participant(*owner) : basis.book.other(category, text);
  return basis.book.index_of(entry);
}

Status apply_choices(PassBasis& basis, const std::vector<PseudonymChoice>& choices) {
  for (const auto& choice : choices) {
    for (const auto& e : basis.old ? basis.old->entities : std::vector<KeyEntity>()) {
      if (e.entity != choice.entity || e.pseudonym == choice.pseudonym) continue;
      return failf(ErrorKind::kConflict,
                   "'{}' was written into the texts by an earlier pass and cannot become '{}'; "
                   "forget that choice ('pseudonymise review rename \"{}\" --reset')",
                   e.pseudonym, choice.pseudonym, choice.pseudonym);
    }
    auto renamed = basis.book.rename(choice.entity, choice.pseudonym);
    if (!renamed && renamed.error().kind != ErrorKind::kNotFound) return renamed;
  }
  return {};
}

std::vector<Range> pseudonyms_in(const Text& text, const PseudonymBook& book) {
  std::vector<Range> out;
  std::set<std::string> seen;
  for (const auto& e : book.entries()) {
    if (!seen.insert(e.pseudonym).second) continue;
    std::uint64_t length = Text::from_utf8(e.pseudonym).value_or(Text()).length();
    for (auto at : text.find_all(e.pseudonym)) out.push_back({at, at + length});
  }
  return out;
}

std::vector<KnownIdentifier> listed_and_kept(const std::vector<KnownIdentifier>& known,
                                             const std::optional<PseudonymKey>& old) {
  std::vector<KnownIdentifier> out = known;
  for (const auto& e : old ? old->entities : std::vector<KeyEntity>()) {
    auto category = category_from_name(e.category).value_or(IdentifierCategory::kPerson);
    for (const auto& o : e.originals) out.push_back({o, category, {}});
  }
  return out;
}

}  // namespace thematica
