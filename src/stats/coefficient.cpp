#include "stats/coefficient.hpp"

#include <cmath>
#include <utility>

#include <fmt/format.h>

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

std::optional<Coefficient> check_category_count(const char* coefficient, std::size_t used,
                                                std::size_t q) {
  if (q >= 2 && q >= used) return std::nullopt;
  return undefined_coefficient(
      fmt::format("{} needs the number of categories the coders could choose from (at least 2 "
                  "and at least the {} used); got {}",
                  coefficient, used, q),
      0);
}

}  // namespace thematica
