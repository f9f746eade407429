#include "stats/alpha_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "stats/splitmix64.hpp"

namespace thematica {
namespace {

// A cell (c <= k) of the coincidence matrix, with the probability of drawing a pair from it.
struct Cell {
  std::uint32_t c, k;
  double probability;
};

// The observed coincidences o_ck (c <= k; off-diagonal cells doubled, as both orders are drawn
// as one), as probabilities summing to 1 over the n pairable values.
std::vector<Cell> coincidence_cells(const PairableValues& data) {
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
  std::vector<Cell> out;
  for (const auto& [key, o] : cells) {
    if (o > 0) {
      out.push_back({static_cast<std::uint32_t>(key >> 32),
                     static_cast<std::uint32_t>(key & 0xffffffffu), o / data.n});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Cell& a, const Cell& b) { return a.c != b.c ? a.c < b.c : a.k < b.k; });
  return out;
}

// The p-quantile of sorted samples: the ceil(pX)-th smallest (the inverse empirical CDF).
double quantile(const std::vector<double>& sorted, double p) {
  double x = static_cast<double>(sorted.size());
  auto j = static_cast<std::size_t>(std::max(1.0, std::ceil(p * x - 1e-12)));
  return sorted[std::min(j, sorted.size()) - 1];
}

std::vector<double> krippendorff_samples(const PairableValues& data, Level level, double expected,
                                         const BootstrapOptions& options, std::size_t& draws) {
  Metric metric(level, data);
  auto cells = coincidence_cells(data);
  std::vector<double> cumulative, differences;
  double running = 0, single_cell_chance = 0;
  std::size_t nonzero = 0, diagonal = 0;
  for (const auto& cell : cells) {
    cumulative.push_back(running += cell.probability);
    differences.push_back(metric(cell.c, cell.k));
    nonzero += cell.c == cell.k ? 1 : 2;
  }
  cumulative.back() = 1.0;
  auto pairs = std::llround(data.n * static_cast<double>(data.coders - 1) / 2);
  draws = std::min<std::size_t>(25 * nonzero, static_cast<std::size_t>(pairs));
  for (const auto& cell : cells) {
    if (cell.c != cell.k) continue;
    ++diagonal;
    single_cell_chance += std::pow(cell.probability, static_cast<double>(draws));
  }
  SplitMix64 random(options.seed);
  std::vector<double> samples(options.samples);
  std::vector<std::size_t> perfect;  // samples that drew no disagreement at all
  for (std::size_t s = 0; s < options.samples; ++s) {
    double sum = 0;
    for (std::size_t d = 0; d < draws; ++d) {
      double u = random.uniform();
      auto at = std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin();
      sum += differences[static_cast<std::size_t>(
          std::min<std::ptrdiff_t>(at, static_cast<std::ptrdiff_t>(cells.size()) - 1))];
    }
    samples[s] = std::max(-1.0, 1 - sum / (static_cast<double>(draws) * expected));
    if (samples[s] == 1.0) perfect.push_back(s);
  }
  // A sample drawn from one category only has no variation: its alpha is 0 by convention, for
  // the share of samples that chance alone would draw so (Krippendorff's correction).
  std::size_t to_zero =
      diagonal == 1 ? perfect.size()
                    : static_cast<std::size_t>(
                          std::llround(static_cast<double>(options.samples) * single_cell_chance));
  for (std::size_t i = 0; i < std::min(to_zero, perfect.size()); ++i) samples[perfect[i]] = 0;
  return samples;
}

std::vector<double> unit_samples(const PairableValues& data, Level level,
                                 const BootstrapOptions& options, std::size_t& undefined) {
  SplitMix64 random(options.seed);
  std::vector<double> samples;
  PairableValues resample;
  resample.categories = data.categories;
  resample.coders = data.coders;
  for (std::size_t s = 0; s < options.samples; ++s) {
    resample.values.clear();
    resample.unit_starts.assign(1, 0);
    resample.marginals.assign(data.categories.size(), 0.0);
    for (std::size_t i = 0; i < data.units(); ++i) {
      std::size_t u = random.below(data.units());
      for (std::size_t v = data.unit_starts[u]; v < data.unit_starts[u + 1]; ++v) {
        resample.values.push_back(data.values[v]);
        resample.marginals[data.values[v]] += 1;
      }
      resample.unit_starts.push_back(resample.values.size());
    }
    resample.n = static_cast<double>(resample.values.size());
    auto alpha = krippendorff_alpha(resample, level);
    if (alpha.value) {
      samples.push_back(*alpha.value);
    } else {
      ++undefined;
    }
  }
  return samples;
}

}  // namespace

Result<BootstrapMethod> parse_bootstrap_method(const std::string& name) {
  if (name == "krippendorff") return BootstrapMethod::kKrippendorff;
  if (name == "units") return BootstrapMethod::kUnits;
  return failf(ErrorKind::kInvalidInput, "unknown bootstrap '{}': use krippendorff or units", name);
}

const char* bootstrap_method_name(BootstrapMethod method) {
  return method == BootstrapMethod::kUnits ? "units" : "krippendorff";
}

Result<AlphaInterval> bootstrap_alpha(const PairableValues& data, Level level,
                                      const BootstrapOptions& options) {
  if (options.samples == 0) return fail(ErrorKind::kInvalidInput, "bootstrap samples must be > 0");
  if (!(options.level > 0 && options.level < 1)) {
    return failf(ErrorKind::kInvalidInput, "the interval's level must be between 0 and 1, not {}",
                 options.level);
  }
  auto alpha = krippendorff_alpha(data, level);
  if (!alpha.value) {
    return failf(ErrorKind::kInvalidInput, "no interval: alpha is undefined ({})",
                 alpha.why_undefined);
  }
  AlphaInterval out;
  out.options = options;
  std::vector<double> samples =
      options.method == BootstrapMethod::kKrippendorff
          ? krippendorff_samples(data, level, alpha.expected, options, out.draws)
          : unit_samples(data, level, options, out.undefined);
  if (samples.empty()) {
    return fail(ErrorKind::kInvalidInput, "no interval: alpha was undefined in every resample");
  }
  std::sort(samples.begin(), samples.end());
  double tail = (1 - options.level) / 2;
  out.low = quantile(samples, tail);
  out.high = quantile(samples, 1 - tail);
  for (double minimum : options.minimums) {
    auto below = std::lower_bound(samples.begin(), samples.end(), minimum) - samples.begin();
    out.below.emplace_back(minimum,
                           static_cast<double>(below) / static_cast<double>(samples.size()));
  }
  return out;
}

}  // namespace thematica
