#include "services/pseudonymisation_review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "analysis/word_edges.hpp"
#include "core/one_line.hpp"
#include "services/lookup.hpp"
#include "services/pseudonymisation_basis.hpp"
#include "services/pseudonymisation_scan.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

constexpr std::array<std::string_view, 5> kStatusNames = {"pending", "accepted", "rejected",
                                                          "added", "covered"};
constexpr std::string_view kAddedRule = "added by the reviewer";
constexpr std::size_t kMaxPseudonymLength = 60;

bool to_replace(ReviewStatus s) {
  return s == ReviewStatus::kAccepted || s == ReviewStatus::kAdded;
}

struct DocumentView {
  Document document;
  std::shared_ptr<const Text> text;
  bool changed = false;  // since decisions were made on it
};

ReviewItem item_at(const DocumentView& view, Range range, IdentifierCategory category) {
  const Text& text = *view.text;
  ReviewItem item;
  item.ref = fmt::format("{}:{}:{}", view.document.id, range.start, range.end);
  item.document_id = view.document.id;
  item.document = view.document.name;
  item.range = range;
  item.text = std::string(text.slice(range));
  std::uint64_t from = range.start > kReviewContext ? range.start - kReviewContext : 0;
  std::uint64_t to = std::min(text.length(), range.end + kReviewContext);
  item.before = one_line(std::string(text.slice({from, range.start})));
  item.after = one_line(std::string(text.slice({range.end, to})));
  item.category = category;
  return item;
}

// A document's items: its suggestions with the decisions on them, and the spans decided that no
// detector suggests (added, or accepted when the detectors still found them).
std::vector<ReviewItem> items_of(const DocumentView& view,
                                 const std::vector<ScanSuggestion>& suggestions,
                                 const std::vector<PseudonymisationDecision>& decisions) {
  std::map<std::pair<std::uint64_t, std::uint64_t>, const PseudonymisationDecision*> decided;
  if (!view.changed) {
    for (const auto& d : decisions) decided[{d.range.start, d.range.end}] = &d;
  }
  std::vector<ReviewItem> out;
  for (const auto& s : suggestions) {
    ReviewItem item = item_at(view, s.range, s.category);
    item.confidence = s.confidence;
    item.rule = s.rule;
    if (auto d = decided.find({s.range.start, s.range.end}); d != decided.end()) {
      const auto& decision = *d->second;
      item.status = decision.decision == "reject"   ? ReviewStatus::kRejected
                    : decision.decision == "accept" ? ReviewStatus::kAccepted
                                                    : ReviewStatus::kAdded;
      item.category = category_from_name(decision.category).value_or(s.category);
      item.decision = decision.id;
      decided.erase(d);
    }
    out.push_back(std::move(item));
  }
  for (const auto& [where, decision] : decided) {
    if (decision->decision == "reject") continue;  // nothing suggests it any more
    ReviewItem item =
        item_at(view, decision->range,
                category_from_name(decision->category).value_or(IdentifierCategory::kPerson));
    item.status = decision->decision == "add" ? ReviewStatus::kAdded : ReviewStatus::kAccepted;
    item.decision = decision->id;
    item.rule = decision->decision == "add" ? kAddedRule : "accepted when it was suggested";
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
    return std::pair(a.range.start, a.range.end) < std::pair(b.range.start, b.range.end);
  });
  for (auto& item : out) {
    if (item.status != ReviewStatus::kPending) continue;
    bool covered = std::any_of(out.begin(), out.end(), [&](const ReviewItem& other) {
      return to_replace(other.status) && other.range.overlaps(item.range);
    });
    if (covered) item.status = ReviewStatus::kCovered;
  }
  return out;
}

