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

namespace {

Json coefficient_json(const Coefficient& c) {
  Json j{{"value", c.value ? Json(*c.value) : Json(nullptr)},
         {"observed", c.observed},
         {"expected", c.expected}};
  if (c.standard_error) j["standard_error"] = *c.standard_error;
  if (!c.value) j["why_undefined"] = c.why_undefined;
  return j;
}

Json code_agreement_json(const CodeAgreement& row) {
  Json j{{"code", row.code},
         {"codings", row.codings},
         {"units", row.units},
         {"units_coded", row.units_coded},
         {"units_all_coded", row.units_all_coded},
         {"alpha", coefficient_json(row.alpha)},
         {"alpha_interval", row.interval ? Json(*row.interval) : Json(nullptr)}};
  // Character units are compared by u-alpha alone.
  if (row.percent) j["percent_agreement"] = coefficient_json(*row.percent);
  if (row.kappa) j["cohen_kappa"] = coefficient_json(*row.kappa);
  return j;
}

}  // namespace

void to_json(Json& j, const ProjectAgreement& a) {
  j = Json{{"unit", agreement_unit_name(a.options.unit)},
           {"coefficient",
            a.options.unit == AgreementUnit::kCharacter ? "u_alpha" : "krippendorff_alpha"},
           {"coders", a.coders},
           {"documents", a.documents},
           {"excluded", Json::array()},
           {"codes", Json::array()},
           {"pooled", code_agreement_json(a.pooled)},
           {"methods", methods_paragraph(a)}};
  if (a.options.unit == AgreementUnit::kSegment) j["min_overlap"] = a.options.scope.min_overlap;
  if (a.options.unit == AgreementUnit::kTurn) j["turns_left_out"] = a.turns_left_out;
  for (const auto& e : a.excluded)
    j["excluded"].push_back({{"document", e.name}, {"reason", e.reason}});
  for (const auto& row : a.codes) j["codes"].push_back(code_agreement_json(row));
}

namespace {

Json decision_json(const ReconciliationDecision& d) {
  return Json{{"decision", d.decision},
              {"taken", d.taken},
              {"memo", d.memo},
              {"by", d.actor},
              {"time", d.time}};
}

Json item_json(const DisagreementItem& item) {
  Json j{{"number", item.number},
         {"document", item.document},
         {"code", item.code},
         {"start", item.passage.start},
         {"end", item.passage.end},
         {"kind", item.kind},
         {"applied_by", item.applied_by},
         {"not_applied_by", item.not_applied_by},
         {"before", item.before},
         {"text", item.text},
         {"after", item.after},
         {"versions", Json::array()},
         {"decision", item.decision ? decision_json(*item.decision) : Json(nullptr)}};
  for (const auto& v : item.versions) {
    j["versions"].push_back({{"coding", v.coding_id},
                             {"coder", v.coder},
                             {"code", v.code},
                             {"start", v.range.start},
                             {"end", v.range.end},
                             {"text", v.text}});
  }
  return j;
}

}  // namespace

void to_json(Json& j, const DisagreementList& list) {
  j = Json{{"coders", list.coders},
           {"documents", list.documents},
           {"excluded", Json::array()},
           {"disagreements", Json::array()},
           {"decided", list.decided}};
  for (const auto& e : list.excluded) {
    j["excluded"].push_back({{"document", e.name}, {"reason", e.reason}});
  }
  for (const auto& item : list.items) j["disagreements"].push_back(item_json(item));
}

void to_json(Json& j, const AgreementHistoryEntry& entry) {
  const auto& r = entry.run;
  j = Json{{"run", r.id},
           {"time", r.time},
           {"by", r.actor},
           {"unit", r.unit},
           {"coders", r.coders},
           {"documents", r.documents},
           {"codes", r.codes},
           {"pooled", r.pooled ? Json(*r.pooled) : Json(nullptr)},
           {"decisions_before", entry.decisions_before},
           {"report", Json::parse(r.report, nullptr, false)}};
}

void to_json(Json& j, const CoderAssignments& a) {
  j = Json{{"coder", a.coder}, {"documents", Json::array()}};
  for (const auto& d : a.documents) {
    j["documents"].push_back({{"document", d.document}, {"codings", d.codings}});
  }
}

}  // namespace thematica
