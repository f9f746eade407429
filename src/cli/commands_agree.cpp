// `thematica agree`: agreement between coders on the project.

#include "cli/commands.hpp"
#include "services/agreement_history.hpp"
#include "services/project_agreement.hpp"
#include "services/reconciliation.hpp"

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
              "% agree"});
  if (a.coders.size() == 2) out.push_back("kappa");
  return out;
}

std::string heading(const ProjectAgreement& a) {
  std::string unit = agreement_unit_name(a.options.unit);
  if (a.options.unit == AgreementUnit::kSegment) {
    unit += fmt::format(
        " (codings are one passage when they share at least {:g}% of the "
        "characters either covers)",
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

struct ScopeArgs {
  std::vector<std::string> coders, codes, documents, groups;
  double overlap = 90;
  AgreementScope scope() const { return {coders, codes, documents, groups, overlap / 100}; }
};

void add_scope_options(CLI::App& cmd, ScopeArgs& args) {
  cmd.add_option("--coders", args.coders, "The coders to compare, e.g. --coders Ana,Ben")
      ->delimiter(',');
  cmd.add_option("--overlap", args.overlap,
                 "Segment units: percent of shared characters for two codings to be one passage "
                 "(default 90)");
  cmd.add_option("--code", args.codes, "Only this code (repeatable; default: every code applied)");
  cmd.add_option("--doc", args.documents, "Only this document (repeatable)");
  cmd.add_option("--group", args.groups, "Only documents of this group (repeatable)");
}

std::string render_item(const DisagreementItem& item) {
  std::string out = fmt::format("#{}  {}  {}  in {} [{}:{})\n", item.number, item.kind, item.code,
                                item.document, item.passage.start, item.passage.end);
  out += fmt::format("  ...{}[{}]{}...\n", item.before, item.text, item.after);
  for (const auto& v : item.versions) {
    out += fmt::format("  {}: {} [{}:{}) \"{}\"\n", v.coder, v.code, v.range.start, v.range.end,
                       v.text);
  }
  for (const auto& coder : item.not_applied_by) {
    bool coded = std::any_of(item.versions.begin(), item.versions.end(),
                             [&](const CodingVersion& v) { return v.coder == coder; });
    if (!coded) out += fmt::format("  {}: nothing here\n", coder);
  }
  if (item.decision) {
    const auto& d = *item.decision;
    out +=
        fmt::format("  decided: {}{} by {}{}\n", d.decision, d.taken.empty() ? "" : " " + d.taken,
                    d.actor, d.memo.empty() ? "" : fmt::format(" (\"{}\")", d.memo));
  }
  return out;
}

std::string render_disagreements(const DisagreementList& list, bool all) {
  std::string out =
      fmt::format("Disagreements between {} on {} document{}\n", fmt::join(list.coders, ", "),
                  list.documents, list.documents == 1 ? "" : "s");
  for (const auto& item : list.items) {
    if (all || !item.decision) out += "\n" + render_item(item);
  }
  out += fmt::format("\n{} disagreement{}, {} decided", list.items.size(),
                     list.items.size() == 1 ? "" : "s", list.decided);
  if (list.decided < list.items.size()) {
    out += fmt::format(
        "; decide one with: thematica reconcile N --coders {} (--take CODER | --both | "
        "--range START:END | --discard) --memo REASON",
        fmt::join(list.coders, ","));
  }
  return out + "\n";
}

std::string render_history(const std::vector<AgreementHistoryEntry>& history) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : history) {
    const auto& r = e.run;
    rows.push_back({std::to_string(r.id), r.time, r.actor, r.unit,
                    fmt::format("{}", fmt::join(r.coders, ", ")), std::to_string(r.documents),
                    std::to_string(r.codes),
                    r.pooled ? fmt::format("{:.3f}", *r.pooled) : "undefined",
                    std::to_string(e.decisions_before)});
  }
  return format_table(
      {"run", "time", "by", "unit", "coders", "documents", "codes", "pooled", "decisions before"},
      rows);
}

void define_agree_subcommands(CLI::App& cmd, Cli& cli) {
  struct Args {
    ScopeArgs scope;
    std::uint64_t context = 60;
    bool all = false;
  };
  auto args = std::make_shared<Args>();
  auto* list = cmd.add_subcommand(
      "disagreements", "Every disagreement at the segment unit, each coder's version in context");
  add_scope_options(*list, args->scope);
  list->add_option("--context", args->context, "Characters of context on each side (default 60)");
  list->add_flag("--all", args->all, "Show decided disagreements too");
  cli.on(list, [&cli, args]() -> Status {
    TRY(store, cli.store());
    TRY(result, list_disagreements(*store, args->scope.scope(), args->context));
    cli.print(Json(result), render_disagreements(result, args->all));
    return {};
  });
  auto* history = cmd.add_subcommand("history", "Every agreement computed on this project");
  cli.on(history, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(entries, agreement_history(*store));
    cli.print(Json(entries), render_history(entries));
    return {};
  });
}

}  // namespace

