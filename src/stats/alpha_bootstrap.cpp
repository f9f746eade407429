#include "stats/alpha_bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "stats/splitmix64.hpp"

namespace thematica {
namespace {

// The p-quantile of sorted samples: the ceil(pX)-th smallest (the inverse empirical CDF).
double quantile(const std::vector<double>& sorted, double p) {
  double x = static_cast<double>(sorted.size());
  auto j = static_cast<std::size_t>(std::max(1.0, std::ceil(p * x - 1e-12)));
  return sorted[std::min(j, sorted.size()) - 1];
}

std::vector<double> krippendorff_samples(const Coincidences& data, const Metric& metric,
                                         double expected, const BootstrapOptions& options,
                                         std::size_t& draws) {
  const auto& cells = data.cells;
  double n = std::round(data.n());  // a whole number of values; the sum of shares may round off
  std::vector<double> cumulative, differences;
  double running = 0, single_cell_chance = 0;
  std::size_t nonzero = 0, diagonal = 0;
  for (const auto& cell : cells) {
    cumulative.push_back(running += cell.count / n);
    differences.push_back(metric(cell.c, cell.k));
    nonzero += cell.c == cell.k ? 1 : 2;
  }
  cumulative.back() = 1.0;
  auto pairs = std::llround(n * static_cast<double>(data.coders - 1) / 2);
  draws = std::min<std::size_t>(25 * nonzero, static_cast<std::size_t>(pairs));
  for (const auto& cell : cells) {
    if (cell.c != cell.k) continue;
    ++diagonal;
    single_cell_chance += std::pow(cell.count / n, static_cast<double>(draws));
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

namespace {

Status check_options(const BootstrapOptions& options) {
  if (options.samples == 0) return fail(ErrorKind::kInvalidInput, "bootstrap samples must be > 0");
  if (!(options.level > 0 && options.level < 1)) {
    return failf(ErrorKind::kInvalidInput, "the interval's level must be between 0 and 1, not {}",
                 options.level);
  }
  return {};
}

Status check_defined(const Coefficient& alpha) {
  if (alpha.value) return {};
  return failf(ErrorKind::kInvalidInput, "no interval: alpha is undefined ({})",
               alpha.why_undefined);
}

Result<AlphaInterval> percentile_interval(std::vector<double> samples, AlphaInterval out) {
  if (samples.empty()) {
    return fail(ErrorKind::kInvalidInput, "no interval: alpha was undefined in every resample");
  }
  std::sort(samples.begin(), samples.end());
  double tail = (1 - out.options.level) / 2;
  out.low = quantile(samples, tail);
  out.high = quantile(samples, 1 - tail);
  for (double minimum : out.options.minimums) {
    auto below = std::lower_bound(samples.begin(), samples.end(), minimum) - samples.begin();
    out.below.emplace_back(minimum,
                           static_cast<double>(below) / static_cast<double>(samples.size()));
  }
  return out;
}

}  // namespace

Result<AlphaInterval> bootstrap_alpha(const PairableValues& data, Level level,
                                      const BootstrapOptions& options) {
  TRY_STATUS(check_options(options));
  auto alpha = krippendorff_alpha(data, level);
  TRY_STATUS(check_defined(alpha));
  AlphaInterval out;
  out.options = options;
  std::vector<double> samples = options.method == BootstrapMethod::kKrippendorff
                                    ? krippendorff_samples(coincidences(data), Metric(level, data),
                                                           alpha.expected, options, out.draws)
                                    : unit_samples(data, level, options, out.undefined);
  return percentile_interval(std::move(samples), std::move(out));
}

Result<AlphaInterval> bootstrap_alpha(const Coincidences& data, Level level,
                                      const BootstrapOptions& options) {
  TRY_STATUS(check_options(options));
  if (options.method != BootstrapMethod::kKrippendorff) {
    return fail(ErrorKind::kInvalidInput,
                "the unit bootstrap needs the units themselves, not their coincidences; use "
                "Krippendorff's bootstrap");
  }
  auto alpha = krippendorff_alpha(data, level);
  TRY_STATUS(check_defined(alpha));
  PairableValues summary;  // what the metric needs: the categories and their marginals
  summary.categories = data.categories;
  summary.marginals = data.marginals();
  summary.n = data.n();
  AlphaInterval out;
  out.options = options;
  auto samples =
      krippendorff_samples(data, Metric(level, summary), alpha.expected, options, out.draws);
  return percentile_interval(std::move(samples), std::move(out));
}

}  // namespace thematica
