#include "stats/krippendorff_alpha.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace thematica {
namespace {

// Above this many categories the metric is computed per pair instead of tabled (q^2 doubles).
constexpr std::size_t kMaxTabledCategories = 2048;

std::uint32_t index_of(const std::vector<double>& categories, double value) {
  return static_cast<std::uint32_t>(std::lower_bound(categories.begin(), categories.end(), value) -
                                    categories.begin());
}

// n(n - 1) D_e for the levels with a closed form; the rest sum over category pairs.
double expected_sum_closed_form(Level level, const PairableValues& d) {
  double sum_sq = 0, sum_x = 0, sum_x2 = 0;
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    sum_sq += d.marginals[c] * d.marginals[c];
    sum_x += d.marginals[c] * d.categories[c];
    sum_x2 += d.marginals[c] * d.categories[c] * d.categories[c];
  }
  if (level == Level::kNominal) return d.n * d.n - sum_sq;
  return 2 * (d.n * sum_x2 - sum_x * sum_x);  // interval
}

}  // namespace

Result<Level> parse_level(const std::string& name) {
  if (name == "nominal") return Level::kNominal;
  if (name == "ordinal") return Level::kOrdinal;
  if (name == "interval") return Level::kInterval;
  if (name == "ratio") return Level::kRatio;
  return failf(ErrorKind::kInvalidInput,
               "unknown level of measurement '{}': use nominal, ordinal, interval or ratio", name);
}

const char* level_name(Level level) {
  switch (level) {
    case Level::kNominal:
      return "nominal";
    case Level::kOrdinal:
      return "ordinal";
    case Level::kInterval:
      return "interval";
    case Level::kRatio:
      return "ratio";
  }
  return "nominal";
}

PairableValues pairable_values(const Ratings& ratings) {
  PairableValues d;
  d.categories = categories_of(ratings);
  d.marginals.assign(d.categories.size(), 0.0);
  d.coders = ratings.coders();
  d.unit_starts.push_back(0);
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    const double* row = ratings.unit(u);
    std::size_t present = 0;
    for (std::size_t c = 0; c < ratings.coders(); ++c) present += is_missing(row[c]) ? 0 : 1;
    if (present < 2) continue;  // a lone value has nothing to be compared with
    for (std::size_t c = 0; c < ratings.coders(); ++c) {
      if (is_missing(row[c])) continue;
      std::uint32_t k = index_of(d.categories, row[c]);
      d.values.push_back(k);
      d.marginals[k] += 1;
    }
    d.unit_starts.push_back(d.values.size());
  }
  d.n = static_cast<double>(d.values.size());
  return d;
}

Metric::Metric(Level level, const PairableValues& data)
    : level_(level), data_(data), size_(data.categories.size()) {
  if (level == Level::kOrdinal) {
    cumulative_.resize(size_);
    double running = 0;
    for (std::size_t c = 0; c < size_; ++c) cumulative_[c] = running += data.marginals[c];
  }
  if (size_ <= kMaxTabledCategories) {
    table_.resize(size_ * size_);
    for (std::uint32_t c = 0; c < size_; ++c) {
      for (std::uint32_t k = 0; k < size_; ++k) table_[c * size_ + k] = compute(c, k);
    }
  }
  if (level == Level::kNominal || level == Level::kInterval) {
    expected_sum_ = expected_sum_closed_form(level, data);
    return;
  }
  for (std::uint32_t c = 0; c < size_; ++c) {
    for (std::uint32_t k = c + 1; k < size_; ++k) {
      expected_sum_ += 2 * data.marginals[c] * data.marginals[k] * (*this)(c, k);
    }
  }
}

double Metric::compute(std::uint32_t c, std::uint32_t k) const {
  if (c == k) return 0;
  double a = data_.categories[c], b = data_.categories[k];
  switch (level_) {
    case Level::kNominal:
      return 1;
    case Level::kInterval:
      return (a - b) * (a - b);
    case Level::kRatio:
      return a + b == 0 ? 0 : ((a - b) / (a + b)) * ((a - b) / (a + b));
    case Level::kOrdinal: {
      std::uint32_t lo = std::min(c, k), hi = std::max(c, k);
      // Sum of n_g for g from lo to hi, less half of the two ends' own counts.
      double between = cumulative_[hi] - (lo == 0 ? 0 : cumulative_[lo - 1]);
      double d = between - (data_.marginals[lo] + data_.marginals[hi]) / 2;
      return d * d;
    }
  }
  return 0;
}

double unit_disagreement(const PairableValues& data, const Metric& metric, std::size_t unit) {
  std::size_t begin = data.unit_starts[unit], end = data.unit_starts[unit + 1];
  double sum = 0;
  for (std::size_t i = begin; i < end; ++i) {
    for (std::size_t j = i + 1; j < end; ++j) sum += metric(data.values[i], data.values[j]);
  }
  return 2 * sum / static_cast<double>(end - begin - 1);
}

Coefficient krippendorff_alpha(const PairableValues& data, Level level) {
  if (data.units() == 0) {
    return undefined_coefficient("no unit has values from two coders, so nothing can be compared",
                                 0);
  }
  Metric metric(level, data);
  double observed_sum = 0;
  for (std::size_t u = 0; u < data.units(); ++u) observed_sum += unit_disagreement(data, metric, u);
  Coefficient c;
  c.units = data.units();
  c.values = data.values.size();
  c.observed = observed_sum / data.n;
  c.expected = metric.expected_sum() / (data.n * (data.n - 1));
  // With one category in use D_e is exactly zero; testing that, not D_e's rounding, is exact.
  auto in_use =
      std::count_if(data.marginals.begin(), data.marginals.end(), [](double m) { return m > 0; });
  if (in_use < 2) {
    auto used =
        std::find_if(data.marginals.begin(), data.marginals.end(), [](double m) { return m > 0; });
    c.why_undefined = fmt::format(
        "every pairable value is the same ({}), so the disagreement expected by chance is zero "
        "and alpha is undefined (0/0)",
        data.categories[static_cast<std::size_t>(used - data.marginals.begin())]);
    return c;
  }
  c.value = 1 - c.observed / c.expected;
  return c;
}

Coefficient krippendorff_alpha(const Ratings& ratings, Level level) {
  return krippendorff_alpha(pairable_values(ratings), level);
}

}  // namespace thematica