// Gives each item the entity and pseudonym applying would give it: spans to replace and pending
// ones first, in order (they are numbered and lettered as they come), then the chosen pseudonyms,
// then the rest, which would take letters of their own.
void name_entities(PassBasis& basis, const std::vector<PseudonymChoice>& choices,
                   std::vector<ReviewItem>& items) {
  std::vector<std::size_t> entity(items.size());
  auto assign = [&](bool first) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      bool early = to_replace(items[i].status) || items[i].status == ReviewStatus::kPending;
      if (early == first) entity[i] = entity_of(basis, items[i].category, items[i].text);
    }
  };
  assign(true);
  // A chosen pseudonym in conflict is refused when applied; the review still shows the rest.
  for (const auto& choice : choices) (void)apply_choices(basis, {choice});
  assign(false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& e = basis.book.entries()[entity[i]];
    items[i].entity = e.entity;
    items[i].pseudonym = e.pseudonym;
  }
}

Result<std::vector<DocumentView>> document_views(
    Store& store, const std::map<Id, std::vector<PseudonymisationDecision>>& decisions) {
  TRY(documents, store.documents());
  std::vector<DocumentView> out;
  for (const auto& d : documents) {
    TRY(text, store.text_index(d.id));
    bool changed = false;
    if (auto found = decisions.find(d.id); found != decisions.end()) {
      changed = std::any_of(found->second.begin(), found->second.end(),
                            [&](const auto& x) { return x.text_sha256 != d.sha256; });
    }
    out.push_back({d, text, changed});
  }
  return out;
}

Review summed(std::vector<ReviewItem> items, std::vector<std::string> changed) {
  Review review;
  for (const auto& item : items) {
    review.pending += item.status == ReviewStatus::kPending ? 1 : 0;
    review.to_replace += to_replace(item.status) ? 1 : 0;
    review.rejected += item.status == ReviewStatus::kRejected ? 1 : 0;
  }
  review.items = std::move(items);
  review.changed_documents = std::move(changed);
  return review;
}

// Whether a code point of `text` at `at` (inside it) is part of a word: as for the detectors, any
// multi-byte character but punctuation ("—", "…").
bool word_at(const Text& text, std::uint64_t at) {
  std::string_view c = text.slice({at, at + 1});
  if (punctuation_after(c, 0, c.size()) > 0) return false;
  return !c.empty() && (static_cast<unsigned char>(c[0]) >= 0x80 ||
                        std::isalnum(static_cast<unsigned char>(c[0])) != 0);
}

Status check_span(const Document& document, const Text& text, Range range) {
  // locate_passage refused ranges outside the text, reversed or empty.
  std::string_view first = text.slice({range.start, range.start + 1});
  std::string_view last = text.slice({range.end - 1, range.end});
  bool cuts =
      (range.start > 0 && word_at(text, range.start - 1) && word_at(text, range.start)) ||
      (range.end < text.length() && word_at(text, range.end) && word_at(text, range.end - 1));
  if (cuts || first == " " || last == " " || first == "\n" || last == "\n") {
    return failf(ErrorKind::kInvalidInput,
                 "'{}' ({}:{} in '{}') starts or ends inside a word or on a space; select whole "
                 "words",
                 one_line(std::string(text.slice(range))), range.start, range.end, document.name);
  }
  return {};
}

Status refuse_changed(const std::string& document) {
  return failf(ErrorKind::kConflict,
               "'{}' changed since it was reviewed: its decisions were made on another text. "
               "Start its review again with 'thematica pseudonymise review reset --doc \"{}\"'; "
               "nothing was changed",
               document, document);
}

Result<std::map<Id, std::string>> digests(Store& store) {
  TRY(documents, store.documents());
  std::map<Id, std::string> out;
  for (const auto& d : documents) out[d.id] = d.sha256;
  return out;
}

