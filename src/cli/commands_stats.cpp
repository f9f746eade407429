// Statistics on data from anywhere, without a project: `stats agreement FILE.csv`.

#include <algorithm>

#include "cli/commands.hpp"
#include "services/project_agreement.hpp"
#include "services/table_agreement.hpp"

namespace thematica::cli {
namespace {

std::string format_value(const Coefficient& c) {
  return c.value ? fmt::format("{:.3f}", *c.value) : "undefined";
}

std::string format_interval(const Coefficient& c, double z) {
  if (!c.value || !c.standard_error) return "";
  // The coefficients cannot leave [-1, 1]; neither does their interval.
  return fmt::format("[{:.3f}, {:.3f}]", std::max(-1.0, *c.value - z * *c.standard_error),
                     std::min(1.0, *c.value + z * *c.standard_error));
}

std::string describe_bootstrap(const AlphaInterval& a) {
  std::string below;
  for (const auto& [minimum, share] : a.below) {
    below += fmt::format("{}alpha < {:.3f}: {:.4f}", below.empty() ? "" : "; ", minimum, share);
  }
  return fmt::format(
      "Krippendorff's alpha {:.0f}% interval by bootstrap ({}, {} samples, seed {}): "
      "[{:.3f}, {:.3f}]\nprobability that alpha is below a minimum: {}",
      a.options.level * 100, bootstrap_method_name(a.options.method), a.options.samples,
      a.options.seed, a.low, a.high, below);
}

std::string alpha_guide(const TableAgreement& t) {
  for (const auto& named : t.coefficients) {
    if (named.key == "krippendorff_alpha" && named.coefficient.value) {
      return alpha_reading(*named.coefficient.value);
    }
  }
  return "";
}

std::string render(const TableAgreement& t) {
  constexpr double z = 1.959964;  // 95% intervals from the standard error, normal quantile
  std::vector<std::vector<std::string>> rows;
  for (const auto& named : t.coefficients) {
    const Coefficient& c = named.coefficient;
    rows.push_back({named.name, format_value(c),
                    c.standard_error ? fmt::format("{:.4f}", *c.standard_error) : "",
                    format_interval(c, z), std::to_string(c.units)});
  }
  std::string out = fmt::format("{} coders, {} units, {} values; level: {}\n\n", t.coders.size(),
                                t.units, t.values, level_name(t.level));
  out += format_table({"coefficient", "value", "SE", "95% CI (from SE)", "units"}, rows);
  for (const auto& named : t.coefficients) {
    if (!named.coefficient.value) {
      out += fmt::format("{} is undefined: {}\n", named.name, named.coefficient.why_undefined);
    }
  }
  if (t.alpha_interval) out += "\n" + describe_bootstrap(*t.alpha_interval) + "\n";
  std::string guide = alpha_guide(t);
  if (!guide.empty()) out += guide + "\n";
  for (const auto& note : t.notes) out += "note: " + note + "\n";
  return out;
}

}  // namespace

void define_stats(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string file, level = "nominal", bootstrap = "krippendorff";
    std::size_t categories = 0;
    BootstrapOptions samples;
  };
  auto args = std::make_shared<Args>();
  auto* agreement = cmd.add_subcommand(
      "agreement", "Agreement coefficients for a table: one row per unit, one column per coder");
  agreement->add_option("file", args->file, "A .csv with a header row of coder names")->required();
  agreement->add_option("--level", args->level, "nominal, ordinal, interval or ratio")
      ->check(CLI::IsMember({"nominal", "ordinal", "interval", "ratio"}));
  agreement->add_option("--categories", args->categories,
                        "Categories the coders could choose from (q for Brennan-Prediger and "
                        "Gwet's AC; default: those in the table)");
  agreement
      ->add_option("--bootstrap", args->bootstrap,
                   "Alpha's interval: krippendorff (default), units, or none")
      ->check(CLI::IsMember({"krippendorff", "units", "none"}));
  agreement->add_option("--samples", args->samples.samples, "Bootstrap samples (default 20000)");
  agreement->add_option("--seed", args->samples.seed, "Bootstrap seed (default 1)");
  cmd.require_subcommand(1);
  cli.on(agreement, [&cli, args]() -> Status {
    TableAgreementOptions options;
    TRY(level, parse_level(args->level));
    options.level = level;
    if (args->categories > 0) options.categories = args->categories;
    if (args->bootstrap == "none") {
      options.bootstrap.reset();
    } else {
      TRY(method, parse_bootstrap_method(args->bootstrap));
      options.bootstrap = args->samples;
      options.bootstrap->method = method;
    }
    TRY(result, table_agreement(args->file, options));
    cli.print(Json(result), render(result));
    return {};
  });
}

}  // namespace thematica::cli
