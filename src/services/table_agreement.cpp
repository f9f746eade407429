#include "services/table_agreement.hpp"

#include <fmt/format.h>

#include "ingest/file_bytes.hpp"
#include "interop/reliability_csv.hpp"
#include "stats/category_agreement.hpp"
#include "stats/kappa.hpp"
#include "stats/weights.hpp"

namespace thematica {
namespace {

// The kappa family, unweighted: the categories taken as unordered.
void add_nominal(const ReliabilityTable& table, const std::vector<double>& categories,
                 std::size_t q, TableAgreement& out) {
  const Ratings& r = table.ratings;
  auto counts = CategoryCounts::from(r, categories);
  auto identity = agreement_weights(Weighting::kIdentity, categories);
  auto add = [&](std::string key, std::string name, Coefficient c) {
    out.coefficients.push_back({std::move(key), std::move(name), std::move(c)});
  };
  add("percent_agreement", "Percent agreement", percent_agreement(counts));
  std::optional<Crosstab> table2;  // two coders: their table, read once
  if (r.coders() == 2) {
    table2 = Crosstab::from(r, categories);
    add("cohen_kappa", "Cohen's kappa", cohen_kappa(*table2, identity));
    add("scott_pi", "Scott's pi", scott_pi(*table2, identity));
  }
  add("fleiss_kappa", "Fleiss' kappa", fleiss_kappa(counts, identity));
  if (r.coders() > 2) add("conger_kappa", "Conger's kappa", conger_kappa(r, categories, identity));
  add("brennan_prediger", fmt::format("Brennan-Prediger kappa (q = {})", q),
      free_marginal_kappa(counts, q));
  add("gwet_ac1", fmt::format("Gwet's AC1 (q = {})", q),
      table2 ? gwet_ac(*table2, identity, q) : gwet_ac(counts, identity, q));
}

// Weighted coefficients, for ordered categories: linear and quadratic kappa for two coders,
// Gwet's AC2 with quadratic weights for any number.
void add_weighted(const ReliabilityTable& table, const std::vector<double>& categories,
                  std::size_t q, TableAgreement& out) {
  const Ratings& r = table.ratings;
  auto linear = agreement_weights(Weighting::kLinear, categories);
  auto quadratic = agreement_weights(Weighting::kQuadratic, categories);
  if (r.coders() == 2) {
    auto table2 = Crosstab::from(r, categories);
    out.coefficients.push_back(
        {"cohen_kappa_linear", "Cohen's kappa, linear weights", cohen_kappa(table2, linear)});
    out.coefficients.push_back({"cohen_kappa_quadratic", "Cohen's kappa, quadratic weights",
                                cohen_kappa(table2, quadratic)});
  }
  auto ac2 = r.coders() == 2 ? gwet_ac(Crosstab::from(r, categories), quadratic, q)
                             : gwet_ac(CategoryCounts::from(r, categories), quadratic, q);
  out.coefficients.push_back(
      {"gwet_ac2_quadratic", fmt::format("Gwet's AC2, quadratic weights (q = {})", q), ac2});
}

}  // namespace

Result<TableAgreement> table_agreement(const std::string& path,
                                       const TableAgreementOptions& options) {
  TRY(bytes, read_file_bytes(path, options.max_bytes));
  auto parsed = parse_reliability_csv(bytes);
  if (!parsed) return fail(parsed.error().kind, path + ": " + parsed.error().message);
  ReliabilityTable table = std::move(*parsed);
  if (!table.numeric() && options.level != Level::kNominal) {
    return failf(ErrorKind::kInvalidInput,
                 "{}: the values are labels ('{}', ...), so their order and distances are "
                 "unknown: use --level nominal, or give the values as numbers",
                 path, table.labels.front());
  }
  auto categories = categories_of(table.ratings);
  std::size_t q = options.categories.value_or(categories.size());
  if (q < categories.size()) {
    return failf(ErrorKind::kInvalidInput,
                 "--categories {} is fewer than the {} different values in the table", q,
                 categories.size());
  }
  TableAgreement out;
  out.coders = table.coders;
  out.units = table.ratings.units();
  out.level = options.level;
  out.q = q;
  out.labels = !table.numeric();
  auto data = pairable_values(table.ratings);
  out.values = data.values.size();
  auto alpha = krippendorff_alpha(data, options.level);
  out.coefficients.push_back({"krippendorff_alpha",
                              fmt::format("Krippendorff's alpha ({})", level_name(options.level)),
                              alpha});
  if (alpha.value && options.bootstrap) {
    TRY(interval, bootstrap_alpha(data, options.level, *options.bootstrap));
    out.alpha_interval = interval;
  }
  add_nominal(table, categories, q, out);
  if (options.level != Level::kNominal) add_weighted(table, categories, q, out);
  if (data.units() < out.units) {
    out.notes.push_back(fmt::format(
        "{} of {} units have fewer than two values and cannot be compared; alpha and the "
        "multi-coder coefficients leave them out",
        out.units - data.units(), out.units));
  }
  return out;
}

}  // namespace thematica
