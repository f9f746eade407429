#pragma once
// Reviewing a pseudonymisation before it is applied: every suggestion in its context with the
// pseudonym it would get, accepted or rejected one by one or for all mentions of an entity, spans
// the detectors missed added, and pseudonyms of one's own chosen. Decisions are kept in the
// project (undoable, positions only, with the digest of the text they were made on); nothing in
// the texts changes until the review is applied (apply_pseudonyms without `automatic`).

#include <optional>
#include <string>
#include <vector>

#include "analysis/name_mentions.hpp"
#include "analysis/pseudonyms.hpp"
#include "interop/pseudonym_key.hpp"
#include "services/coding_service.hpp"
#include "services/context.hpp"

namespace thematica {

// What a review sees: the same inputs applying takes.
struct ReviewBasis {
  std::vector<KnownIdentifier> known;
  std::optional<PseudonymKey> key;  // of earlier passes, when there were any
  std::string brackets = "[]";      // for a first pass
};

enum class ReviewStatus {
  kPending,   // suggested, not decided
  kAccepted,  // to be replaced
  kRejected,  // to be left as written
  kAdded,     // a span the researcher added: to be replaced
  kCovered,   // suggested, but inside or across a span accepted or added
};
std::string_view review_status_name(ReviewStatus status);
std::optional<ReviewStatus> review_status_from_name(std::string_view name);

struct ReviewItem {
  std::string ref;  // "<document id>:<start>:<end>", what commands name it by
  Id document_id = 0;
  std::string document;
  Range range;  // code points
  std::string text;
  std::string before;  // up to kReviewContext code points of context each side, on one line
  std::string after;
  IdentifierCategory category = IdentifierCategory::kPerson;
  double confidence = 1;  // of the suggestion; 1 for an added span
  std::string rule;       // which detector found it, or "added by the reviewer"
  ReviewStatus status = ReviewStatus::kPending;
  std::string entity;     // "case:<guid>" or "<category>:<folded name>"
  std::string pseudonym;  // what it becomes when applied
  Id decision = 0;        // the decision on it, when there is one
};

constexpr std::uint64_t kReviewContext = 40;

struct Review {
  std::vector<ReviewItem> items;  // by document, then position
  std::int64_t pending = 0;
  std::int64_t to_replace = 0;  // accepted and added
  std::int64_t rejected = 0;
  // Documents whose text changed since decisions were made on it: its decisions do not apply.
  std::vector<std::string> changed_documents;
  std::vector<PseudonymEntry> book;  // every pseudonym the pass would use, chosen ones included
};

// Every suggestion and decision, in the documents named (all when empty), each with the pseudonym
// applying the whole review would give it. Errors: those of
// scan_for_identifiers and pass_basis; kInvalidInput without the key of a project pseudonymised
// before (the pseudonyms shown would not be the ones it keeps).
Result<Review> review_pseudonyms(Store& store, const ReviewBasis& basis,
                                 const std::vector<std::string>& documents = {});

// Errors: kConflict naming the first document whose text changed since decisions were made on it
// (they would point at other words), saying how to start its review again.
Status require_current_review(const Review& review);

// Which review items a decision is about; the parts add up (any item one of them picks).
struct ReviewSelection {
  std::vector<std::string> refs;       // items by ref
  std::string entity;                  // every mention of an entity, by pseudonym or entity key
  bool pending = false;                // every pending suggestion ...
  double min_confidence = 0;           // ... with at least this confidence
  double below_confidence = 2;         // ... and less than this
  std::vector<std::string> documents;  // only in these documents (all when empty)
};

enum class ReviewVerdict { kAccept, kReject, kUndecided };

struct ReviewChange {
  std::int64_t changed = 0;
  std::string summary;
  std::optional<Event> event;  // none when nothing changed
};

// Accepts, rejects or takes back decisions on the selected items (kUndecided also removes an added
// span). One change, undoable. Errors, with nothing changed: kInvalidInput for a selection that
// picks nothing or an unknown ref or entity; kConflict for accepting across a span to be replaced
// already, or deciding in a document changed since it was reviewed (reset it first).
Result<ReviewChange> decide_review(const ServiceContext& context, const ReviewBasis& basis,
                                   const ReviewSelection& selection, ReviewVerdict verdict);

// Adds a span the detectors missed (a range, or a quote as for coding); its category is guessed
// from the text when not given. Errors: kNotFound for an unknown document; those of
// locate_passage; kInvalidInput for a span starting or ending inside a word or on a space;
// kConflict for a span that overlaps one to be replaced already (named), or in a document changed
// since it was reviewed.
Result<ReviewItem> add_review_span(const ServiceContext& context, const ReviewBasis& basis,
                                   const std::string& document, const PassageRef& where,
                                   std::optional<IdentifierCategory> category);

// Gives an entity (named by its pseudonym or entity key) a pseudonym of the researcher's own, or
// with an empty `pseudonym` takes it back. Errors: kInvalidInput for an unknown entity or a
// pseudonym that is empty of letters and digits, spans lines, or is longer than 60 characters;
// kConflict when another entity has it, or for an entity an earlier pass named in the texts.
Result<ReviewChange> choose_review_pseudonym(const ServiceContext& context,
                                             const ReviewBasis& basis, const std::string& entity,
                                             const std::string& pseudonym);

// Forgets the decisions on the named documents (every decision and chosen pseudonym when empty):
// after a text changed, or to start again.
Result<ReviewChange> reset_review(const ServiceContext& context,
                                  const std::vector<std::string>& documents);

}  // namespace thematica
