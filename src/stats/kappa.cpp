#include "stats/kappa.hpp"

#include <cmath>

#include "stats/category_agreement.hpp"

namespace thematica {
namespace {

// The table as proportions, with its margins.
struct Proportions {
  std::size_t q = 0;
  double n = 0;
  std::vector<double> p, rows, cols;
};

Proportions proportions(const Crosstab& table) {
  Proportions t;
  t.q = table.size();
  t.n = table.total();
  t.p.assign(t.q * t.q, 0.0);
  t.rows.assign(t.q, 0.0);
  t.cols.assign(t.q, 0.0);
  for (std::size_t i = 0; i < t.q; ++i) {
    for (std::size_t j = 0; j < t.q; ++j) {
      double p = table.at(i, j) / t.n;
      t.p[i * t.q + j] = p;
      t.rows[i] += p;
      t.cols[j] += p;
    }
  }
  return t;
}

double observed_agreement(const Proportions& t, const std::vector<double>& w) {
  double po = 0;
  for (std::size_t k = 0; k < t.p.size(); ++k) po += w[k] * t.p[k];
  return po;
}

// Fleiss, Cohen & Everitt (1969), eq. 13: the variance of weighted kappa when kappa is not zero.
double kappa_standard_error(const Proportions& t, const std::vector<double>& w, double kappa,
                            double pe) {
  std::vector<double> row_mean(t.q, 0.0), col_mean(t.q, 0.0);
  for (std::size_t i = 0; i < t.q; ++i) {
    for (std::size_t j = 0; j < t.q; ++j) {
      row_mean[i] += t.cols[j] * w[i * t.q + j];
      col_mean[j] += t.rows[i] * w[i * t.q + j];
    }
  }
  double sum = 0;
  for (std::size_t i = 0; i < t.q; ++i) {
    for (std::size_t j = 0; j < t.q; ++j) {
      double d = w[i * t.q + j] - (row_mean[i] + col_mean[j]) * (1 - kappa);
      sum += t.p[i * t.q + j] * d * d;
    }
  }
  double shift = kappa - pe * (1 - kappa);
  double variance = (sum - shift * shift) / (t.n * (1 - pe) * (1 - pe));
  return std::sqrt(std::max(variance, 0.0));
}

}  // namespace

Coefficient cohen_kappa(const Crosstab& table, const std::vector<double>& weights) {
  if (table.total() <= 0) return undefined_coefficient("no unit was rated by both coders", 0);
  Proportions t = proportions(table);
  double pe = 0;
  for (std::size_t i = 0; i < t.q; ++i) {
    for (std::size_t j = 0; j < t.q; ++j) pe += weights[i * t.q + j] * t.rows[i] * t.cols[j];
  }
  auto units = static_cast<std::size_t>(t.n);
  Coefficient c = chance_corrected(observed_agreement(t, weights), pe, units);
  if (c.value) c.standard_error = kappa_standard_error(t, weights, *c.value, pe);
  return c;
}

Coefficient scott_pi(const Crosstab& table, const std::vector<double>& weights) {
  if (table.total() <= 0) return undefined_coefficient("no unit was rated by both coders", 0);
  Proportions t = proportions(table);
  double pe = 0;
  for (std::size_t i = 0; i < t.q; ++i) {
    for (std::size_t j = 0; j < t.q; ++j) {
      pe += weights[i * t.q + j] * (t.rows[i] + t.cols[i]) / 2 * (t.rows[j] + t.cols[j]) / 2;
    }
  }
  return chance_corrected(observed_agreement(t, weights), pe, static_cast<std::size_t>(t.n));
}

Coefficient gwet_ac(const Crosstab& table, const std::vector<double>& weights, std::size_t q) {
  if (table.total() <= 0) return undefined_coefficient("no unit was rated by both coders", 0);
  if (auto bad = check_category_count("Gwet's AC", table.size(), q)) return *bad;
  Proportions t = proportions(table);
  double total_weight = static_cast<double>(q - t.q);  // declared but unused categories
  for (double w : weights) total_weight += w;
  double scale = total_weight / (static_cast<double>(q) * static_cast<double>(q - 1));
  std::vector<double> pooled(t.q);
  double spread = 0;
  for (std::size_t k = 0; k < t.q; ++k) {
    pooled[k] = (t.rows[k] + t.cols[k]) / 2;
    spread += pooled[k] * (1 - pooled[k]);
  }
  double po = observed_agreement(t, weights), pe = scale * spread;
  Coefficient c = chance_corrected(po, pe, static_cast<std::size_t>(t.n));
  if (!c.value) return c;
  double ac = *c.value, sum = 0;
  for (std::size_t k = 0; k < t.q; ++k) {
    for (std::size_t l = 0; l < t.q; ++l) {
      double d = weights[k * t.q + l] - 2 * (1 - ac) * scale * (1 - (pooled[k] + pooled[l]) / 2);
      sum += t.p[k * t.q + l] * d * d;
    }
  }
  double shift = po - 2 * (1 - ac) * pe;
  double variance = (sum - shift * shift) / (t.n * (1 - pe) * (1 - pe));
  c.standard_error = std::sqrt(std::max(variance, 0.0));
  return c;
}

Coefficient conger_kappa(const Ratings& ratings, const std::vector<double>& categories,
                         const std::vector<double>& weights) {
  std::size_t q = categories.size(), r = ratings.coders();
  auto counts = CategoryCounts::from(ratings, categories);
  auto a = category_agreement(counts, weights);
  if (a.comparable_units == 0 || r < 2) {
    return undefined_coefficient("no unit was rated by two or more coders", 0);
  }
  // p[g][k]: the share of coder g's ratings in category k.
  std::vector<double> p(r * q, 0.0);
  auto coder_counts = CategoryCounts::from(transposed(ratings), categories);
  for (std::size_t g = 0; g < r; ++g) {
    double rated = coder_counts.raters(g);
    for (std::size_t k = 0; k < q && rated > 0; ++k) p[g * q + k] = coder_counts.at(g, k) / rated;
  }
  auto coders = static_cast<double>(r);
  double pe = 0;
  for (std::size_t k = 0; k < q; ++k) {
    for (std::size_t l = 0; l < q; ++l) {
      double mean_k = 0, mean_l = 0, products = 0;
      for (std::size_t g = 0; g < r; ++g) {
        mean_k += p[g * q + k] / coders;
        mean_l += p[g * q + l] / coders;
        products += p[g * q + k] * p[g * q + l];
      }
      double covariance = (products - coders * mean_k * mean_l) / (coders - 1);
      pe += weights[k * q + l] * (mean_k * mean_l - covariance / coders);
    }
  }
  auto c = chance_corrected(a.observed, pe, a.comparable_units);
  c.values = a.ratings;
  return c;
}

}  // namespace thematica
