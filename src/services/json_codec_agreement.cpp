// The JSON forms of agreement results (declared in json_codec.hpp).

#include <fmt/format.h>

#include "services/json_codec.hpp"

namespace thematica {

void to_json(Json& j, const AlphaInterval& a) {
  j = Json{{"method", bootstrap_method_name(a.options.method)},
           {"samples", a.options.samples},
           {"seed", a.options.seed},
           {"level", a.options.level},
           {"low", a.low},
           {"high", a.high},
           {"below", Json::object()}};
  // q(alpha < minimum): the share of bootstrapped alphas below each minimum.
  for (const auto& [minimum, share] : a.below) j["below"][fmt::format("{}", minimum)] = share;
  if (a.options.method == BootstrapMethod::kKrippendorff) j["pairs_drawn"] = a.draws;
  if (a.options.method == BootstrapMethod::kUnits) j["undefined_samples"] = a.undefined;
}

void to_json(Json& j, const TableAgreement& t) {
  j = Json{{"coders", t.coders},
           {"units", t.units},
           {"values", t.values},
           {"level", level_name(t.level)},
           {"categories", t.q},
           {"coefficients", Json::object()},
           {"standard_errors", Json::object()},
           {"undefined", Json::object()},
           {"details", Json::object()}};
  for (const auto& named : t.coefficients) {
    const Coefficient& c = named.coefficient;
    j["coefficients"][named.key] = c.value ? Json(*c.value) : Json(nullptr);
    if (c.standard_error) j["standard_errors"][named.key] = *c.standard_error;
    if (!c.value) j["undefined"][named.key] = c.why_undefined;
    j["details"][named.key] = Json{{"name", named.name},
                                   {"observed", c.observed},
                                   {"expected", c.expected},
                                   {"units", c.units}};
  }
  j["alpha_interval"] = t.alpha_interval ? Json(*t.alpha_interval) : Json(nullptr);
  j["notes"] = t.notes;
}

}  // namespace thematica
