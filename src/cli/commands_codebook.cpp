// The 'codes' command and its subcommands.

#include <filesystem>

#include "cli/commands.hpp"
#include "ingest/readers.hpp"
#include "services/code_sets.hpp"
#include "services/codebook_service.hpp"
#include "services/qdc_exchange.hpp"
#include "services/starter_codebooks.hpp"
#include "services/wording.hpp"

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

void print_qdc_import(Cli& cli, const QdcImport& report) {
  std::string text = report.event.summary;
  if (!report.not_codable.empty()) {
    text += fmt::format("\n{} marked not codable in the file (codable here): {}",
                        count_of(report.not_codable.size(), "code"),
                        fmt::join(report.not_codable, ", "));
  }
  if (report.sets_added + report.sets_matched > 0) {
    text += fmt::format("\n{} added, {} already there (members added)",
                        count_of(report.sets_added, "code set"), report.sets_matched);
  }
  cli.print(Json(report), text);
}

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
  auto* out = cmd.add_subcommand(
      "export", "Write the codebook as CSV, REFI-QDA (.qdc), Word (.docx) or a web page (.html)");
  out->add_option("file", *file,
                  "Output file (.csv, .qdc, .docx or .html), or - for CSV on standard output");
  cli.on(out, [&cli, file]() -> Status {
    TRY(store, cli.store());
    TRY_STATUS(cli.guard_export());
    std::string extension = lower_extension(*file);
    if (extension == ".docx" || extension == ".html") {
      TRY(entries, codebook_entries(*store));
      if (extension == ".docx") return report::codebook_docx(entries, "Codebook").write(*file);
      return write_output(*file, report::codebook_html(entries, "Codebook"));
    }
    auto content = extension == ".qdc" ? export_codebook_qdc(*store) : export_codebook_csv(*store);
    if (!content) return tl::unexpected(content.error());
    return write_output(*file, *content);
  });
  auto* in = cmd.add_subcommand("import", "Add or update codes from a CSV or REFI-QDA codebook");
  in->add_option("file", *file, "CSV with a 'path' column, or a .qdc file")->required();
  cli.on(in, [&cli, file]() -> Status {
    if (lower_extension(*file) == ".qdc") return import_qdc_file(cli, *file);
    TRY(ctx, cli.context());
    TRY(csv, read_input(*file));
    TRY(report, import_codebook_csv(ctx, csv));
    cli.print_event(report.event, Json{{"added", report.added}, {"updated", report.updated}});
    return {};
  });
}

void define_code_sets(CLI::App& cmd, Cli& cli) {
  auto* sets = cmd.add_subcommand("sets", "Sets of codes (named selections across the tree)");
  cli.on(sets, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(list, list_code_sets(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : list) {
      rows.push_back({s.set.name, fmt::format("{}", fmt::join(s.paths, ", "))});
    }
    cli.print(Json(list), format_table({"set", "codes"}, rows));
    return {};
  });
  auto args = std::make_shared<std::pair<std::string, std::vector<std::string>>>();
  auto* add = sets->add_subcommand("add", "Add codes to a set (created if new)");
  add->add_option("set", args->first)->required();
  add->add_option("codes", args->second, "Code paths")->required();
  cli.on(add, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, add_to_code_set(ctx, args->first, args->second));
    cli.print_event(event);
    return {};
  });
}

// The built-in starter codebooks: listed, written out as .qdc files, imported into the project.
void define_starters(CLI::App& cmd, Cli& cli) {
  auto folder = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("starters", "The starter codebooks built into Thematica");
  list->add_option("--save", *folder,
                   "Also write each one to FOLDER (made if missing) as NAME.qdc");
  cli.on(list, [&cli, folder]() -> Status {
    TRY(starters, starter_codebooks());
    std::error_code error;
    if (!folder->empty() && !std::filesystem::create_directories(*folder, error) && error) {
      return failf(ErrorKind::kIo, "cannot make the folder {}: {}", *folder, error.message());
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : starters) {
      rows.push_back({s.name, std::to_string(s.codes), s.title});
      if (!folder->empty()) {
        TRY_STATUS(write_output(*folder + "/" + s.name + ".qdc", std::string(s.qdc)));
      }
    }
    cli.print(Json(starters), format_table({"name", "codes", "title"}, rows));
    return {};
  });
  auto name = std::make_shared<std::string>();
  auto* add = cmd.add_subcommand("import-starter", "Add a starter codebook's codes to the project");
  add->add_option("name", *name, "As 'codes starters' lists them")->required();
  cli.on(add, [&cli, name]() -> Status {
    TRY(ctx, cli.context());
    TRY(report, import_starter_codebook(ctx, *name));
    print_qdc_import(cli, report);
    return {};
  });
}

}  // namespace

Status import_qdc_file(Cli& cli, const std::string& file) {
  TRY(ctx, cli.context());
  TRY(xml, read_input(file));
  auto report = import_codebook_qdc(ctx, xml);
  if (!report) {
    Error e = report.error();
    if (e.where.empty()) e.where = file;
    return tl::unexpected(e);
  }
  print_qdc_import(cli, *report);
  return {};
}

void define_codes(CLI::App& cmd, Cli& cli) {
  define_list(cmd, cli);
  define_starters(cmd, cli);
  define_code_sets(cmd, cli);
  define_add_and_edit(cmd, cli);
  define_restructure(cmd, cli);
  define_exchange(cmd, cli);
}

}  // namespace thematica::cli
