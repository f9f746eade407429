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
#include "services/pseudonymisation_basis.hpp"
#include "services/pseudonymisation_review.hpp"
#include "services/pseudonymisation_scan.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

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

Result<std::vector<DocumentPlan>> plan_replacements(Store& store,
                                                    const std::vector<ScanSuggestion>& spans,
                                                    PassBasis& basis) {
  std::vector<DocumentPlan> plans;
  std::vector<Range> taken;
  for (const auto& s : spans) {
    if (plans.empty() || plans.back().document.name != s.document) {
      TRY(doc, require_document(store, s.document));
      TRY(text, store.text_index(doc.id));
      taken = pseudonyms_in(*text, basis.book);
      plans.push_back({doc, text, {}, {}});
    }
    if (std::any_of(taken.begin(), taken.end(),
                    [&](const Range& r) { return r.overlaps(s.range); })) {
      continue;
    }
    plans.back().replacements.push_back({s.range, entity_of(basis, s.category, s.text), s.text});
  }
  std::erase_if(plans, [](const DocumentPlan& p) { return p.replacements.empty(); });
  return plans;
}

// The spans a review accepted or added. Errors: kConflict for a document changed since its
// review; kInvalidInput while suggestions are pending or when nothing is to be replaced.
Result<std::vector<ScanSuggestion>> reviewed_spans(Store& store, const ApplyRequest& request,
                                                   const std::optional<PseudonymKey>& old) {
  TRY(review, review_pseudonyms(store, {request.known, old, request.brackets}));
  TRY_STATUS(require_current_review(review));
  std::vector<ScanSuggestion> out;
  for (const auto& i : review.items) {
    if (i.status == ReviewStatus::kPending) {
      return failf(ErrorKind::kInvalidInput,
                   "{} not decided yet, the first '{}' ({}, {}) in '{}'; accept or reject them "
                   "('thematica pseudonymise review accept|reject ...'), or apply --auto; "
                   "nothing was changed",
                   review.pending == 1 ? std::string("1 suggestion is")
                                       : fmt::format("{} suggestions are", review.pending),
                   i.text, i.ref, category_name(i.category), i.document);
    }
    if (i.status == ReviewStatus::kAccepted || i.status == ReviewStatus::kAdded) {
      out.push_back({i.document, i.range, i.text, i.category, i.confidence, i.rule});
    }
  }
  if (out.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "the review accepts nothing to replace; accept suggestions or add spans first "
                "('thematica pseudonymise review'); nothing was changed");
  }
  return out;
}

// What a pass replaces: every suggestion at or above the confidence, or what the review accepted.
Result<std::vector<ScanSuggestion>> spans_to_replace(Store& store, const ApplyRequest& request,
                                                     const std::optional<PseudonymKey>& old) {
  if (!request.automatic) return reviewed_spans(store, request, old);
  return scan_for_identifiers(store,
                              {{}, listed_and_kept(request.known, old), request.min_confidence});
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
    TRY_STATUS(store.forget_pseudonymisation_review());  // its positions were in the old texts
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
  TRY(basis, pass_basis(store, old, request.known, request.brackets));
  TRY(spans, spans_to_replace(store, request, basis.old));
  TRY(plans, plan_replacements(store, spans, basis));
  TRY(choices, store.pseudonym_choices());
  TRY_STATUS(apply_choices(basis, choices));
  PseudonymBook& book = basis.book;
  const Participants& participants = basis.participants;
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
