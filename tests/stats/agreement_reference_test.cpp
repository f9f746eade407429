// Every published and cross-checked value in ../shared/icr/vectors.json, reproduced to the digits
// given. Each reference key is computed by the coefficient it names; a key we do not compute is
// listed below with the reason, so nothing is passed over silently.
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stats/category_agreement.hpp"
#include "stats/kappa.hpp"
#include "stats/krippendorff_alpha.hpp"
#include "stats/unitizing.hpp"
#include "stats/weights.hpp"

namespace thematica::testing {
namespace {

using Json = nlohmann::json;

Json vectors() {
  std::ifstream in(std::string(THEMATICA_SHARED_DIR) + "/icr/vectors.json");
  return Json::parse(in);
}

// Keys computed by nothing here, and why.
const std::map<std::string, std::string> kNotComputed = {
    {"cu_alpha_quallmer_union_variant",
     "another reading of cu-alpha for three or more coders; we compute the reading given as "
     "cu_alpha (see docs/methods/agreement.md)"},
    {"l", "the coincidence matrix itself; every alpha of the example is built from it"},
    {"order", "names the rows of l"},
};

// Published values that are not what their own table gives: the value the table gives instead.
// Artstein & Poesio (2008, p. 568) print pi = .799; from the table, chance agreement is
// .49^2 + .38^2 + .13^2 = .4014 and pi = .4786 / .5986 = .79953, which rounds to .800.
const std::map<std::string, double> kErrata = {{"TABLES/AP2008_2/pub/pi", 0.800}};

// Reference values are compared at the precision they are given in.
void expect_reference(double ours, const Json& reference, const std::string& where) {
  std::string text = reference.dump();
  auto dot = text.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  double expected = reference.get<double>();
  if (auto erratum = kErrata.find(where); erratum != kErrata.end()) expected = erratum->second;
  EXPECT_NEAR(ours, expected, 0.5 * std::pow(10.0, -decimals) + 1e-9) << where;
}

double value_of(const Coefficient& c, const std::string& where) {
  EXPECT_TRUE(c.value) << where << ": " << c.why_undefined;
  return c.value.value_or(std::nan(""));
}

std::vector<double> identity_weights(const std::vector<double>& categories) {
  return agreement_weights(Weighting::kIdentity, categories);
}

// A dataset in any of the coder-by-unit layouts, as reliability data.
Ratings ratings_of(const Json& dataset) {
  const Json& data = dataset["data"];
  std::string layout = dataset["layout"];
  if (layout == "obs_units" || layout == "units_obs") {
    bool by_coder = layout == "obs_units";
    std::size_t rows = data.size(), cols = data[0].size();
    Ratings r(by_coder ? cols : rows, by_coder ? rows : cols);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < cols; ++j) {
        if (data[i][j].is_null()) continue;
        double v = data[i][j].get<double>();
        by_coder ? r.set(j, i, v) : r.set(i, j, v);
      }
    }
    return r;
  }
  if (layout == "pairs") {  // labels "a", "b", ... in order
    Ratings r(data.size(), 2);
    for (std::size_t u = 0; u < data.size(); ++u) {
      for (std::size_t c = 0; c < 2; ++c) {
        r.set(u, c, data[u][c].get<std::string>()[0] - 'a' + 1);
      }
    }
    return r;
  }
  // counts: which coder said what is unknown, and none of its coefficients needs it.
  std::size_t coders = 0;
  for (const auto& row : data) {
    std::size_t n = 0;
    for (const auto& cell : row) n += cell.get<std::size_t>();
    coders = std::max(coders, n);
  }
  Ratings r(data.size(), coders);
  for (std::size_t u = 0; u < data.size(); ++u) {
    std::size_t coder = 0;
    for (std::size_t k = 0; k < data[u].size(); ++k) {
      for (int i = 0; i < data[u][k].get<int>(); ++i) r.set(u, coder++, static_cast<double>(k + 1));
    }
  }
  return r;
}

