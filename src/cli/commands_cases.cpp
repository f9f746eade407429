// Commands for cases, variables and memos.

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "services/cases_service.hpp"
#include "services/memos.hpp"

namespace thematica::cli {

namespace {

// cases rename / merge / delete: the commands that change which cases there are.
void define_case_identity(CLI::App& cmd, Cli& cli) {
  auto names = std::make_shared<std::pair<std::string, std::string>>();
  auto* rename = cmd.add_subcommand("rename", "Rename a case (a speaker keeps its turns)");
  rename->add_option("case", names->first)->required();
  rename->add_option("new-name", names->second, "The new name")->required();
  cli.on(rename, [&cli, names]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, rename_case(ctx, names->first, names->second));
    cli.print_event(event);
    return {};
  });
  auto* merge =
      cmd.add_subcommand("merge", "Merge a case into another (two labels of one speaker)");
  merge->add_option("source", names->first)->required();
  merge->add_option("target", names->second)->required();
  cli.on(merge, [&cli, names]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, merge_cases(ctx, names->first, names->second));
    cli.print_event(event);
    return {};
  });
  auto* remove = cmd.add_subcommand("delete", "Delete a case (its documents stay)");
  remove->add_option("case", names->first)->required();
  cli.on(remove, [&cli, names]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_case(ctx, names->first));
    cli.print_event(event);
    return {};
  });
}

// cases exclude / include / split: speakers in analysis.
void define_case_speakers(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string name, into;
    std::vector<std::string> docs;
  };
  auto args = std::make_shared<Args>();
  for (bool analysed : {false, true}) {
    auto* sub = cmd.add_subcommand(
        analysed ? "include" : "exclude",
        analysed ? "Count a speaker's turns in segments and freq again"
                 : "Leave a speaker's turns (an interviewer's) out of segments and freq");
    sub->add_option("case", args->name)->required();
    cli.on(sub, [&cli, args, analysed]() -> Status {
      TRY(ctx, cli.context());
      TRY(event, set_case_analysed(ctx, args->name, analysed));
      cli.print_event(event);
      return {};
    });
  }
  auto* split = cmd.add_subcommand("split", "Move a case's turns in some documents to a new case");
  split->add_option("case", args->name)->required();
  split->add_option("--doc", args->docs, "Documents whose turns move")->required();
  split->add_option("--into", args->into, "The new case")->required();
  cli.on(split, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, split_case(ctx, args->name, args->docs, args->into));
    cli.print_event(event);
    return {};
  });
}

}  // namespace

void define_cases(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(cases, list_cases(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : cases) {
      std::vector<std::string> values, links;
      for (const auto& [name, value] : c.values)
        values.push_back(fmt::format("{}={}", name, value));
      for (const auto& l : c.links) {
        links.push_back(l.range ? fmt::format("{} {}:{}", l.document, l.range->start, l.range->end)
                                : l.document);
      }
      rows.push_back({c.kase.analysed ? c.kase.name : c.kase.name + " (left out)",
                      fmt::format("{}", fmt::join(values, " ")),
                      fmt::format("{}", fmt::join(links, ", "))});
    }
    cli.print(Json(cases), format_table({"case", "values", "documents"}, rows));
    return {};
  });
  struct Args {
    std::string name, doc, range;
    std::vector<std::string> values;
  };
  auto args = std::make_shared<Args>();
  auto* set = cmd.add_subcommand("set", "Set variable values on a case (created if new)");
  set->add_option("case", args->name)->required();
  set->add_option("values", args->values, "variable=value ... (empty value clears)")->required();
  cli.on(set, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& v : args->values) {
      TRY(pair, parse_assignment(v));
      values.push_back(pair);
    }
    TRY(event, set_case_values(ctx, args->name, values));
    cli.print_event(event);
    return {};
  });
  auto* link = cmd.add_subcommand("link", "Link a case to a document or a range of it");
  link->add_option("case", args->name)->required();
  link->add_option("--doc", args->doc)->required();
  link->add_option("--range", args->range, "START:END (default: the whole document)");
  cli.on(link, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    std::optional<Range> range;
    if (!args->range.empty()) {
      TRY(parsed, parse_range(args->range));
      range = parsed;
    }
    TRY(event, link_case(ctx, args->name, args->doc, range));
    cli.print_event(event);
    return {};
  });
  define_case_identity(cmd, cli);
  define_case_speakers(cmd, cli);
}

void define_vars(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(vars, list_variables(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : vars) {
      rows.push_back(
          {v.name, variable_type_name(v.type), fmt::format("{}", fmt::join(v.categories, ", "))});
    }
    cli.print(Json(vars), format_table({"variable", "type", "categories"}, rows));
    return {};
  });
  struct Args {
    std::string name, type = "text";
    std::vector<std::string> categories;
  };
  auto args = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Declare a typed variable");
  add->add_option("name", args->name)->required();
  add->add_option("--type", args->type, "text, number, date, boolean or category");
  add->add_option("--categories", args->categories, "Allowed values of a category variable")
      ->delimiter(',');
  cli.on(add, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(type, parse_variable_type(args->type));
    TRY(event, add_variable(ctx, args->name, type, args->categories));
    cli.print_event(event);
    return {};
  });
}

void define_memo(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string text, doc, code, coding;
    Id id = 0;
  };
  auto args = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Write a memo (on the project unless a target is given)");
  add->add_option("text", args->text)->required();
  auto* doc = add->add_option("--doc", args->doc, "On this document");
  auto* code = add->add_option("--code", args->code, "On this code");
  auto* coding = add->add_option("--coding", args->coding, "On this coding (id)");
  doc->excludes(code)->excludes(coding);
  code->excludes(coding);
  cli.on(add, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    MemoRequest request{MemoTarget::kProject, {}, args->text, ctx.actor};
    if (!args->doc.empty()) request = {MemoTarget::kDocument, args->doc, args->text, ctx.actor};
    if (!args->code.empty()) request = {MemoTarget::kCode, args->code, args->text, ctx.actor};
    if (!args->coding.empty()) request = {MemoTarget::kCoding, args->coding, args->text, ctx.actor};
    TRY(event, add_memo(ctx, request));
    cli.print_event(event);
    return {};
  });
  auto* list = cmd.add_subcommand("list", "List memos");
  cli.on(list, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(memos, list_memos(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : memos) {
      rows.push_back({"#" + std::to_string(m.memo.id), memo_target_name(m.memo.target), m.target,
                      m.coder, m.memo.text});
    }
    cli.print(Json(memos), format_table({"memo", "on", "target", "coder", "text"}, rows));
    return {};
  });
  auto* remove = cmd.add_subcommand("delete", "Delete a memo");
  remove->add_option("id", args->id)->required();
  cli.on(remove, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_memo(ctx, args->id));
    cli.print_event(event);
    return {};
  });
  cmd.require_subcommand(1);
}

}  // namespace thematica::cli
