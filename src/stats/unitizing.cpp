#include "stats/unitizing.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace thematica {
namespace {

using Real = long double;  // squared lengths of long documents exceed a double's exact range
using Matrix = std::vector<Real>;

// Each coder's segments sorted, checked, and with the gaps between them filled in (value 0), so
// that every coder's list tiles [0, length).
Result<std::vector<std::vector<ValuedSegment>>> partitions(const Continuum& in) {
  std::vector<std::vector<ValuedSegment>> out;
  for (std::size_t i = 0; i < in.coders.size(); ++i) {
    auto segments = in.coders[i];
    std::sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    std::vector<ValuedSegment> tiles;
    std::int64_t at = 0;
    for (const auto& s : segments) {
      if (s.start < 0 || s.end <= s.start || s.end > in.length) {
        return failf(ErrorKind::kInvalidInput,
                     "coder {}: segment [{}, {}) is empty or outside the continuum [0, {})", i + 1,
                     s.start, s.end, in.length);
      }
      if (s.value < 1 || s.value > in.values) {
        return failf(ErrorKind::kInvalidInput, "coder {}: segment [{}, {}) has value {}, not 1..{}",
                     i + 1, s.start, s.end, s.value, in.values);
      }
      if (s.start < at) {
        return failf(ErrorKind::kInvalidInput,
                     "coder {}: segments overlap at [{}, {}); unitizing needs each coder's "
                     "segments to be separate",
                     i + 1, s.start, std::min(at, s.end));
      }
      if (s.start > at) tiles.push_back({at, s.start, 0});
      tiles.push_back(s);
      at = s.end;
    }
    if (at < in.length) tiles.push_back({at, in.length, 0});
    out.push_back(std::move(tiles));
  }
  return out;
}

// l_ck: for every stretch where coder i has value c and coder j value k (i != j), its length
// over m - 1. Swept over the stretches between all coders' boundaries.
Matrix observed_coincidences(const std::vector<std::vector<ValuedSegment>>& tiles,
                             std::size_t size) {
  std::vector<std::int64_t> bounds;
  for (const auto& coder : tiles) {
    for (const auto& t : coder) bounds.push_back(t.start);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  bounds.push_back(tiles.front().back().end);
  Matrix l(size * size, 0);
  std::vector<std::size_t> at(tiles.size(), 0);
  std::vector<Real> count(size, 0);
  auto m = static_cast<Real>(tiles.size());
  for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
    std::vector<std::uint32_t> present;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      while (tiles[i][at[i]].end <= bounds[b]) ++at[i];
      std::uint32_t v = tiles[i][at[i]].value;
      if (count[v]++ == 0) present.push_back(v);
    }
    auto x = static_cast<Real>(bounds[b + 1] - bounds[b]);
    for (auto c : present) {
      for (auto k : present) {
        l[c * size + k] += x * count[c] * (c == k ? count[c] - 1 : count[k]) / (m - 1);
      }
    }
    for (auto c : present) count[c] = 0;
  }
  return l;
}

// How much of [start, end) one coder covers with valued segments (prefix sums over its tiles).
class ValuedCover {
 public:
  explicit ValuedCover(const std::vector<ValuedSegment>& tiles) : tiles_(tiles) {
    Real running = 0;
    for (const auto& t : tiles) {
      before_.push_back(running);
      if (t.value != 0) running += static_cast<Real>(t.end - t.start);
    }
  }
  Real within(std::int64_t start, std::int64_t end) const { return upto(end) - upto(start); }

 private:
  Real upto(std::int64_t x) const {
    auto it = std::upper_bound(tiles_.begin(), tiles_.end(), x,
                               [](std::int64_t v, const ValuedSegment& t) { return v < t.end; });
    if (it == tiles_.end()) return before_.empty() ? 0 : before_.back() + last_length();
    auto i = static_cast<std::size_t>(it - tiles_.begin());
    Real partial = it->value != 0 ? static_cast<Real>(std::max<std::int64_t>(0, x - it->start)) : 0;
    return before_[i] + partial;
  }
  Real last_length() const {
    const auto& t = tiles_.back();
    return t.value != 0 ? static_cast<Real>(t.end - t.start) : 0;
  }
  const std::vector<ValuedSegment>& tiles_;
  std::vector<Real> before_;
};

Coefficient one_minus(Real observed, Real expected, const char* why, std::size_t units) {
  if (expected <= 0) return undefined_coefficient(why, units);
  Coefficient c;
  c.observed = static_cast<double>(observed);
  c.expected = static_cast<double>(expected);
  c.value = static_cast<double>(1 - observed / expected);
  c.units = units;
  return c;
}

