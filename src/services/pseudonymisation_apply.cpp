#include "services/pseudonymisation_apply.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "analysis/original_mentions.hpp"
#include "analysis/pseudonyms.hpp"
#include "core/durable_file.hpp"
#include "core/sha256.hpp"
#include "services/lookup.hpp"
#include "services/pseudonymisation_scan.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

// The people a project knows by name: speakers' cases and the cases of listed identifiers.
struct Participants {
  std::vector<Case> cases;                    // by id
  std::map<Id, std::set<std::string>> names;  // each case's name and speaker labels
  ParticipantNames owners;
  std::vector<std::pair<Id, Id>> merges;  // a returning speaker's new case -> their case
};

struct Replacement {
  Range range;             // code points of the old text
  std::size_t entity = 0;  // in the book
  std::string original;
};

struct DocumentPlan {
  Document document;
  std::shared_ptr<const Text> text;
  std::vector<Replacement> replacements;
  EditedText edited;
};

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

// Where the book's pseudonyms already stand in a text: a later pass leaves them alone.
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

// What the detectors are told to find for certain: the listed identifiers, and on a later pass
// every original the key holds.
std::vector<KnownIdentifier> listed_and_kept(const ApplyRequest& request,
                                             const std::optional<PseudonymKey>& old) {
  std::vector<KnownIdentifier> out = request.known;
  for (const auto& e : old ? old->entities : std::vector<KeyEntity>()) {
    auto category = category_from_name(e.category).value_or(IdentifierCategory::kPerson);
    for (const auto& o : e.originals) out.push_back({o, category, {}});
  }
  return out;
}

Result<std::vector<DocumentPlan>> plan_replacements(Store& store, const ApplyRequest& request,
                                                    const std::optional<PseudonymKey>& old,
                                                    const Participants& participants,
                                                    PseudonymBook& book) {
  TRY(suggestions,
      scan_for_identifiers(store, {{}, listed_and_kept(request, old), request.min_confidence}));
  std::vector<DocumentPlan> plans;
  std::vector<Range> taken;
  for (const auto& s : suggestions) {
    if (plans.empty() || plans.back().document.name != s.document) {
      TRY(doc, require_document(store, s.document));
      TRY(text, store.text_index(doc.id));
      taken = pseudonyms_in(*text, book);
      plans.push_back({doc, text, {}, {}});
    }
    if (std::any_of(taken.begin(), taken.end(),
                    [&](const Range& r) { return r.overlaps(s.range); })) {
      continue;
    }
    const PseudonymEntry* entry = nullptr;
    auto owner = s.category == IdentifierCategory::kPerson ? participants.owners.owner(s.text)
                                                           : std::nullopt;
    entry = owner ? &book.participant(*owner) : &book.other(s.category, s.text);
    plans.back().replacements.push_back({s.range, book.index_of(*entry), s.text});
  }
  std::erase_if(plans, [](const DocumentPlan& p) { return p.replacements.empty(); });
  return plans;
}

// A boundary of a coding inside a replaced span would leave half a name coded.
Status check_coding_boundaries(Store& store, const DocumentPlan& plan) {
  TRY(codings, store.codings({{}, {}, {plan.document.id}}));
  TRY(codes, store.codes());
  for (const auto& c : codings) {
    for (std::uint64_t boundary : {c.range.start, c.range.end}) {
      auto inside = plan.edited.map.edit_inside(boundary);
      if (!inside) continue;
      const Replacement& r = plan.replacements[*inside];
      auto code = std::find_if(codes.begin(), codes.end(),
                               [&](const Code& k) { return k.id == c.code_id; });
      return failf(ErrorKind::kConflict,
                   "'{}' at {}:{} in '{}' cannot be replaced: coding #{} ({}, {}:{}) starts or "
                   "ends inside it. Move that coding's boundary to the edge of the name (or "
                   "reject this suggestion), then apply again; nothing was changed",
                   r.original, r.range.start, r.range.end, plan.document.name, c.id,
                   code == codes.end() ? std::string("?") : code->name, c.range.start, c.range.end);
    }
  }
  return {};
}

