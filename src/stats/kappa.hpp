#pragma once
// Two-coder chance-corrected agreement from a contingency table: Cohen's kappa (weighted or not)
// and Scott's pi. Formulas and sources: docs/methods/agreement.md.

#include <vector>

#include "stats/coefficient.hpp"
#include "stats/ratings.hpp"

namespace thematica {

// Cohen's kappa (Cohen 1960; weighted, Cohen 1968) with `weights` from agreement_weights(), and
// its large-sample standard error (Fleiss, Cohen & Everitt 1969), for confidence intervals.
// Undefined for an empty table or when chance agreement is 1.
Coefficient cohen_kappa(const Crosstab& table, const std::vector<double>& weights);

// Scott's pi (Scott 1955): chance from the two coders' pooled marginals; weighted like kappa.
Coefficient scott_pi(const Crosstab& table, const std::vector<double>& weights);

// Gwet's AC1/AC2 for two coders from their table, with Gwet's (2008) variance conditional on
// the coders; q as for the multi-coder form (category_agreement.hpp), at least the table's size.
Coefficient gwet_ac(const Crosstab& table, const std::vector<double>& weights, std::size_t q);

// Conger's (1980) kappa for any number of coders (Davies & Fleiss 1982 on complete data): chance
// from each coder's own marginals (over the units that coder rated), averaged over pairs of
// coders; observed agreement as in percent_agreement. `weights` over `categories`.
Coefficient conger_kappa(const Ratings& ratings, const std::vector<double>& categories,
                         const std::vector<double>& weights);

}  // namespace thematica
