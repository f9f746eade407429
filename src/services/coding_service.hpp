#pragma once
// Use cases on codings: code a passage (by range or by exact quote), uncode, recode.

#include <optional>
#include <string>
#include <vector>

#include "core/codebook.hpp"
#include "core/entities.hpp"
#include "core/text.hpp"
#include "services/context.hpp"

namespace thematica {

// Where a passage is: a code-point range, or an exact quote (the nth occurrence, 1-based, when it
// occurs more than once).
struct PassageRef {
  std::optional<Range> range;
  std::optional<std::string> quote;
  std::optional<int> nth;
};

struct CodingRequest {
  std::string document;
  std::string code;   // path
  std::string coder;  // created on first use
  PassageRef passage;
  std::string comment;
  bool important = false;
  bool representative = false;  // a representative quote for its code (reports take it first)
};

struct AppliedCoding {
  Event event;
  Coding coding;
};

// Errors: kNotFound (document, code); kInvalidInput for a range out of bounds or reversed, a
// quote that is absent or ambiguous (saying how often it occurs), a bad --nth; kConflict for an
// exact duplicate.
Result<AppliedCoding> apply_coding(const ServiceContext& ctx, const CodingRequest& request);

// apply_coding's work inside the caller's change, with the codebook the caller loaded: for
// callers that code many passages in one change. Errors as for apply_coding.
Result<Coding> add_coding(Store& store, const Codebook& book, const CodingRequest& request);

// Locates a passage in a text. Errors as for apply_coding.
Result<Range> locate_passage(const Text& text, const PassageRef& passage,
                             const std::string& document_name);

// Errors: kNotFound for an unknown coding id.
Result<Event> remove_coding(const ServiceContext& ctx, Id coding_id);

// Changes a coding without deleting it; unset fields stay.
struct RecodeRequest {
  Id coding_id = 0;
  std::optional<std::string> code;
  std::optional<Range> range;
  std::optional<std::string> comment;
  std::optional<bool> important;
  std::optional<bool> representative;
};
Result<Event> recode(const ServiceContext& ctx, const RecodeRequest& request);

}  // namespace thematica
