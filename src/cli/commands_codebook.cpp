// The 'codes' command and its subcommands.

#include "cli/commands.hpp"
#include "services/codebook_service.hpp"

namespace thematica::cli {
namespace {

// Options that set a code's colour and description, shared by 'codes add' and 'codes edit'.
struct EditOptions {
  std::string colour, definition, when_to_use, when_not_to_use, example;
  void add_to(CLI::App& cmd) {
    cmd.add_option("--colour,--color", colour, "Colour as #rrggbb");
    cmd.add_option("--definition", definition, "What the code means");
    cmd.add_option("--when-to-use", when_to_use, "When to apply it");
    cmd.add_option("--when-not-to-use", when_not_to_use, "When not to apply it");
    cmd.add_option("--example", example, "An example passage");
  }
  CodeEdits edits(const CLI::App& cmd) const {
    auto given = [&](const char* opt, const std::string& value) {
      return cmd.count(opt) > 0 ? std::optional<std::string>(value) : std::nullopt;
    };
    return CodeEdits{given("--colour", colour), given("--definition", definition),
                     given("--when-to-use", when_to_use),
                     given("--when-not-to-use", when_not_to_use), given("--example", example)};
  }
};

void define_list(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(codes, list_codes(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : codes) {
      rows.push_back({std::string(static_cast<std::size_t>(c.depth) * 2, ' ') + c.code.name,
                      std::to_string(c.codings), std::to_string(c.codings_in_branch), c.code.colour,
                      c.path});
    }
    cli.print(Json(codes), format_table({"code", "codings", "in branch", "colour", "path"}, rows));
    return {};
  });
}

void define_add_and_edit(CLI::App& cmd, Cli& cli) {
  auto path = std::make_shared<std::string>();
  auto options = std::make_shared<EditOptions>();
  auto* add = cmd.add_subcommand("add", "Add a code; missing parents are created");
  add->add_option("path", *path, "e.g. \"Barriers/Time constraints\"")->required();
  options->add_to(*add);
  cli.on(add, [&cli, path, options, add]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, add_code(ctx, *path, options->edits(*add)));
    cli.print_event(event);
    return {};
  });
  auto* edit = cmd.add_subcommand("edit", "Set a code's colour or description");
  edit->add_option("path", *path)->required();
  options->add_to(*edit);
  cli.on(edit, [&cli, path, options, edit]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, edit_code(ctx, *path, options->edits(*edit)));
    cli.print_event(event);
    return {};
  });
}

void define_restructure(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string path, other;
    bool top = false, force = false;
  };
  auto args = std::make_shared<Args>();
  auto* rename = cmd.add_subcommand("rename", "Rename a code (its place stays)");
  rename->add_option("path", args->path)->required();
  rename->add_option("new-name", args->other, "The new name (not a path)")->required();
  cli.on(rename, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, rename_code(ctx, args->path, args->other));
    cli.print_event(event);
    return {};
  });
  auto* move = cmd.add_subcommand("move", "Move a code and its sub-codes under another code");
  move->add_option("path", args->path)->required();
  auto* to = move->add_option("--to", args->other, "The new parent's path");
  auto* top = move->add_flag("--top", args->top, "Move to the top level");
  to->excludes(top);
  cli.on(move, [&cli, args]() -> Status {
    if (args->other.empty() && !args->top) {
      return fail(ErrorKind::kInvalidInput, "say where to: --to PARENT or --top");
    }
    TRY(ctx, cli.context());
    TRY(event, move_code(ctx, args->path, args->top ? std::string() : args->other));
    cli.print_event(event);
    return {};
  });
  auto* merge =
      cmd.add_subcommand("merge", "Merge a code into another: codings and sub-codes move");
  merge->add_option("source", args->path)->required();
  merge->add_option("target", args->other)->required();
  cli.on(merge, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, merge_codes(ctx, args->path, args->other));
    cli.print_event(event);
    return {};
  });
  auto* remove = cmd.add_subcommand("delete", "Delete a code (refused while it has codings)");
  remove->add_option("path", args->path)->required();
  remove->add_flag("--force", args->force, "Also delete its sub-codes and codings");
  cli.on(remove, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_code(ctx, args->path, args->force));
    cli.print_event(event);
    return {};
  });
}

void define_exchange(CLI::App& cmd, Cli& cli) {
  auto file = std::make_shared<std::string>("-");
  auto* out = cmd.add_subcommand("export", "Write the codebook as CSV");
  out->add_option("file", *file, "Output file, or - for standard output");
  cli.on(out, [&cli, file]() -> Status {
    TRY(store, cli.store());
    TRY(csv, export_codebook_csv(*store));
    return write_output(*file, csv);
  });
  auto* in = cmd.add_subcommand("import", "Add or update codes from a CSV codebook");
  in->add_option("file", *file, "CSV with a 'path' column")->required();
  cli.on(in, [&cli, file]() -> Status {
    TRY(ctx, cli.context());
    TRY(csv, read_input(*file));
    TRY(report, import_codebook_csv(ctx, csv));
    cli.print_event(report.event, Json{{"added", report.added}, {"updated", report.updated}});
    return {};
  });
}

}  // namespace

void define_codes(CLI::App& cmd, Cli& cli) {
  define_list(cmd, cli);
  define_add_and_edit(cmd, cli);
  define_restructure(cmd, cli);
  define_exchange(cmd, cli);
}

}  // namespace thematica::cli
