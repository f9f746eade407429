// `thematica agree`: agreement between coders on the project.

#include "cli/commands.hpp"
#include "services/project_agreement.hpp"

namespace thematica::cli {
namespace {

std::string format_alpha(const Coefficient& c) {
  return c.value ? fmt::format("{:.3f}", *c.value) : "undefined";
}

std::string format_interval(const std::optional<AlphaInterval>& interval) {
  return interval ? fmt::format("[{:.3f}, {:.3f}]", interval->low, interval->high) : "";
}

std::string format_share(const std::optional<Coefficient>& c) {
  return c && c->value ? fmt::format("{:.1f}%", *c->value * 100) : "";
}

std::vector<std::string> row_of(const CodeAgreement& row, bool character) {
  std::vector<std::string> out = {row.code};
  for (auto n : row.codings) out.push_back(std::to_string(n));
  out.push_back(std::to_string(row.units));
  if (!character) out.push_back(std::to_string(row.units_all_coded));
  out.push_back(format_alpha(row.alpha));
  if (character) return out;
  out.push_back(format_interval(row.interval));
  out.push_back(format_share(row.percent));
  if (row.kappa) out.push_back(format_alpha(*row.kappa));
  return out;
}

std::vector<std::string> header_of(const ProjectAgreement& a) {
  bool character = a.options.unit == AgreementUnit::kCharacter;
  std::vector<std::string> out = {"code"};
  for (const auto& coder : a.coders) out.push_back(coder);
  if (character) {
    out.insert(out.end(), {"segments", "u-alpha"});
    return out;
  }
  out.insert(out.end(),
             {"units", "all coded", "alpha",
              fmt::format("{:g}% CI", a.options.bootstrap ? a.options.bootstrap->level * 100 : 95),
              "agree"});
  if (a.coders.size() == 2) out.push_back("kappa");
  return out;
}

std::string heading(const ProjectAgreement& a) {
  std::string unit = agreement_unit_name(a.options.unit);
  if (a.options.unit == AgreementUnit::kSegment) {
    unit += fmt::format(" (codings of one passage share at least {:g}% of their characters)",
                        a.options.scope.min_overlap * 100);
  }
  std::string out =
      fmt::format("Agreement of {} on {} document{}; unit: {}\n", fmt::join(a.coders, ", "),
                  a.documents.size(), a.documents.size() == 1 ? "" : "s", unit);
  std::vector<std::string> by_none;
  for (const auto& e : a.excluded) {
    if (e.reason == kCodedByNone) {
      by_none.push_back(e.name);
    } else {
      out += fmt::format("left out: {} ({})\n", e.name, e.reason);
    }
  }
  if (!by_none.empty()) {
    out += fmt::format("left out, {}: {}\n", kCodedByNone, fmt::join(by_none, ", "));
  }
  return out;
}

std::string render(const ProjectAgreement& a) {
  bool character = a.options.unit == AgreementUnit::kCharacter;
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : a.codes) rows.push_back(row_of(row, character));
  rows.push_back(row_of(a.pooled, character));
  std::string out = heading(a) + "\n" + format_table(header_of(a), rows);
  for (const auto& row : a.codes) {
    if (!row.alpha.value)
      out += fmt::format("{}: undefined, {}\n", row.code, row.alpha.why_undefined);
  }
  if (a.pooled.alpha.value) {
    out +=
        "\npooled " + alpha_reading(*a.pooled.alpha.value, character ? "u-alpha" : "alpha") + "\n";
  }
  return out + "\nMethods: " + methods_paragraph(a) + "\n";
}

}  // namespace

void define_agree(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::vector<std::string> coders, codes, documents, groups;
    std::string unit = "segment";
    double overlap = 90;
    BootstrapOptions bootstrap;
    bool no_interval = false;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("--coders", args->coders, "The coders to compare, e.g. --coders Ana,Ben")
      ->delimiter(',')
      ->required();
  cmd.add_option("--unit", args->unit,
                 "Unit of analysis: segment (default), document, turn or character");
  cmd.add_option("--overlap", args->overlap,
                 "Segment units: percent of shared characters for two codings to be one passage "
                 "(default 90)");
  cmd.add_option("--code", args->codes, "Only this code (repeatable; default: every code applied)");
  cmd.add_option("--doc", args->documents, "Only this document (repeatable)");
  cmd.add_option("--group", args->groups, "Only documents of this group (repeatable)");
  cmd.add_option("--samples", args->bootstrap.samples, "Bootstrap samples (default 20000)");
  cmd.add_option("--seed", args->bootstrap.seed, "Bootstrap seed (default 1)");
  cmd.add_flag("--no-interval", args->no_interval, "Skip the bootstrap interval");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(store, cli.store());
    ProjectAgreementOptions options;
    options.scope = {args->coders, args->codes, args->documents, args->groups, args->overlap / 100};
    TRY(unit, parse_agreement_unit(args->unit));
    options.unit = unit;
    if (args->no_interval) {
      options.bootstrap.reset();
    } else {
      options.bootstrap = args->bootstrap;
    }
    TRY(result, project_agreement(*store, options));
    cli.print(Json(result), render(result));
    return {};
  });
}

}  // namespace thematica::cli
