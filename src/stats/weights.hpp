#pragma once
// Agreement weights for weighted kappa and Gwet's AC2: how much two categories agree, from 1 (the
// same) to 0 (as far apart as the scale allows).

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace thematica {

// kIdentity: only the same category agrees (unweighted). kLinear: 1 - |i - j| / (q - 1).
// kQuadratic: 1 - (i - j)^2 / (q - 1)^2. Both over the categories' values, not their ranks, when
// the categories are numbers (as Gwet 2014 defines them; for 1..q the two are the same).
enum class Weighting { kIdentity, kLinear, kQuadratic };

// Errors: kInvalidInput naming the accepted names (identity|unweighted, linear, quadratic).
Result<Weighting> parse_weighting(const std::string& name);
const char* weighting_name(Weighting weighting);

// A q x q matrix, row-major, for the given (ascending) category values.
std::vector<double> agreement_weights(Weighting weighting, const std::vector<double>& categories);

}  // namespace thematica
