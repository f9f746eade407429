#pragma once
// What every agreement coefficient returns: its value, or why it has none, with the observed and
// chance terms it was made of, so a report can show its working.

#include <cstddef>
#include <optional>
#include <string>

namespace thematica {

struct Coefficient {
  // Nullopt when the coefficient is undefined for these data (no units, or chance agreement of 1,
  // that is, expected disagreement of 0); `why_undefined` says which, in words for the user.
  std::optional<double> value;
  std::string why_undefined;
  // Observed and chance-expected agreement (kappa family) or disagreement (alpha), as the
  // coefficient defines them.
  double observed = 0;
  double expected = 0;
  // The asymptotic standard error, where the coefficient has one.
  std::optional<double> standard_error;
  std::size_t units = 0;   // the units that entered it
  std::size_t values = 0;  // the ratings that entered it (alpha: the pairable values)
};

// (observed - expected) / (1 - expected), or undefined when expected is 1.
Coefficient chance_corrected(double observed, double expected, std::size_t units);

// Nullopt with the reason.
Coefficient undefined_coefficient(std::string why, std::size_t units);

// For the coefficients whose chance model counts categories: the undefined coefficient when q
// (the categories the coders could choose from) is below 2 or below the `used` ones, else nullopt.
std::optional<Coefficient> check_category_count(const char* coefficient, std::size_t used,
                                                std::size_t q);

}  // namespace thematica