void define_agree(CLI::App& cmd, Cli& cli) {
  struct Args {
    ScopeArgs scope;
    std::string unit = "segment";
    BootstrapOptions bootstrap;
    bool no_interval = false;
  };
  auto args = std::make_shared<Args>();
  add_scope_options(cmd, args->scope);
  cmd.add_option("--unit", args->unit,
                 "Unit of analysis: segment (default), document, turn or character");
  cmd.add_option("--samples", args->bootstrap.samples, "Bootstrap samples (default 20000)");
  cmd.add_option("--seed", args->bootstrap.seed, "Bootstrap seed (default 1)");
  cmd.add_flag("--no-interval", args->no_interval, "Skip the bootstrap interval");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    ProjectAgreementOptions options;
    options.scope = args->scope.scope();
    TRY(unit, parse_agreement_unit(args->unit));
    options.unit = unit;
    if (args->no_interval) {
      options.bootstrap.reset();
    } else {
      options.bootstrap = args->bootstrap;
    }
    TRY(result, project_agreement(ctx.store, options));
    TRY(run, record_agreement(ctx, result));
    Json json(result);
    json["run"] = run;
    cli.print(json,
              render(result) + fmt::format("(recorded as run {}: 'thematica agree history')", run));
    return {};
  });
  define_agree_subcommands(cmd, cli);
}

void define_reconcile(CLI::App& cmd, Cli& cli) {
  struct Args {
    ScopeArgs scope;
    std::size_t item = 0;
    std::string take, range, memo, consensus = "consensus";
    bool both = false, discard = false, agreed = false;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("item", args->item, "The disagreement's number (see 'agree disagreements')");
  add_scope_options(cmd, args->scope);
  auto* take = cmd.add_option("--take", args->take, "Keep this coder's version");
  auto* both = cmd.add_flag("--both", args->both, "Keep every coder's version");
  auto* range = cmd.add_option("--range", args->range, "Code the passage at START:END instead");
  auto* discard = cmd.add_flag("--discard", args->discard, "Keep no coding of it");
  auto* agreed = cmd.add_flag("--agreed", args->agreed,
                              "Copy every coding the coders agree on to the consensus coder");
  for (auto* one : {take, both, range, discard, agreed}) {
    for (auto* other : {take, both, range, discard, agreed}) {
      if (one != other) one->excludes(other);
    }
  }
  cmd.add_option("--memo", args->memo, "The reason for the decision (kept with it)");
  cmd.add_option("--consensus", args->consensus, "The consensus coder (default: consensus)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    if (args->agreed) {
      TRY(event, adopt_agreed_codings(ctx, args->scope.scope(), args->consensus));
      cli.print_event(event);
      return {};
    }
    ReconcileRequest request;
    request.scope = args->scope.scope();
    request.item = args->item;
    request.memo = args->memo;
    request.consensus = args->consensus;
    request.take = args->take;
    if (!args->range.empty()) {
      TRY(r, parse_range(args->range));
      request.range = r;
    }
    request.resolution = !args->take.empty()    ? Resolution::kTake
                         : args->both           ? Resolution::kBoth
                         : !args->range.empty() ? Resolution::kAdjust
                         : args->discard        ? Resolution::kDiscard
                                                : Resolution::kTake;
    if (args->take.empty() && !args->both && args->range.empty() && !args->discard) {
      return fail(ErrorKind::kInvalidInput,
                  "say what to do with the disagreement: --take CODER, --both, --range "
                  "START:END or --discard (or --agreed to copy what the coders agree on)");
    }
    TRY(event, reconcile(ctx, request));
    cli.print_event(event);
    return {};
  });
}

}  // namespace thematica::cli
