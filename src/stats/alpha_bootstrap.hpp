#pragma once
// Confidence intervals for Krippendorff's alpha by bootstrap, seeded and reproducible, and the
// probability that alpha falls short of a minimum acceptable value.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "stats/krippendorff_alpha.hpp"

namespace thematica {

// kKrippendorff: Krippendorff's own algorithm (2006, revised 2011; Content Analysis, 3rd ed.,
// 2013): the expected disagreement is held fixed and M pairs of values are drawn from the
// observed coincidences, M = min(25 x non-zero coincidence cells, n(m - 1)/2). kUnits: the plain
// (Efron) bootstrap of units, recomputing alpha from each resample of the pairable units.
enum class BootstrapMethod { kKrippendorff, kUnits };

Result<BootstrapMethod> parse_bootstrap_method(const std::string& name);
const char* bootstrap_method_name(BootstrapMethod method);

struct BootstrapOptions {
  BootstrapMethod method = BootstrapMethod::kKrippendorff;
  std::size_t samples = 20000;
  std::uint64_t seed = 1;
  double level = 0.95;  // of the two-sided percentile interval
  std::vector<double> minimums = {0.9, 0.8, 0.7, 0.667, 0.6, 0.5};
};

struct AlphaInterval {
  BootstrapOptions options;
  double low = 0, high = 0;  // the percentile interval
  // For each minimum, the share of bootstrapped alphas below it: q(alpha < minimum).
  std::vector<std::pair<double, double>> below;
  std::size_t draws = 0;      // kKrippendorff: the M pairs drawn per sample
  std::size_t undefined = 0;  // kUnits: resamples where alpha was undefined, left out
};

// Errors: kInvalidInput when alpha is undefined for `data` (nothing to resample), when samples
// is 0 or level is not between 0 and 1.
Result<AlphaInterval> bootstrap_alpha(const PairableValues& data, Level level,
                                      const BootstrapOptions& options);
// The same from the coincidences alone, for Krippendorff's method (the unit bootstrap needs the
// units: kInvalidInput).
Result<AlphaInterval> bootstrap_alpha(const Coincidences& data, Level level,
                                      const BootstrapOptions& options);

}  // namespace thematica
