#pragma once
// Agreement on where coders put segments, not only on what they called them: Krippendorff's
// unitizing alphas over a continuum (Krippendorff 2013; Krippendorff, Mathet, Bouvry & Widlöcher
// 2016). Positions are whole numbers (code points); formulas: docs/methods/agreement.md.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "stats/coefficient.hpp"

namespace thematica {

// A coded stretch [start, end) of the continuum with its value (1, 2, ...: 0 is the gap, the
// stretches a coder left uncoded).
struct ValuedSegment {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::uint32_t value = 1;
};

// One continuum [0, length) and each coder's segments on it. Within one coder, segments must not
// overlap (the family assumes each coder divides the continuum into units and gaps).
struct Continuum {
  std::int64_t length = 0;
  std::uint32_t values = 1;  // the values used are 1..values
  std::vector<std::vector<ValuedSegment>> coders;
};

struct UnitizingAgreement {
  Coefficient u_alpha;         // where the units are and what they are (gaps as a category)
  Coefficient binary_u_alpha;  // |u-alpha: relevant (any value) versus irrelevant (gap) matter
  Coefficient cu_alpha;        // the values of intersecting units, boundaries aside
  std::vector<Coefficient> per_value;  // (k)u-alpha for values 1..values, at [k - 1]
  double coverage = 0;  // the share of the pairings that cu-alpha rests on (valued with valued)
};

// Errors: kInvalidInput for fewer than two coders, a segment outside [0, length) or empty, a
// value outside 1..values, or two segments of one coder that overlap (naming them).
Result<UnitizingAgreement> unitizing_agreement(const Continuum& continuum);

}  // namespace thematica
