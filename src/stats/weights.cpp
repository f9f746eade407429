#include "stats/weights.hpp"

#include <cmath>

namespace thematica {

Result<Weighting> parse_weighting(const std::string& name) {
  if (name == "identity" || name == "unweighted" || name == "none") return Weighting::kIdentity;
  if (name == "linear") return Weighting::kLinear;
  if (name == "quadratic") return Weighting::kQuadratic;
  return failf(ErrorKind::kInvalidInput,
               "unknown weights '{}': use unweighted, linear or quadratic", name);
}

const char* weighting_name(Weighting weighting) {
  switch (weighting) {
    case Weighting::kIdentity:
      return "unweighted";
    case Weighting::kLinear:
      return "linear";
    case Weighting::kQuadratic:
      return "quadratic";
  }
  return "unweighted";
}

std::vector<double> agreement_weights(Weighting weighting, const std::vector<double>& categories) {
  std::size_t q = categories.size();
  std::vector<double> w(q * q, 0.0);
  double span = q > 1 ? categories.back() - categories.front() : 1.0;
  for (std::size_t i = 0; i < q; ++i) {
    for (std::size_t j = 0; j < q; ++j) {
      double d = span > 0 ? std::abs(categories[i] - categories[j]) / span : 0.0;
      switch (weighting) {
        case Weighting::kIdentity:
          w[i * q + j] = i == j ? 1.0 : 0.0;
          break;
        case Weighting::kLinear:
          w[i * q + j] = 1 - d;
          break;
        case Weighting::kQuadratic:
          w[i * q + j] = 1 - d * d;
          break;
      }
    }
  }
  return w;
}

}  // namespace thematica
