#pragma once
// Krippendorff's alpha for any number of coders, missing values, and nominal, ordinal, interval
// or ratio data (Krippendorff 2011, "Computing Krippendorff's alpha-reliability").

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "stats/coefficient.hpp"
#include "stats/ratings.hpp"

namespace thematica {

enum class Level { kNominal, kOrdinal, kInterval, kRatio };

// Errors: kInvalidInput naming the accepted levels.
Result<Level> parse_level(const std::string& name);
const char* level_name(Level level);

// The pairable values of a reliability table, ready for alpha and its bootstrap: units with fewer
// than two values are dropped (they cannot be compared), values become category indices.
struct PairableValues {
  std::vector<double> categories;        // ascending
  std::vector<double> marginals;         // n_c: pairable values in each category
  std::vector<std::uint32_t> values;     // category indices, unit after unit
  std::vector<std::size_t> unit_starts;  // unit u's values: [unit_starts[u], unit_starts[u + 1])
  double n = 0;                          // all pairable values
  std::size_t coders = 0;                // columns of the table they came from
  std::size_t units() const { return unit_starts.empty() ? 0 : unit_starts.size() - 1; }
};

PairableValues pairable_values(const Ratings& ratings);

// The squared difference between categories c and k at `level` (Krippendorff 2011, section E):
// nominal 0/1, ordinal from the marginals, interval (c - k)^2, ratio ((c - k) / (c + k))^2.
class Metric {
 public:
  Metric(Level level, const PairableValues& data);
  double operator()(std::uint32_t c, std::uint32_t k) const {
    return table_.empty() ? compute(c, k) : table_[c * size_ + k];
  }
  // Sum over all ordered pairs of pairable values of their difference: n(n - 1) D_e.
  double expected_sum() const { return expected_sum_; }

 private:
  double compute(std::uint32_t c, std::uint32_t k) const;
  Level level_;
  const PairableValues& data_;
  std::vector<double> cumulative_;  // ordinal: marginals summed up to each category
  std::size_t size_ = 0;
  std::vector<double> table_;  // precomputed when the categories are few
  double expected_sum_ = 0;
};

// The coincidence matrix (Krippendorff 2011, section B): for each pair of categories, the pairs
// of values within units, each unit's pairs weighted 1 / (m_u - 1). Alpha and Krippendorff's
// bootstrap need nothing more, so data with very many units can be summarised as they are read.
struct Coincidence {
  std::uint32_t c = 0, k = 0;  // c <= k
  double count = 0;            // o_ck, plus o_kc when c != k
};
struct Coincidences {
  std::vector<double> categories;  // ascending
  std::vector<Coincidence> cells;  // the non-zero cells, ordered by (c, k)
  std::size_t units = 0;           // pairable units
  std::size_t coders = 0;
  // n_c: the pairable values in each category, and n, all of them.
  std::vector<double> marginals() const;
  double n() const;
};

Coincidences coincidences(const PairableValues& data);

// observed = D_o and expected = D_e (disagreements); value = 1 - D_o / D_e. Undefined when no
// unit has two values, or when D_e is 0 (every pairable value is the same).
Coefficient krippendorff_alpha(const Ratings& ratings, Level level);
Coefficient krippendorff_alpha(const PairableValues& data, Level level);
Coefficient krippendorff_alpha(const Coincidences& data, Level level);

// The observed difference within unit u: sum over its ordered pairs of values of the metric,
// divided by m_u - 1 (the unit's share of n D_o).
double unit_disagreement(const PairableValues& data, const Metric& metric, std::size_t unit);

}  // namespace thematica