// cu-alpha and (k)u-alpha: only where valued units of different coders intersect. The
// self-pairing term squares, for each unit and each other coder, all that coder covers of the
// unit with valued segments (the reading that reproduces the published examples).
void compute_cu_alpha(const Continuum& in, const std::vector<std::vector<ValuedSegment>>& tiles,
                      const Matrix& l, const std::vector<Real>& row, UnitizingAgreement& out) {
  std::size_t size = in.values + 1, units = 0;
  auto m = static_cast<Real>(tiles.size());
  std::vector<Real> margin(size, 0), self(size, 0);
  Real all = 0, self_sum = 0, diag_l = 0;
  for (std::size_t c = 1; c < size; ++c) {
    margin[c] = row[c] - l[c * size];
    all += margin[c];
    diag_l += l[c * size + c];
  }
  std::vector<ValuedCover> covers;
  covers.reserve(tiles.size());
  for (const auto& coder : tiles) covers.emplace_back(coder);
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    for (const auto& t : tiles[i]) {
      if (t.value == 0) continue;
      ++units;
      for (std::size_t j = 0; j < tiles.size(); ++j) {
        if (j == i) continue;
        Real x = covers[j].within(t.start, t.end);
        self[t.value] += x * x / (m - 1);
      }
    }
  }
  for (Real s : self) self_sum += s;
  out.coverage = static_cast<double>(all / (m * static_cast<Real>(in.length)));
  auto used = std::count_if(margin.begin() + 1, margin.end(), [](Real x) { return x > 0; });
  const char* why = "fewer than two values meet in units coded by different coders";
  out.per_value.assign(in.values, undefined_coefficient(why, units));
  if (used < 2 || all <= 0) {
    out.cu_alpha = undefined_coefficient(why, units);
    return;
  }
  Matrix e(size * size, 0);
  Real diag_e = 0;
  for (std::size_t c = 1; c < size; ++c) {
    for (std::size_t k = 1; k < size; ++k) {
      e[c * size + k] = (margin[c] * margin[k] - (c == k ? self[c] : 0)) / (all - self_sum / all);
    }
    diag_e += e[c * size + c];
  }
  out.cu_alpha = one_minus(all - diag_l, all - diag_e, why, units);
  for (std::size_t k = 1; k < size; ++k) {
    Real expected_row = 0;
    for (std::size_t c = 1; c < size; ++c) expected_row += e[k * size + c];
    Real observed = margin[k] > 0 ? (margin[k] - l[k * size + k]) / margin[k] : 0;
    Real expected = expected_row > 0 ? (expected_row - e[k * size + k]) / expected_row : 0;
    if (margin[k] > 0) {
      out.per_value[k - 1] = one_minus(observed, expected, why, units);
    }
  }
}

}  // namespace

Result<UnitizingAgreement> unitizing_agreement(const Continuum& continuum) {
  if (continuum.coders.size() < 2) {
    return fail(ErrorKind::kInvalidInput, "unitizing agreement needs two or more coders");
  }
  if (continuum.length <= 0) return fail(ErrorKind::kInvalidInput, "the continuum is empty");
  TRY(tiles, partitions(continuum));
  std::size_t size = continuum.values + 1, segments = 0;
  Matrix l = observed_coincidences(tiles, size);
  auto m = static_cast<Real>(tiles.size());
  std::vector<Real> row(size, 0), self(size, 0);
  for (std::size_t c = 0; c < size; ++c) {
    for (std::size_t k = 0; k < size; ++k) row[c] += l[c * size + k];
  }
  for (const auto& coder : tiles) {
    for (const auto& t : coder) {
      auto length = static_cast<Real>(t.end - t.start);
      // A gap is not a unit: it counts as a string of one-position pieces.
      self[t.value] += t.value == 0 ? length : length * length;
      segments += t.value == 0 ? 0 : 1;
    }
  }
  Real total = m * static_cast<Real>(continuum.length), self_sum = 0;
  for (Real s : self) self_sum += s;
  Matrix e(size * size, 0);
  for (std::size_t c = 0; c < size; ++c) {
    for (std::size_t k = 0; k < size; ++k) {
      e[c * size + k] =
          total * (row[c] * row[k] - (c == k ? self[c] : 0)) / (total * total - self_sum);
    }
  }
  UnitizingAgreement out;
  Real diag_l = 0, diag_e = 0, gap_row_e = 0;
  for (std::size_t c = 0; c < size; ++c) {
    diag_l += l[c * size + c];
    diag_e += e[c * size + c];
    gap_row_e += e[c];
  }
  const char* no_variation = "no variation to agree on (one category covers everything)";
  out.u_alpha = one_minus(total - diag_l, total - diag_e, no_variation, segments);
  out.binary_u_alpha = one_minus(row[0] - l[0], gap_row_e - e[0], no_variation, segments);
  compute_cu_alpha(continuum, tiles, l, row, out);
  return out;
}

}  // namespace thematica