Status edit_documents(Store& store, std::vector<DocumentPlan>& plans, const PseudonymBook& book) {
  for (auto& p : plans) {
    std::vector<TextEdit> edits;
    edits.reserve(p.replacements.size());
    for (const auto& r : p.replacements) {
      edits.push_back({r.range, book.entries()[r.entity].pseudonym});
    }
    TRY(edited, apply_edits(*p.text, edits));
    p.edited = std::move(edited);
    TRY_STATUS(check_coding_boundaries(store, p));
  }
  return {};
}

// Every way each entity of the book was written: as the key kept it, as this pass replaced it,
// and for participants their case names, speaker labels and listed identifiers.
std::vector<std::set<std::string>> originals_by_entity(const std::optional<PseudonymKey>& old,
                                                       PseudonymBook& book,
                                                       const std::vector<DocumentPlan>& plans,
                                                       const Participants& participants,
                                                       const std::vector<KnownIdentifier>& known) {
  std::map<std::size_t, std::set<std::string>> found;
  if (old) {
    for (std::size_t i = 0; i < old->entities.size(); ++i) {
      found[i].insert(old->entities[i].originals.begin(), old->entities[i].originals.end());
    }
  }
  for (const auto& p : plans) {
    for (const auto& r : p.replacements) found[r.entity].insert(r.original);
  }
  for (const auto& c : participants.cases) {
    std::size_t entity = book.index_of(book.participant(c.guid));
    for (const auto& name : participants.names.at(c.id)) found[entity].insert(name);
  }
  for (const auto& k : known) {
    if (k.category == IdentifierCategory::kPerson && !k.case_name.empty()) continue;  // above
    found[book.index_of(book.other(k.category, k.text))].insert(k.text);
  }
  std::vector<std::set<std::string>> out(book.entries().size());
  for (auto& [entity, originals] : found) out[entity] = std::move(originals);
  return out;
}

PseudonymKey next_key(const std::optional<PseudonymKey>& old, std::string project_guid,
                      const PseudonymBook& book,
                      const std::vector<std::set<std::string>>& originals,
                      const std::vector<DocumentPlan>& plans) {
  PseudonymKey key;
  if (old) key = *old;
  key.project_guid = std::move(project_guid);
  key.brackets = bracket_style_text(book.style());
  key.entities.clear();
  for (std::size_t i = 0; i < book.entries().size(); ++i) {
    const auto& e = book.entries()[i];
    key.entities.push_back({std::string(category_name(e.category)),
                            e.entity,
                            e.pseudonym,
                            {originals[i].begin(), originals[i].end()}});
  }
  for (const auto& p : plans) {
    auto doc = std::find_if(key.documents.begin(), key.documents.end(),
                            [&](const KeyDocument& d) { return d.guid == p.document.guid; });
    if (doc == key.documents.end())
      doc = key.documents.insert(key.documents.end(), {p.document.guid, {}, {}});
    const EditMap& map = p.edited.map;
    for (auto& r : doc->replacements) {
      r.start = map.start(r.start);
      r.end = map.end(r.end);
    }
    for (const auto& r : p.replacements) {
      Range moved = map.range(r.range);
      doc->replacements.push_back({moved.start, moved.end, r.original});
    }
    std::sort(doc->replacements.begin(), doc->replacements.end(),
              [](const KeyReplacement& a, const KeyReplacement& b) { return a.start < b.start; });
    doc->sha256 = sha256_hex(p.edited.text);
  }
  return key;
}

// What the audit keeps of this pass: counts by document, category and pseudonym.
std::vector<PseudonymisationRecord> records_of(const std::vector<DocumentPlan>& plans,
                                               const PseudonymBook& book,
                                               const OriginalsFinder& finder,
                                               const std::vector<std::string>& pseudonyms) {
  std::vector<PseudonymisationRecord> out;
  for (const auto& p : plans) {
    std::string name = finder.replace(p.document.name, pseudonyms).value_or(p.document.name);
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    for (const auto& r : p.replacements) {
      const auto& e = book.entries()[r.entity];
      ++counts[{std::string(category_name(e.category)), e.pseudonym}];
    }
    for (const auto& [what, n] : counts)
      out.push_back({0, {}, {}, name, what.first, what.second, n});
  }
  return out;
}