// The items a selection picks, each once.
Result<std::vector<const ReviewItem*>> select(const Review& review, const ReviewSelection& s) {
  std::vector<const ReviewItem*> out;
  std::set<const ReviewItem*> seen;
  auto pick = [&](const ReviewItem& item) {
    if (seen.insert(&item).second) out.push_back(&item);
  };
  for (const auto& ref : s.refs) {
    auto found = std::find_if(review.items.begin(), review.items.end(),
                              [&](const ReviewItem& i) { return i.ref == ref; });
    if (found == review.items.end()) {
      return failf(ErrorKind::kInvalidInput,
                   "there is no suggestion {} in the review (refs are DOCUMENT-ID:START:END, as "
                   "'thematica pseudonymise review' lists them)",
                   ref);
    }
    pick(*found);
  }
  if (!s.entity.empty()) {
    const std::string& entity = s.entity;
    bool any = false;
    for (const auto& i : review.items) {
      if (i.pseudonym != entity && i.entity != entity) continue;
      any = true;
      if (i.status != ReviewStatus::kCovered) pick(i);
    }
    if (!any) {
      return failf(ErrorKind::kInvalidInput,
                   "nothing in the review would become '{}'; name an entity by the pseudonym "
                   "'thematica pseudonymise review' shows",
                   entity);
    }
  }
  for (const auto& i : review.items) {
    if (s.pending && i.status == ReviewStatus::kPending && i.confidence >= s.min_confidence &&
        i.confidence < s.below_confidence) {
      pick(i);
    }
  }
  if (out.empty()) return fail(ErrorKind::kInvalidInput, "the selection picks no suggestion");
  return out;
}

Status check_accept(const Review& review, const ReviewItem& item) {
  for (const auto& other : review.items) {
    if (&other == &item || !to_replace(other.status) || !other.range.overlaps(item.range) ||
        other.document_id != item.document_id) {
      continue;
    }
    return failf(ErrorKind::kConflict,
                 "'{}' ({}) overlaps '{}' ({}), which is {} already; take that back first "
                 "('thematica pseudonymise review undecide {}'); nothing was changed",
                 item.text, item.ref, other.text, other.ref, review_status_name(other.status),
                 other.ref);
  }
  return {};
}

std::string_view verdict_word(ReviewVerdict verdict) {
  switch (verdict) {
    case ReviewVerdict::kAccept:
      return "accepted";
    case ReviewVerdict::kReject:
      return "rejected";
    case ReviewVerdict::kUndecided:
      return "took back";
  }
  return "";
}

}  // namespace

Status require_current_review(const Review& review) {
  if (review.changed_documents.empty()) return {};
  return refuse_changed(review.changed_documents.front());
}

std::string_view review_status_name(ReviewStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<ReviewStatus> review_status_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<ReviewStatus>(i);
  }
  return std::nullopt;
}

Result<Review> review_pseudonyms(Store& store, const ReviewBasis& basis,
                                 const std::vector<std::string>& documents) {
  TRY(passes, store.pseudonymisation_records());
  if (!passes.empty() && !basis.key) {
    return fail(ErrorKind::kInvalidInput,
                "this project was pseudonymised before: a review needs its key to keep the same "
                "pseudonyms (add --key-file FILE and --passphrase-file FILE)");
  }
  TRY(pass, pass_basis(store, basis.key, basis.known, basis.brackets));
  TRY(decisions, store.pseudonymisation_decisions());
  std::map<Id, std::vector<PseudonymisationDecision>> by_document;
  for (auto& d : decisions) by_document[d.document_id].push_back(std::move(d));
  for (const auto& name : documents) TRY_STATUS(require_document(store, name));
  // Every document, even when some are asked for: participants are numbered and others lettered
  // in the order of the whole project, as applying will.
  TRY(views, document_views(store, by_document));
  TRY(suggestions, scan_for_identifiers(store, {{}, listed_and_kept(basis.known, pass.old), 0}));
  std::vector<ReviewItem> items;
  std::vector<std::string> changed;
  std::map<std::string, std::vector<ScanSuggestion>> by_name;
  for (auto& s : suggestions) by_name[s.document].push_back(std::move(s));
  for (const auto& view : views) {
    std::vector<ScanSuggestion>& own = by_name[view.document.name];
    std::vector<Range> taken = pseudonyms_in(*view.text, pass.book);
    std::erase_if(own, [&](const ScanSuggestion& s) {
      return std::any_of(taken.begin(), taken.end(),
                         [&](const Range& r) { return r.overlaps(s.range); });
    });
    if (view.changed) changed.push_back(view.document.name);
    auto found = by_document.find(view.document.id);
    auto document_items = items_of(
        view, own,
        found == by_document.end() ? std::vector<PseudonymisationDecision>() : found->second);
    std::move(document_items.begin(), document_items.end(), std::back_inserter(items));
  }
  TRY(choices, store.pseudonym_choices());
  name_entities(pass, choices, items);
  if (!documents.empty()) {
    auto asked = [&](const std::string& name) {
      return std::find(documents.begin(), documents.end(), name) != documents.end();
    };
    std::erase_if(items, [&](const ReviewItem& i) { return !asked(i.document); });
    std::erase_if(changed, [&](const std::string& name) { return !asked(name); });
  }
  Review review = summed(std::move(items), std::move(changed));
  review.book = pass.book.entries();
  return review;
}

