#pragma once
// Agreement between coders on a project (`thematica agree`): at a declared unit of analysis, per
// code and pooled, with Krippendorff's alpha, its bootstrap interval, the figures people also
// ask for (percent agreement; Cohen's kappa for two coders), the documents left out and why, and
// a methods paragraph that says exactly what was computed. Rules: docs/methods/agreement.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement_units.hpp"
#include "services/agreement_scope.hpp"
#include "stats/alpha_bootstrap.hpp"
#include "stats/coefficient.hpp"
#include "store/store.hpp"

namespace thematica {

Result<AgreementUnit> parse_agreement_unit(const std::string& name);
const char* agreement_unit_name(AgreementUnit unit);

struct ProjectAgreementOptions {
  AgreementScope scope;
  AgreementUnit unit = AgreementUnit::kSegment;
  std::optional<BootstrapOptions> bootstrap = BootstrapOptions{};  // nullopt: no interval
};

struct CodeAgreement {
  Id code_id = 0;                     // 0 for the pooled row
  std::string code;                   // the code's path, or "(pooled)"
  std::vector<std::int64_t> codings;  // per compared coder
  std::size_t units = 0;
  std::size_t units_coded = 0;      // units where at least one coder applied the code
  std::size_t units_all_coded = 0;  // units where every coder applied it
  Coefficient alpha;                // Krippendorff's alpha, or u-alpha for character units
  std::optional<AlphaInterval> interval;
  std::optional<Coefficient> percent;  // percent agreement over the units (not for characters)
  std::optional<Coefficient> kappa;    // Cohen's kappa, two coders (not for characters)
};

struct ProjectAgreement {
  ProjectAgreementOptions options;
  std::vector<std::string> coders;
  std::vector<std::string> documents;  // compared
  std::vector<ExcludedDocument> excluded;
  std::vector<CodeAgreement> codes;
  CodeAgreement pooled;
  std::size_t turns_left_out = 0;  // turn units: turns of speakers left out of analysis
};

// Errors: those of select_scope; kInvalidInput for no bootstrap samples, or turn units on
// documents without speaker turns.
Result<ProjectAgreement> project_agreement(Store& store, const ProjectAgreementOptions& options);

// The paragraph for a paper's methods section: coders, documents, unit, overlap rule,
// coefficient, interval method, samples and seed, and the figures.
std::string methods_paragraph(const ProjectAgreement& agreement);

// How alpha (or u-alpha, as `name` says) reads against Krippendorff's (2004, p. 241) thresholds,
// with the citation.
std::string alpha_reading(double alpha, const char* name = "alpha");

}  // namespace thematica