std::string summary_of(const ApplySummary& s) {
  std::map<std::string, std::int64_t> by_category;
  for (const auto& r : s.records) by_category[r.category] += r.replaced;
  std::vector<std::string> parts;
  parts.reserve(by_category.size());
  for (const auto& [category, n] : by_category) parts.push_back(fmt::format("{} {}", n, category));
  return fmt::format("pseudonymised {}: {} ({})", count_of(s.documents, "document"),
                     count_of(s.replaced, "replacement"), fmt::join(parts, ", "));
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

// Every original of the book, and the pseudonym it becomes outside the documents.
struct Rewriter {
  OriginalsFinder finder;
  std::vector<std::string> pseudonyms;

  std::optional<std::string> operator()(std::string_view text) const {
    return finder.replace(text, pseudonyms);
  }
};

Rewriter rewriter_of(const std::vector<std::set<std::string>>& originals,
                     const PseudonymBook& book) {
  std::vector<std::string> flat;
  std::vector<std::string> pseudonyms;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    for (const auto& o : originals[i]) {
      flat.push_back(o);
      pseudonyms.push_back(book.entries()[i].pseudonym);
    }
  }
  return Rewriter{OriginalsFinder(std::move(flat)), std::move(pseudonyms)};
}

// Writes the key beside its place, changes the project in one change, then puts the key in place
// and compacts the project file: the key is on disk before the project changes.
Status commit_pass(const ServiceContext& context, const KeyAccess& access, const PseudonymKey& key,
                   const Participants& participants, const std::vector<DocumentPlan>& plans,
                   const Rewriter& rewrite, const ApplySummary& summary) {
  Store& store = context.store;
  std::string pending = access.path + ".new";
  TRY_STATUS(write_key(key, access, pending));
  auto changed = store.change("pseudonymise.apply", context.actor, [&]() -> Result<std::string> {
    for (const auto& [from, to] : participants.merges) TRY_STATUS(store.merge_cases(from, to));
    for (const auto& p : plans) {
      TRY(text, Text::from_utf8(p.edited.text));
      TRY_STATUS(store.replace_document_text(p.document.id, text, p.edited.map));
    }
    TRY_STATUS(store.rewrite_free_texts(std::cref(rewrite)));
    TRY_STATUS(store.insert_pseudonymisation_records(summary.records));
    TRY_STATUS(store.forget_undo_history());
    return summary_of(summary);
  });
  if (!changed) {
    std::remove(pending.c_str());
    return tl::unexpected(changed.error());
  }
  TRY_STATUS(rename_durably(pending, access.path));
  return store.compact();
}

}  // namespace

Result<ApplySummary> apply_pseudonyms(const ServiceContext& context, const ApplyRequest& request) {
  Store& store = context.store;
  TRY(old, read_key(store, request.key));
  TRY(book, book_of(old, request.brackets));
  TRY(participants, find_participants(store, request.known, old, book));
  for (const auto& c : participants.cases) book.participant(c.guid);  // numbered in case order
  TRY(plans, plan_replacements(store, request, old, participants, book));
  TRY_STATUS(edit_documents(store, plans, book));
  auto originals = originals_by_entity(old, book, plans, participants, request.known);
  Rewriter rewrite = rewriter_of(originals, book);

  TRY(guid, store.project_guid());
  PseudonymKey key = next_key(old, guid, book, originals, plans);
  for (const auto& c : participants.cases) {
    if (auto renamed = rewrite(c.name)) key.renames.push_back({"case", c.name, *renamed});
  }
  ApplySummary summary;
  summary.new_key = !old;
  summary.documents = static_cast<std::int64_t>(plans.size());
  for (const auto& p : plans) summary.replaced += static_cast<std::int64_t>(p.replacements.size());
  summary.records = records_of(plans, book, rewrite.finder, rewrite.pseudonyms);
  TRY_STATUS(commit_pass(context, request.key, key, participants, plans, rewrite, summary));
  return summary;
}

}  // namespace thematica
