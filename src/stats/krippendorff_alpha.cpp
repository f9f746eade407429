#include "stats/krippendorff_alpha.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

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

// The coefficient with its terms, or undefined when fewer than two categories are in use: then
// D_e is exactly zero (testing that, not D_e's rounding, is exact).
Coefficient alpha_from_terms(const std::vector<double>& categories,
                             const std::vector<double>& marginals, double observed_sum,
                             double expected_sum, double n) {
  Coefficient c;
  c.observed = observed_sum / n;
  c.expected = expected_sum / (n * (n - 1));
  auto in_use = std::count_if(marginals.begin(), marginals.end(), [](double m) { return m > 0; });
  if (in_use < 2) {
    auto used = std::find_if(marginals.begin(), marginals.end(), [](double m) { return m > 0; });
    c.why_undefined = fmt::format(
        "every pairable value is the same ({}), so the disagreement expected by chance is zero "
        "and alpha is undefined (0/0)",
        categories[static_cast<std::size_t>(used - marginals.begin())]);
    return c;
  }
  c.value = 1 - c.observed / c.expected;
  return c;
}

Coefficient nothing_to_compare() {
  return undefined_coefficient("no unit has values from two coders, so nothing can be compared", 0);
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
  if (data.units() == 0) return nothing_to_compare();
  Metric metric(level, data);
  double observed_sum = 0;
  for (std::size_t u = 0; u < data.units(); ++u) observed_sum += unit_disagreement(data, metric, u);
  auto c = alpha_from_terms(data.categories, data.marginals, observed_sum, metric.expected_sum(),
                            data.n);
  c.units = data.units();
  c.values = data.values.size();
  return c;
}

std::vector<double> Coincidences::marginals() const {
  std::vector<double> out(categories.size(), 0.0);
  for (const auto& cell : cells) {
    // An off-diagonal cell holds both orders: half of it is in row c, half in row k.
    out[cell.c] += cell.c == cell.k ? cell.count : cell.count / 2;
    if (cell.c != cell.k) out[cell.k] += cell.count / 2;
  }
  return out;
}

double Coincidences::n() const {
  double sum = 0;
  for (const auto& cell : cells) sum += cell.count;
  return sum;
}

Coincidences coincidences(const PairableValues& data) {
  std::unordered_map<std::uint64_t, double> cells;
  std::vector<std::uint32_t> unit;
  for (std::size_t u = 0; u < data.units(); ++u) {
    unit.assign(data.values.begin() + static_cast<std::ptrdiff_t>(data.unit_starts[u]),
                data.values.begin() + static_cast<std::ptrdiff_t>(data.unit_starts[u + 1]));
    std::sort(unit.begin(), unit.end());
    double share = 1.0 / static_cast<double>(unit.size() - 1);
    for (std::size_t i = 0; i < unit.size();) {
      std::size_t j = i;
      while (j < unit.size() && unit[j] == unit[i]) ++j;
      auto n_c = static_cast<double>(j - i);
      cells[std::uint64_t{unit[i]} << 32 | unit[i]] += n_c * (n_c - 1) * share;
      for (std::size_t l = j; l < unit.size();) {
        std::size_t e = l;
        while (e < unit.size() && unit[e] == unit[l]) ++e;
        cells[std::uint64_t{unit[i]} << 32 | unit[l]] +=
            2 * n_c * static_cast<double>(e - l) * share;
        l = e;
      }
      i = j;
    }
  }
  Coincidences out;
  out.categories = data.categories;
  out.units = data.units();
  out.coders = data.coders;
  for (const auto& [key, count] : cells) {
    if (count > 0) {
      out.cells.push_back({static_cast<std::uint32_t>(key >> 32),
                           static_cast<std::uint32_t>(key & 0xffffffffu), count});
    }
  }
  std::sort(out.cells.begin(), out.cells.end(), [](const Coincidence& a, const Coincidence& b) {
    return a.c != b.c ? a.c < b.c : a.k < b.k;
  });
  return out;
}

Coefficient krippendorff_alpha(const Coincidences& data, Level level) {
  if (data.units == 0) return nothing_to_compare();
  // The metric needs only the categories and their marginals, not the units.
  PairableValues summary;
  summary.categories = data.categories;
  summary.marginals = data.marginals();
  summary.n = data.n();
  summary.coders = data.coders;
  Metric metric(level, summary);
  double observed_sum = 0;
  for (const auto& cell : data.cells) observed_sum += cell.count * metric(cell.c, cell.k);
  auto c = alpha_from_terms(summary.categories, summary.marginals, observed_sum,
                            metric.expected_sum(), summary.n);
  c.units = data.units;
  c.values = static_cast<std::size_t>(std::llround(summary.n));
  return c;
}

Coefficient krippendorff_alpha(const Ratings& ratings, Level level) {
  return krippendorff_alpha(pairable_values(ratings), level);
}

}  // namespace thematica
