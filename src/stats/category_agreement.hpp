#pragma once
// Multi-coder agreement from how many coders put each unit in each category, with missing
// values: percent agreement, Fleiss' kappa, Brennan–Prediger (Randolph's free-marginal kappa) and
// Gwet's AC1/AC2, all in the general form of Gwet (2014), which shares one observed agreement and
// differs only in the chance model. Formulas and sources: docs/methods/agreement.md.

#include <vector>

#include "stats/coefficient.hpp"
#include "stats/ratings.hpp"

namespace thematica {

// The terms the coefficients share. Units rated by fewer than two coders do not enter the
// observed agreement; units rated by at least one enter the category proportions.
struct CategoryAgreement {
  double observed = 0;               // p_a, weighted
  std::vector<double> proportions;   // pi_k
  std::size_t comparable_units = 0;  // n': units with two or more ratings
  std::size_t rated_units = 0;       // n: units with one or more
  std::size_t ratings = 0;
};

CategoryAgreement category_agreement(const CategoryCounts& counts,
                                     const std::vector<double>& weights);

// The mean, over units with two or more ratings, of the share of pairs of coders who agree.
Coefficient percent_agreement(const CategoryCounts& counts);

// Fleiss (1971) kappa, extended to missing values as Gwet (2014, ch. 5) does; weighted as Gwet's
// weighted generalisation when `weights` are not the identity. With Gwet's standard error,
// conditional on the coders (no finite-population correction).
Coefficient fleiss_kappa(const CategoryCounts& counts, const std::vector<double>& weights);

// Fleiss' kappa of category k against all others (Fleiss 1971, eq. 16).
Coefficient fleiss_kappa_for_category(const CategoryCounts& counts, std::size_t k);

// Brennan & Prediger (1981) / Randolph's (2005) free-marginal kappa, unweighted: chance is 1/q.
// The number of categories `q` the coders could choose from is the user's to state (the
// codebook's, or the categories observed; at least those observed), and the value depends on it.
Coefficient free_marginal_kappa(const CategoryCounts& counts, std::size_t q);

// Gwet's AC1 (identity weights) or AC2 (Gwet 2008; 2014) for q categories (as above; categories
// declared but never used count with identity weights), with its standard error conditional on
// the coders (Gwet 2014), for a confidence interval over units.
Coefficient gwet_ac(const CategoryCounts& counts, const std::vector<double>& weights,
                    std::size_t q);

}  // namespace thematica