Result<ReviewChange> decide_review(const ServiceContext& context, const ReviewBasis& basis,
                                   const ReviewSelection& selection, ReviewVerdict verdict) {
  TRY(review, review_pseudonyms(context.store, basis, selection.documents));
  TRY(picked, select(review, selection));
  TRY(digest, digests(context.store));
  std::vector<PseudonymisationDecision> record;
  std::vector<Id> forget;
  for (const ReviewItem* item : picked) {
    if (std::find(review.changed_documents.begin(), review.changed_documents.end(),
                  item->document) != review.changed_documents.end()) {
      return tl::unexpected(refuse_changed(item->document).error());
    }
    bool added = item->status == ReviewStatus::kAdded;
    if (verdict == ReviewVerdict::kUndecided || (verdict == ReviewVerdict::kReject && added)) {
      if (item->decision != 0) forget.push_back(item->decision);
      continue;
    }
    bool accept = verdict == ReviewVerdict::kAccept;
    if ((accept && to_replace(item->status)) ||
        (!accept && item->status == ReviewStatus::kRejected)) {
      continue;  // so already
    }
    if (accept) TRY_STATUS(check_accept(review, *item));
    record.push_back({0, item->document_id, item->range, std::string(category_name(item->category)),
                      accept ? "accept" : "reject", digest[item->document_id]});
  }
  ReviewChange out;
  out.changed = static_cast<std::int64_t>(record.size() + forget.size());
  out.summary = fmt::format("pseudonymisation review: {} {}", verdict_word(verdict),
                            count_of(out.changed, "suggestion"));
  if (out.changed == 0) return out;
  TRY(event,
      context.store.change("pseudonymise.review", context.actor, [&]() -> Result<std::string> {
        TRY_STATUS(context.store.record_pseudonymisation_decisions(record));
        TRY_STATUS(context.store.forget_pseudonymisation_decisions(forget));
        return out.summary;
      }));
  out.event = std::move(event);
  return out;
}

Result<ReviewItem> add_review_span(const ServiceContext& context, const ReviewBasis& basis,
                                   const std::string& document, const PassageRef& where,
                                   std::optional<IdentifierCategory> category) {
  TRY(doc, require_document(context.store, document));
  TRY(text, context.store.text_index(doc.id));
  TRY(range, locate_passage(*text, where, doc.name));
  TRY_STATUS(check_span(doc, *text, range));
  TRY(review, review_pseudonyms(context.store, basis, {document}));
  TRY_STATUS(require_current_review(review));
  ReviewItem added = item_at({doc, text, false}, range, IdentifierCategory::kPerson);
  added.category = category.value_or(guess_category(added.text));
  for (const auto& other : review.items) {
    if (other.range == range && to_replace(other.status)) return other;  // so already
  }
  TRY_STATUS(check_accept(review, added));
  TRY_STATUS(
      context.store.change("pseudonymise.review", context.actor, [&]() -> Result<std::string> {
        TRY_STATUS(context.store.record_pseudonymisation_decisions(
            {{0, doc.id, range, std::string(category_name(added.category)), "add", doc.sha256}}));
        return fmt::format("pseudonymisation review: added a span ({}) to '{}'",
                           category_name(added.category), doc.name);
      }));
  TRY(after, review_pseudonyms(context.store, basis, {document}));
  for (auto& item : after.items) {
    if (item.ref == added.ref) return std::move(item);
  }
  return fail(ErrorKind::kInternal, "the added span is not in the review");
}

