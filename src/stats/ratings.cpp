#include "stats/ratings.hpp"

#include <algorithm>

namespace thematica {
namespace {

std::vector<double> all_values_sorted(const Ratings& ratings) {
  std::vector<double> values;
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    for (std::size_t c = 0; c < ratings.coders(); ++c) {
      if (!is_missing(ratings.at(u, c))) values.push_back(ratings.at(u, c));
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace

namespace {

std::size_t index_of(const std::vector<double>& categories, double value) {
  return static_cast<std::size_t>(std::lower_bound(categories.begin(), categories.end(), value) -
                                  categories.begin());
}

}  // namespace

Ratings transposed(const Ratings& ratings) {
  Ratings t(ratings.coders(), ratings.units());
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    for (std::size_t c = 0; c < ratings.coders(); ++c) t.set(c, u, ratings.at(u, c));
  }
  return t;
}

std::vector<double> categories_of(const Ratings& ratings) {
  // Coders use few categories: keeping them sorted as they are met avoids sorting every value
  // (most of alpha's time on large tables). Many distinct values fall back to one sort.
  constexpr std::size_t kFew = 256;
  std::vector<double> categories;
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    for (std::size_t c = 0; c < ratings.coders(); ++c) {
      double v = ratings.at(u, c);
      if (is_missing(v)) continue;
      auto at = std::lower_bound(categories.begin(), categories.end(), v);
      if (at != categories.end() && *at == v) continue;
      if (categories.size() == kFew) return all_values_sorted(ratings);
      categories.insert(at, v);
    }
  }
  return categories;
}

CategoryCounts CategoryCounts::from(const Ratings& ratings, const std::vector<double>& categories) {
  CategoryCounts counts(ratings.units(), categories.size());
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    for (std::size_t c = 0; c < ratings.coders(); ++c) {
      double v = ratings.at(u, c);
      if (!is_missing(v)) ++counts.counts_[u * counts.categories_ + index_of(categories, v)];
    }
  }
  return counts;
}

int CategoryCounts::raters(std::size_t unit) const {
  int n = 0;
  for (std::size_t k = 0; k < categories_; ++k) n += at(unit, k);
  return n;
}

Crosstab Crosstab::from(const Ratings& ratings, const std::vector<double>& categories) {
  Crosstab table(categories.size());
  for (std::size_t u = 0; u < ratings.units(); ++u) {
    double a = ratings.at(u, 0), b = ratings.at(u, 1);
    if (is_missing(a) || is_missing(b)) continue;
    table.cells_[index_of(categories, a) * table.size_ + index_of(categories, b)] += 1;
  }
  return table;
}

double Crosstab::total() const {
  double n = 0;
  for (double cell : cells_) n += cell;
  return n;
}

}  // namespace thematica
