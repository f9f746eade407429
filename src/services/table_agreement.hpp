#pragma once
// Agreement on any reliability table (`thematica stats agreement FILE.csv`): every coefficient
// that applies to the data and level of measurement, as researchers use online calculators.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stats/alpha_bootstrap.hpp"
#include "stats/coefficient.hpp"
#include "stats/krippendorff_alpha.hpp"

namespace thematica {

struct TableAgreementOptions {
  Level level = Level::kNominal;
  // q for Brennan–Prediger and Gwet's AC: the categories the coders could choose from. Default:
  // those observed.
  std::optional<std::size_t> categories;
  std::optional<BootstrapOptions> bootstrap = BootstrapOptions{};  // nullopt: no interval
  std::uint64_t max_bytes = 256ull << 20;
};

struct NamedCoefficient {
  std::string key;   // as in --json: krippendorff_alpha, fleiss_kappa, ...
  std::string name;  // for people: "Krippendorff's alpha (nominal)"
  Coefficient coefficient;
};

struct TableAgreement {
  std::vector<std::string> coders;
  std::size_t units = 0;
  std::size_t values = 0;
  std::size_t q = 0;  // the number of categories the coefficients assumed
  Level level = Level::kNominal;
  bool labels = false;  // the values were labels, not numbers
  std::vector<NamedCoefficient> coefficients;
  std::optional<AlphaInterval> alpha_interval;
  std::vector<std::string> notes;  // what the user should know to read the figures
};

// Reads `path` (see parse_reliability_csv) and computes the coefficients. Errors: those of reading
// the file (kNotFound, kIo) and of parse_reliability_csv; kInvalidInput for labels with a level
// other than nominal (their order is unknown), or a q below the categories observed.
Result<TableAgreement> table_agreement(const std::string& path,
                                       const TableAgreementOptions& options);

}  // namespace thematica
