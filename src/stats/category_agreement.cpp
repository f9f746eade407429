#include "stats/category_agreement.hpp"

#include <cmath>
#include <functional>

namespace thematica {
namespace {

// p_a for one unit: the weighted share of its ordered pairs of ratings that agree.
double unit_agreement(const CategoryCounts& counts, const std::vector<double>& w, std::size_t u,
                      double raters) {
  std::size_t q = counts.categories();
  double sum = 0;
  for (std::size_t k = 0; k < q; ++k) {
    double r_k = counts.at(u, k);
    if (r_k == 0) continue;
    double weighted = 0;  // r*_ik: ratings of unit u that agree with category k
    for (std::size_t l = 0; l < q; ++l) weighted += w[k * q + l] * counts.at(u, l);
    sum += r_k * (weighted - 1);
  }
  return sum / (raters * (raters - 1));
}

std::vector<double> identity(std::size_t q) {
  std::vector<double> w(q * q, 0.0);
  for (std::size_t k = 0; k < q; ++k) w[k * q + k] = 1;
  return w;
}

Coefficient no_comparable_units() {
  return undefined_coefficient("no unit was rated by two or more coders", 0);
}

// Gwet's (2014) linearisation: each rated unit's contribution to the coefficient, corrected for
// its share of chance agreement (`unit_chance`), gives the variance conditional on the coders.
double linearised_standard_error(const CategoryCounts& counts, const std::vector<double>& w,
                                 const CategoryAgreement& a, double pe, double coefficient,
                                 const std::function<double(std::size_t, double)>& unit_chance) {
  auto n = static_cast<double>(a.rated_units);
  auto n2 = static_cast<double>(a.comparable_units);
  if (n < 2) return 0;
  double sum = 0;
  for (std::size_t u = 0; u < counts.units(); ++u) {
    double raters = counts.raters(u);
    if (raters < 1) continue;
    double own = raters >= 2 ? n / n2 * (unit_agreement(counts, w, u, raters) - pe) / (1 - pe) : 0;
    double corrected = own - 2 * (1 - coefficient) * (unit_chance(u, raters) - pe) / (1 - pe);
    sum += (corrected - coefficient) * (corrected - coefficient);
  }
  return std::sqrt(sum / (n * (n - 1)));
}

// Declared categories beyond those used add their identity weights to the weights' total.
double weight_total(const std::vector<double>& weights, std::size_t used, std::size_t q) {
  double t = 0;
  for (double w : weights) t += w;
  return t + static_cast<double>(q - used);
}

}  // namespace

CategoryAgreement category_agreement(const CategoryCounts& counts,
                                     const std::vector<double>& weights) {
  CategoryAgreement a;
  std::size_t q = counts.categories();
  a.proportions.assign(q, 0.0);
  double observed_sum = 0;
  for (std::size_t u = 0; u < counts.units(); ++u) {
    double raters = counts.raters(u);
    if (raters < 1) continue;
    ++a.rated_units;
    a.ratings += static_cast<std::size_t>(raters);
    for (std::size_t k = 0; k < q; ++k) a.proportions[k] += counts.at(u, k) / raters;
    if (raters < 2) continue;
    ++a.comparable_units;
    observed_sum += unit_agreement(counts, weights, u, raters);
  }
  for (double& p : a.proportions) p /= static_cast<double>(std::max<std::size_t>(a.rated_units, 1));
  a.observed = a.comparable_units ? observed_sum / static_cast<double>(a.comparable_units) : 0;
  return a;
}

Coefficient percent_agreement(const CategoryCounts& counts) {
  auto a = category_agreement(counts, identity(counts.categories()));
  if (a.comparable_units == 0) return no_comparable_units();
  Coefficient c;
  c.value = c.observed = a.observed;
  c.units = a.comparable_units;
  c.values = a.ratings;
  return c;
}

Coefficient fleiss_kappa(const CategoryCounts& counts, const std::vector<double>& weights) {
  auto a = category_agreement(counts, weights);
  if (a.comparable_units == 0) return no_comparable_units();
  std::size_t q = counts.categories();
  double pe = 0;
  std::vector<double> mean_weight(q, 0.0);  // pi-bar_k: weights to k, averaged both ways
  for (std::size_t k = 0; k < q; ++k) {
    for (std::size_t l = 0; l < q; ++l) {
      pe += weights[k * q + l] * a.proportions[k] * a.proportions[l];
      mean_weight[k] += (weights[k * q + l] + weights[l * q + k]) / 2 * a.proportions[l];
    }
  }
  auto c = chance_corrected(a.observed, pe, a.comparable_units);
  c.values = a.ratings;
  if (!c.value) return c;
  c.standard_error =
      linearised_standard_error(counts, weights, a, pe, *c.value, [&](std::size_t u, double r) {
        double s = 0;
        for (std::size_t k = 0; k < q; ++k) s += counts.at(u, k) * mean_weight[k];
        return s / r;
      });
  return c;
}

Coefficient fleiss_kappa_for_category(const CategoryCounts& counts, std::size_t k) {
  // Category k against the rest: the same coefficient on a two-category table.
  CategoryCounts binary(counts.units(), 2);
  for (std::size_t u = 0; u < counts.units(); ++u) {
    binary.set(u, 0, counts.at(u, k));
    binary.set(u, 1, counts.raters(u) - counts.at(u, k));
  }
  auto c = fleiss_kappa(binary, identity(2));
  c.standard_error.reset();  // Gwet's error is for the whole table, not one category
  return c;
}

Coefficient free_marginal_kappa(const CategoryCounts& counts, std::size_t q) {
  if (auto bad = check_category_count("free-marginal kappa", counts.categories(), q)) return *bad;
  auto a = category_agreement(counts, identity(counts.categories()));
  if (a.comparable_units == 0) return no_comparable_units();
  auto c = chance_corrected(a.observed, 1.0 / static_cast<double>(q), a.comparable_units);
  c.values = a.ratings;
  return c;
}

Coefficient gwet_ac(const CategoryCounts& counts, const std::vector<double>& weights,
                    std::size_t q) {
  std::size_t used = counts.categories();
  if (auto bad = check_category_count("Gwet's AC", used, q)) return *bad;
  auto a = category_agreement(counts, weights);
  if (a.comparable_units == 0) return no_comparable_units();
  double scale =
      weight_total(weights, used, q) / (static_cast<double>(q) * static_cast<double>(q - 1));
  double spread = 0;
  for (double p : a.proportions) spread += p * (1 - p);
  double pe = scale * spread;
  auto c = chance_corrected(a.observed, pe, a.comparable_units);
  c.values = a.ratings;
  if (!c.value) return c;
  c.standard_error =
      linearised_standard_error(counts, weights, a, pe, *c.value, [&](std::size_t u, double r) {
        double s = 0;
        for (std::size_t k = 0; k < used; ++k) s += counts.at(u, k) * (1 - a.proportions[k]);
        return scale * s / r;
      });
  return c;
}

}  // namespace thematica
