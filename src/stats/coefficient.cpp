#include "stats/coefficient.hpp"

#include <cmath>
#include <utility>

namespace thematica {

Coefficient chance_corrected(double observed, double expected, std::size_t units) {
  Coefficient c;
  c.observed = observed;
  c.expected = expected;
  c.units = units;
  // Chance agreement of 1 means every coder used one category alike: nothing to correct for.
  if (std::abs(1 - expected) < 1e-12) {
    c.why_undefined =
        "chance agreement is 1 (every rating is in one category), so there is no variation "
        "to agree on";
    return c;
  }
  c.value = (observed - expected) / (1 - expected);
  return c;
}

Coefficient undefined_coefficient(std::string why, std::size_t units) {
  Coefficient c;
  c.why_undefined = std::move(why);
  c.units = units;
  return c;
}

}  // namespace thematica
