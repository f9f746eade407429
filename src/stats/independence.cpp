#include "stats/independence.hpp"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace thematica::stats {
namespace {

constexpr double kCochranMinimum = 5;
// Fisher's test enumerates every table with the observed margins; past this many it would take
// seconds, and such tables have expected counts large enough for chi-square anyway.
constexpr double kMaxTables = 5e7;

// The table without rows or columns whose total is zero.
CountTable without_empty_margins(const CountTable& table) {
  std::size_t columns = table.empty() ? 0 : table.front().size();
  std::vector<bool> keep_column(columns, false);
  for (const auto& row : table) {
    for (std::size_t j = 0; j < columns; ++j) keep_column[j] = keep_column[j] || row[j] > 0;
  }
  CountTable out;
  for (const auto& row : table) {
    std::vector<std::int64_t> kept;
    for (std::size_t j = 0; j < columns; ++j) {
      if (keep_column[j]) kept.push_back(row[j]);
    }
    bool empty = std::all_of(kept.begin(), kept.end(), [](std::int64_t n) { return n == 0; });
    if (!empty) out.push_back(std::move(kept));
  }
  return out;
}

struct Margins {
  std::vector<double> rows, columns;
  double n = 0;
};

Margins margins_of(const CountTable& t) {
  Margins m;
  m.rows.assign(t.size(), 0);
  m.columns.assign(t.empty() ? 0 : t.front().size(), 0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      auto x = static_cast<double>(t[i][j]);
      m.rows[i] += x;
      m.columns[j] += x;
      m.n += x;
    }
  }
  return m;
}

IndependenceTest not_applicable() {
  IndependenceTest out;
  out.method = "not applicable";
  return out;
}

double log_choose(std::int64_t n, std::int64_t k) {
  return std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(k) + 1) -
         std::lgamma(static_cast<double>(n - k) + 1);
}

// Two-sided p for a 2 × c table, by enumerating every first row with the observed margins. The
// first row is a multivariate hypergeometric draw: P = Π C(c_j, x_j) / C(n, r_1).
double fisher_two_rows(const CountTable& t) {
  const auto& first = t[0];
  std::size_t c = first.size();
  std::vector<std::int64_t> column(c);
  std::int64_t r1 = 0;
  for (std::size_t j = 0; j < c; ++j) {
    column[j] = t[0][j] + t[1][j];
    r1 += t[0][j];
  }
  std::int64_t n = 0;
  for (auto x : column) n += x;
  double log_denominator = log_choose(n, r1);
  double log_observed = -log_denominator;
  for (std::size_t j = 0; j < c; ++j) log_observed += log_choose(column[j], first[j]);
  double bound = log_observed + std::log1p(1e-7);

  std::vector<std::int64_t> after(c + 1, 0);  // column totals from j on
  for (std::size_t j = c; j-- > 0;) after[j] = after[j + 1] + column[j];
  double p = 0;
  std::function<void(std::size_t, std::int64_t, double)> walk =
      [&](std::size_t j, std::int64_t left, double log_p) {
        if (j == c) {
          if (log_p - log_denominator <= bound) p += std::exp(log_p - log_denominator);
          return;
        }
        std::int64_t low = std::max<std::int64_t>(0, left - after[j + 1]);
        std::int64_t high = std::min(column[j], left);
        for (std::int64_t x = low; x <= high; ++x) {
          walk(j + 1, left - x, log_p + log_choose(column[j], x));
        }
      };
  walk(0, r1, 0);
  return std::min(1.0, p);
}

double tables_to_enumerate(const CountTable& two_rows) {
  double count = 1;
  std::int64_t r1 = 0;
  for (auto x : two_rows[0]) r1 += x;
  for (std::size_t j = 0; j < two_rows[0].size(); ++j) {
    count *= static_cast<double>(std::min(two_rows[0][j] + two_rows[1][j], r1) + 1);
  }
  return count;
}

CountTable transposed(const CountTable& t) {
  CountTable out(t.front().size(), std::vector<std::int64_t>(t.size()));
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = 0; j < t[i].size(); ++j) out[j][i] = t[i][j];
  }
  return out;
}

}  // namespace

IndependenceTest chi_square_test(const CountTable& table) {
  CountTable t = without_empty_margins(table);
  if (t.size() < 2 || t.front().size() < 2) return not_applicable();
  Margins m = margins_of(t);
  IndependenceTest out;
  out.method = "chi-square";
  out.min_expected = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      double expected = m.rows[i] * m.columns[j] / m.n;
      double difference = static_cast<double>(t[i][j]) - expected;
      out.statistic += difference * difference / expected;
      out.min_expected = std::min(out.min_expected, expected);
    }
  }
  out.df = static_cast<int>((t.size() - 1) * (t.front().size() - 1));
  boost::math::chi_squared distribution(out.df);
  out.p_value = boost::math::cdf(boost::math::complement(distribution, out.statistic));
  return out;
}

IndependenceTest fisher_exact_test(const CountTable& table) {
  IndependenceTest out = chi_square_test(table);
  if (out.method == "not applicable") return out;
  CountTable t = without_empty_margins(table);
  if (t.size() != 2) {
    if (t.front().size() != 2) return not_applicable();
    t = transposed(t);
  }
  out.method = "Fisher's exact test";
  out.p_value = fisher_two_rows(t);
  return out;
}

IndependenceTest independence_test(const CountTable& table) {
  IndependenceTest chi = chi_square_test(table);
  if (chi.method == "not applicable" || chi.min_expected >= kCochranMinimum) return chi;
  CountTable t = without_empty_margins(table);
  bool two = t.size() == 2 || t.front().size() == 2;
  if (two && tables_to_enumerate(t.size() == 2 ? t : transposed(t)) <= kMaxTables) {
    return fisher_exact_test(table);
  }
  chi.method = "chi-square (expected counts below 5)";
  return chi;
}

}  // namespace thematica::stats