// The value of `key` for reliability data, or nullopt for a key this function does not know.
std::optional<double> compute(const Ratings& r, const std::string& key, const std::string& where) {
  auto categories = categories_of(r);
  auto counts = CategoryCounts::from(r, categories);
  auto identity = identity_weights(categories);
  auto alpha = [&](Level level) {
    auto direct = krippendorff_alpha(r, level);
    // Summarised to its coincidences first (how agreement on a project computes it), the data
    // must give the same alpha, down to rounding.
    auto summarised = krippendorff_alpha(coincidences(pairable_values(r)), level);
    EXPECT_NEAR(direct.value.value_or(-9), summarised.value.value_or(-9), 1e-12) << where;
    EXPECT_NEAR(direct.expected, summarised.expected, 1e-12) << where;
    return direct;
  };
  std::size_t q = categories.size();
  bool two = r.coders() == 2;
  std::map<std::string, std::function<Coefficient()>> by_key = {
      {"alpha_nominal", [&] { return alpha(Level::kNominal); }},
      {"alpha", [&] { return alpha(Level::kNominal); }},
      {"alpha_ordinal", [&] { return alpha(Level::kOrdinal); }},
      {"alpha_interval", [&] { return alpha(Level::kInterval); }},
      {"alpha_ratio", [&] { return alpha(Level::kRatio); }},
      {"pa_multi", [&] { return percent_agreement(counts); }},
      {"pa", [&] { return percent_agreement(counts); }},
      {"gwet_ac1", [&] { return gwet_ac(counts, identity, q); }},
      {"ac1", [&] { return gwet_ac(counts, identity, q); }},
      {"fleiss_kappa_gwet_missing", [&] { return fleiss_kappa(counts, identity); }},
      {"conger_kappa", [&] { return conger_kappa(r, categories, identity); }},
      {"nltk_multi_kappa_DaviesFleiss", [&] { return conger_kappa(r, categories, identity); }},
      {"bp_q5", [&] { return free_marginal_kappa(counts, 5); }},
      {"randolph", [&] { return free_marginal_kappa(counts, q); }},
      {"randolph_bp", [&] { return free_marginal_kappa(counts, q); }},
      {"bp", [&] { return free_marginal_kappa(counts, q); }},
      {"S", [&] { return free_marginal_kappa(counts, q); }},
      {"pi", [&] { return scott_pi(Crosstab::from(r, categories), identity); }},
      {"kappa",
       [&] {
         return two ? cohen_kappa(Crosstab::from(r, categories), identity)
                    : fleiss_kappa(counts, identity);
       }},
  };
  if (auto f = by_key.find(key); f != by_key.end()) return value_of(f->second(), where);
  if (key == "Do_nom" || key == "Do") return alpha(Level::kNominal).observed;
  if (key == "De_nom" || key == "De") return alpha(Level::kNominal).expected;
  if (key == "Do_int") return alpha(Level::kInterval).observed;
  if (key == "De_int") return alpha(Level::kInterval).expected;
  if (key == "Pbar") return fleiss_kappa(counts, identity).observed;
  if (key == "Pe") return fleiss_kappa(counts, identity).expected;
  return std::nullopt;
}

// Expands a two-coder table into units (for the coefficients that work on units).
Ratings ratings_of_table(const Json& t) {
  std::size_t units = 0;
  for (const auto& row : t) {
    for (const auto& cell : row) units += cell.get<std::size_t>();
  }
  Ratings r(units, 2);
  std::size_t u = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      for (int n = 0; n < t[i][j].get<int>(); ++n, ++u) {
        r.set(u, 0, static_cast<double>(i + 1));
        r.set(u, 1, static_cast<double>(j + 1));
      }
    }
  }
  return r;
}

std::optional<double> compute_table(const Json& t, const std::string& key,
                                    const std::string& where) {
  Crosstab table(t.size());
  std::vector<double> categories;
  for (std::size_t i = 0; i < t.size(); ++i) {
    categories.push_back(static_cast<double>(i + 1));
    for (std::size_t j = 0; j < t.size(); ++j) table.set(i, j, t[i][j].get<double>());
  }
  auto identity = identity_weights(categories);
  if (key == "kappa") return value_of(cohen_kappa(table, identity), where);
  if (key == "kappa_linear") {
    return value_of(cohen_kappa(table, agreement_weights(Weighting::kLinear, categories)), where);
  }
  if (key == "kappa_quadratic") {
    return value_of(cohen_kappa(table, agreement_weights(Weighting::kQuadratic, categories)),
                    where);
  }
  if (key == "pa") return cohen_kappa(table, identity).observed;
  if (key == "pe") return cohen_kappa(table, identity).expected;
  if (key == "pi") return value_of(scott_pi(table, identity), where);
  if (key == "ac1") return value_of(gwet_ac(table, identity, t.size()), where);
  if (key == "ac1_se") return gwet_ac(table, identity, t.size()).standard_error.value_or(-1);
  if (key == "S" || key == "bp" || key == "alpha") {
    return compute(ratings_of_table(t), key, where);
  }
  return std::nullopt;
}

