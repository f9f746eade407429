#pragma once
// Where coders disagree at the segment unit, for the team to reconcile: each passage and code
// that some of the compared coders applied and others did not, with what the others did there.

#include <cstdint>
#include <vector>

#include "analysis/agreement_units.hpp"

namespace thematica {

// What the coders who did not apply the code did instead; when they differ, the first that
// applies: kBoundaries (they applied the code to text overlapping the passage, but below the
// overlap rule), kAnotherCode (they applied another code to the passage), kNotCoded (nothing).
enum class DisagreementKind { kBoundaries, kAnotherCode, kNotCoded };

const char* disagreement_kind_name(DisagreementKind kind);  // boundaries, other-code, missing

struct Disagreement {
  std::uint32_t document = 0;
  std::uint32_t code = 0;
  // The disputed stretch: the passage, widened for kBoundaries to the overlapping codings of the
  // code (one item however many passages those codings form).
  std::int64_t start = 0;
  std::int64_t end = 0;
  DisagreementKind kind = DisagreementKind::kNotCoded;
  std::uint64_t applied = 0;  // the coders who applied the code in the passage (bits)
  // The codings involved (indices into AgreementData::spans), by start, then coder: those of
  // the passage, and for kBoundaries the overlapping codings of the code.
  std::vector<std::size_t> spans;
};

// By document, start and code.
std::vector<Disagreement> disagreements(const AgreementData& data, double min_overlap);

}  // namespace thematica
