#pragma once
// Reconciling coders (`thematica agree disagreements`, `thematica reconcile`): every disagreement
// at the segment unit with each coder's version in context, and the team's decision on each,
// written as a consensus coder's codings and logged with its reason. The consensus coder is an
// ordinary coder, so reports and agreement can use it like any other.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/agreement_scope.hpp"
#include "services/context.hpp"

namespace thematica {

// One coding involved in a disagreement.
struct CodingVersion {
  Id coding_id = 0;
  std::string coder;
  std::string code;  // path
  Range range;
  std::string text;  // exact, as the document has it
};

struct DisagreementItem {
  std::size_t number = 0;  // from 1; stays the same while the compared codings do not change
  Id document_id = 0;
  std::string document;
  Id code_id = 0;
  std::string code;  // path
  Range passage;     // the disputed stretch
  std::string kind;  // boundaries, other-code, missing (docs/methods/agreement.md)
  std::vector<std::string> applied_by;
  std::vector<std::string> not_applied_by;
  std::vector<CodingVersion> versions;             // every coding involved, by start
  std::string before, text, after;                 // the passage with its context
  std::optional<ReconciliationDecision> decision;  // when the team has decided it
};

struct DisagreementList {
  std::vector<std::string> coders;
  std::size_t documents = 0;  // compared
  std::vector<ExcludedDocument> excluded;
  std::vector<DisagreementItem> items;
  std::size_t decided = 0;
};

// Every disagreement between the scope's coders, with `context` code points on each side.
// Errors: those of select_scope.
Result<DisagreementList> list_disagreements(Store& store, const AgreementScope& scope,
                                            std::uint64_t context);

enum class Resolution { kTake, kBoth, kAdjust, kDiscard };

const char* resolution_name(Resolution resolution);  // take, both, adjust, discard

struct ReconcileRequest {
  AgreementScope scope;
  std::size_t item = 0;  // its number in list_disagreements
  Resolution resolution = Resolution::kTake;
  std::string take;            // kTake: whose version of the code is kept (may be none)
  std::optional<Range> range;  // kAdjust: the consensus coding's range
  std::string memo;            // the reason, logged with the decision
  std::string consensus = "consensus";
};

// Writes the decision: kTake copies that coder's codings of the item's code in the passage to
// the consensus coder, kBoth every compared coder's, kAdjust one coding of the code at `range`,
// kDiscard nothing; the decision is logged either way. One change (undo reverts it whole).
// Errors: kNotFound for an unknown item number; kConflict for an item already decided;
// kInvalidInput for a consensus coder among the compared ones, --take naming a coder not
// compared, kAdjust without a range or with a range outside the document.
Result<Event> reconcile(const ServiceContext& ctx, const ReconcileRequest& request);

// Copies the codings every compared coder agrees on (a passage and code all of them applied) to
// the consensus coder, taking the first-named coder's version; codings the consensus coder has
// already are skipped. Returns the change, whose summary says how many were copied.
Result<Event> adopt_agreed_codings(const ServiceContext& ctx, const AgreementScope& scope,
                                   const std::string& consensus);

}  // namespace thematica