void check_values(
    const Json& values, const std::string& where,
    const std::function<std::optional<double>(const std::string&, const std::string&)>& computed) {
  for (const auto& [key, reference] : values.items()) {
    std::string at = where + "/" + key;
    if (reference.is_array()) continue;  // per-category lists: checked by their own tests
    auto ours = computed(key, at);
    ASSERT_TRUE(ours) << at << ": no coefficient computes this key";
    expect_reference(*ours, reference, at);
  }
}

TEST(AgreementReferenceTest, CoderByUnitDatasets) {
  Json all = vectors();
  int checked = 0;
  for (const auto& [name, dataset] : all.items()) {
    if (!dataset.contains("data")) continue;
    Ratings r = ratings_of(dataset);
    for (const char* kind : {"pub", "calc"}) {
      if (!dataset.contains(kind)) continue;
      check_values(dataset[kind], name + "/" + kind, [&](const std::string& key, const auto& at) {
        ++checked;
        return compute(r, key, at);
      });
    }
  }
  EXPECT_EQ(checked, 58);
}

TEST(AgreementReferenceTest, TwoCoderTables) {
  Json tables = vectors()["TABLES"];
  int checked = 0;
  for (const auto& [name, entry] : tables.items()) {
    if (!entry.is_object()) continue;
    for (const char* kind : {"pub", "calc"}) {
      if (!entry.contains(kind)) continue;
      check_values(entry[kind], "TABLES/" + name + "/" + kind,
                   [&](const std::string& key, const std::string& at) {
                     ++checked;
                     return compute_table(entry["t"], key, at);
                   });
    }
  }
  EXPECT_EQ(checked, 49);
}

TEST(AgreementReferenceTest, FleissPerCategoryKappas) {
  Json dataset = vectors()["FLEISS1971"];
  Ratings r = ratings_of(dataset);
  auto counts = CategoryCounts::from(r, categories_of(r));
  const Json& expected = dataset["calc"]["kappa_per_cat"];
  ASSERT_EQ(expected.size(), counts.categories());
  for (std::size_t k = 0; k < counts.categories(); ++k) {
    expect_reference(value_of(fleiss_kappa_for_category(counts, k), "kappa_per_cat"), expected[k],
                     "FLEISS1971/calc/kappa_per_cat/" + std::to_string(k));
  }
}

Continuum continuum_of(const Json& coders) {
  Continuum c;
  c.length = 20;  // the examples' L
  c.values = 2;   // "A" and "B"
  for (const auto& coder : coders) {
    std::vector<ValuedSegment> segments;
    for (const auto& s : coder) {
      segments.push_back({s[0].get<std::int64_t>(), s[1].get<std::int64_t>(),
                          s[2].get<std::string>() == "A" ? 1u : 2u});
    }
    c.coders.push_back(std::move(segments));
  }
  return c;
}

TEST(AgreementReferenceTest, UnitizingExamples) {
  Json unitizing = vectors()["UNITIZING"];
  int checked = 0;
  for (const char* name : {"EX1_3coders", "EX3_2coders"}) {
    const Json& example = unitizing[name];
    auto result = unitizing_agreement(continuum_of(example["coders"]));
    ASSERT_TRUE(result) << result.error().message;
    std::map<std::string, Coefficient> by_key = {
        {"u_alpha", result->u_alpha},   {"bar_u_alpha", result->binary_u_alpha},
        {"cu_alpha", result->cu_alpha}, {"ku_A", result->per_value[0]},
        {"ku_B", result->per_value[1]},
    };
    for (const auto& [key, reference] : example["calc"].items()) {
      std::string at = std::string(name) + "/calc/" + key;
      if (kNotComputed.count(key)) continue;
      ASSERT_TRUE(by_key.count(key)) << at << ": no coefficient computes this key";
      expect_reference(value_of(by_key[key], at), reference, at);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 10);
}

}  // namespace
}  // namespace thematica::testing
