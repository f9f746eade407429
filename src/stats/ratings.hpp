#pragma once
// Reliability data: the value each coder gave each unit, with missing values. The input of every
// agreement coefficient in stats/. Values are numbers; categories of nominal data are numbered by
// whoever builds the table (their order matters only for ordinal data and weighted coefficients).

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace thematica {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double value) { return std::isnan(value); }

class Ratings {
 public:
  Ratings() = default;
  Ratings(std::size_t units, std::size_t coders)
      : units_(units), coders_(coders), values_(units * coders, kMissing) {}

  std::size_t units() const { return units_; }
  std::size_t coders() const { return coders_; }
  double at(std::size_t unit, std::size_t coder) const { return values_[unit * coders_ + coder]; }
  void set(std::size_t unit, std::size_t coder, double value) {
    values_[unit * coders_ + coder] = value;
  }
  // The unit's values, one per coder (missing ones included).
  const double* unit(std::size_t unit) const { return values_.data() + unit * coders_; }

 private:
  std::size_t units_ = 0;
  std::size_t coders_ = 0;
  std::vector<double> values_;  // unit-major
};

// Coders as units and units as coders: how each coder used the categories.
Ratings transposed(const Ratings& ratings);

// The distinct values of `ratings`, ascending: the categories, in their order.
std::vector<double> categories_of(const Ratings& ratings);

// How many coders put each unit in each category: counts[unit * categories + k]. The input of the
// coefficients that do not need to know which coder said what (Fleiss, Gwet, Brennan–Prediger,
// percent agreement), and how published multi-coder examples are often given.
class CategoryCounts {
 public:
  CategoryCounts(std::size_t units, std::size_t categories)
      : units_(units), categories_(categories), counts_(units * categories, 0) {}
  static CategoryCounts from(const Ratings& ratings, const std::vector<double>& categories);

  std::size_t units() const { return units_; }
  std::size_t categories() const { return categories_; }
  int at(std::size_t unit, std::size_t k) const { return counts_[unit * categories_ + k]; }
  void set(std::size_t unit, std::size_t k, int count) { counts_[unit * categories_ + k] = count; }
  // Coders who rated the unit.
  int raters(std::size_t unit) const;

 private:
  std::size_t units_;
  std::size_t categories_;
  std::vector<int> counts_;
};

// A two-coder contingency table: cell(i, j) = units coder 1 put in category i and coder 2 in j.
class Crosstab {
 public:
  explicit Crosstab(std::size_t categories)
      : size_(categories), cells_(categories * categories, 0) {}
  // Units rated by both coders (0 and 1 of `ratings`); categories indexed as in `categories`.
  static Crosstab from(const Ratings& ratings, const std::vector<double>& categories);

  std::size_t size() const { return size_; }
  double at(std::size_t i, std::size_t j) const { return cells_[i * size_ + j]; }
  void set(std::size_t i, std::size_t j, double n) { cells_[i * size_ + j] = n; }
  double total() const;

 private:
  std::size_t size_;
  std::vector<double> cells_;
};

}  // namespace thematica