Result<ReviewChange> choose_review_pseudonym(const ServiceContext& context,
                                             const ReviewBasis& basis, const std::string& entity,
                                             const std::string& pseudonym) {
  bool printable = std::any_of(pseudonym.begin(), pseudonym.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  bool control = std::any_of(pseudonym.begin(), pseudonym.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (!pseudonym.empty() && (!printable || control || pseudonym.size() > kMaxPseudonymLength)) {
    return failf(ErrorKind::kInvalidInput,
                 "'{}' cannot be a pseudonym: give one line of at most {} characters with a "
                 "letter or digit, such as \"[Nurse 1]\"",
                 one_line(pseudonym), kMaxPseudonymLength);
  }
  TRY(review, review_pseudonyms(context.store, basis));
  std::set<std::string> entities;
  std::string was;  // the pseudonym it had: the log names no original
  for (const auto& i : review.items) {
    if (i.pseudonym != entity && i.entity != entity) continue;
    entities.insert(i.entity);
    was = i.pseudonym;
  }
  if (entities.empty()) {
    return failf(ErrorKind::kInvalidInput,
                 "nothing in the review would become '{}'; name an entity by the pseudonym "
                 "'thematica pseudonymise review' shows",
                 entity);
  }
  for (const auto& e : basis.key ? basis.key->entities : std::vector<KeyEntity>()) {
    if (entities.contains(e.entity)) {
      return failf(ErrorKind::kConflict,
                   "'{}' was written into the texts by an earlier pass; it cannot be renamed",
                   e.pseudonym);
    }
  }
  for (const auto& e : review.book) {
    if (!pseudonym.empty() && e.pseudonym == pseudonym && !entities.contains(e.entity)) {
      return failf(ErrorKind::kConflict, "'{}' is the pseudonym of another {}; choose another",
                   pseudonym, category_name(e.category));
    }
  }
  ReviewChange out{static_cast<std::int64_t>(entities.size()),
                   pseudonym.empty()
                       ? fmt::format("pseudonymisation review: '{}' back to the "
                                     "pseudonym given",
                                     was)
                       : fmt::format("pseudonymisation review: '{}' becomes '{}'", was, pseudonym),
                   std::nullopt};
  TRY(event,
      context.store.change("pseudonymise.review", context.actor, [&]() -> Result<std::string> {
        for (const auto& e : entities) TRY_STATUS(context.store.choose_pseudonym({e, pseudonym}));
        return out.summary;
      }));
  out.event = std::move(event);
  return out;
}

Result<ReviewChange> reset_review(const ServiceContext& context,
                                  const std::vector<std::string>& documents) {
  std::vector<Id> ids;
  for (const auto& name : documents) {
    TRY(doc, require_document(context.store, name));
    ids.push_back(doc.id);
  }
  ReviewChange out;
  TRY(event,
      context.store.change("pseudonymise.review", context.actor, [&]() -> Result<std::string> {
        if (ids.empty()) {
          TRY(all, context.store.pseudonymisation_decisions());
          TRY(choices, context.store.pseudonym_choices());
          out.changed = static_cast<std::int64_t>(all.size() + choices.size());
          TRY_STATUS(context.store.forget_pseudonymisation_review());
        }
        for (Id id : ids) {
          TRY(n, context.store.forget_document_decisions(id));
          out.changed += n;
        }
        out.summary =
            fmt::format("pseudonymisation review: forgot {}", count_of(out.changed, "decision"));
        return out.summary;
      }));
  out.event = std::move(event);
  return out;
}

}  // namespace thematica
