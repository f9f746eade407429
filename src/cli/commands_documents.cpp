// Commands for the project itself, documents, groups and coders.

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "ingest/readers.hpp"
#include "services/coders.hpp"
#include "services/documents.hpp"
#include "services/import_service.hpp"
#include "services/wording.hpp"
#include "store/project_file.hpp"

namespace thematica::cli {

void define_init(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    if (cli.project_path().empty()) {
      return fail(ErrorKind::kInvalidInput,
                  "name the new project: thematica -p study.thematica init");
    }
    TRY_STATUS(create_project_file(cli.project_path()));
    cli.print(Json{{"project", cli.project_path()}, {"created", true}},
              fmt::format("created project {}", cli.project_path()));
    return {};
  });
}

namespace {

std::string describe_import(const ImportedDocument& d) {
  std::string out =
      fmt::format("imported {} ({}", d.document.name,
                  count_of(static_cast<std::int64_t>(d.document.length), "character"));
  if (d.turns > 0) {
    out += fmt::format("; {}: {}, {}", d.reader, count_of(d.turns, "turn"),
                       count_of(d.speakers, "speaker"));
  } else if (d.reader != "text") {
    out += "; " + d.reader;
  }
  if (d.pages > 0) out += "; " + count_of(d.pages, "page");
  if (!d.encoding.empty() && d.encoding != "UTF-8") {
    out += fmt::format("; read as {}{}", d.encoding, d.encoding_guessed ? ", detected" : "");
  }
  out += ")\n";
  for (const auto& w : d.warnings) out += "  warning: " + w + "\n";
  return out;
}

std::string describe_report(const ImportReport& report) {
  std::string text;
  for (const auto& d : report.documents) text += describe_import(d);
  for (const auto& f : report.refused) text += "refused " + f.error.describe() + "\n";
  for (const auto& path : report.skipped) text += "skipped " + path + " (not a document type)\n";
  return text;
}

}  // namespace

void define_import(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::vector<std::string> files;
    std::string name, group, kind, encoding = "auto", speaker_pattern;
    std::uint64_t max_size = kDefaultMaxFileBytes;
    bool keep_going = false;
    bool merge = false;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("files", args->files, "Files, or folders to import recursively")->required();
  cmd.add_option("--name", args->name, "Document name (one file only; default: file name)");
  cmd.add_option("--group", args->group, "Add the documents to this group");
  cmd.add_option("--kind", args->kind,
                 "Reader: text, speaker-text, webvtt, srt, docx, odt, pdf, html, markdown "
                 "(default: by extension and content)");
  cmd.add_option("--encoding", args->encoding,
                 "Text encoding: auto (BOM, UTF-8, else detected), utf-8, or a name such as "
                 "windows-1252");
  cmd.add_option("--speaker-pattern", args->speaker_pattern,
                 "Regular expression with (?<speaker>...) and optional (?<text>...), "
                 "(?<time>...) groups for a transcript layout Thematica does not know");
  auto* max_size =
      cmd.add_option("--max-size", args->max_size,
                     "Largest file (and zip contents) to read, e.g. 500MB (default 256MiB)")
          ->transform(CLI::AsSizeValue(false));
  cmd.add_flag("--keep-going", args->keep_going,
               "Import what can be imported and list what was refused or skipped");
  cmd.add_flag("--merge", args->merge,
               "Bring another coder's copy (.qdpx) into this project: documents matched by GUID "
               "or text, codings added under their own coders");
  cli.on(&cmd, [&cli, args, max_size]() -> Status {
    // A codebook or a survey export named on its own goes to its importer.
    std::string ext = args->files.size() == 1 ? lower_extension(args->files[0]) : "";
    if (ext == ".qdc") return import_qdc_file(cli, args->files[0]);
    if (ext == ".qdpx" || ext == ".qde") {
      QdpxImportOptions options;
      options.keep_going = args->keep_going;
      options.merge = args->merge;
      if (max_size->count() > 0) options.max_bytes = args->max_size;
      return import_qdpx_file(cli, args->files[0], options);
    }
    if (args->merge) {
      return fail(ErrorKind::kInvalidInput,
                  "--merge brings in a REFI-QDA project (.qdpx or .qde); name one file");
    }
    if (ext == ".csv" || ext == ".xlsx") {
      SurveyImportOptions survey;
      survey.read.encoding = args->encoding;
      survey.read.max_bytes = args->max_size;
      if (!args->group.empty()) survey.group = args->group;
      return import_survey_file(cli, args->files[0], survey);
    }
    TRY(ctx, cli.context());
    ImportOptions options;
    if (!args->name.empty()) options.name = args->name;
    if (!args->group.empty()) options.group = args->group;
    if (!args->kind.empty()) options.kind = args->kind;
    if (!args->speaker_pattern.empty()) options.read.speaker_pattern = args->speaker_pattern;
    options.read.encoding = args->encoding;
    options.read.max_bytes = args->max_size;
    options.keep_going = args->keep_going;
    options.progress = progress_reporter("importing");
    TRY(report, import_documents(ctx, args->files, options));
    cli.print(Json(report), describe_report(report));
    return {};
  });
}

void define_docs(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(docs, list_documents(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : docs) {
      rows.push_back({d.document.name, d.document.kind, std::to_string(d.document.length),
                      std::to_string(d.codings), fmt::format("{}", fmt::join(d.groups, ", "))});
    }
    cli.print(Json(docs), format_table({"name", "kind", "length", "codings", "groups"}, rows));
    return {};
  });
  auto* show = cmd.add_subcommand("show", "Print a document's canonical text");
  auto name = std::make_shared<std::string>();
  show->add_option("name", *name, "Document name")->required();
  cli.on(show, [&cli, name]() -> Status {
    TRY(store, cli.store());
    TRY(text, document_text(*store, *name));
    cli.print(Json{{"name", *name}, {"text", text}}, text);
    return {};
  });
  auto* rename = cmd.add_subcommand("rename", "Rename a document");
  auto names = std::make_shared<std::pair<std::string, std::string>>();
  rename->add_option("name", names->first, "Current name")->required();
  rename->add_option("new-name", names->second, "New name")->required();
  cli.on(rename, [&cli, names]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, rename_document(ctx, names->first, names->second));
    cli.print_event(event);
    return {};
  });
  auto* remove = cmd.add_subcommand("delete", "Delete a document and its codings (undoable)");
  auto doomed = std::make_shared<std::string>();
  remove->add_option("name", *doomed, "Document name")->required();
  cli.on(remove, [&cli, doomed]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_document(ctx, *doomed));
    cli.print_event(event);
    return {};
  });
}

void define_groups(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(groups, list_groups(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : groups) {
      rows.push_back({g.group.name, fmt::format("{}", fmt::join(g.documents, ", "))});
    }
    cli.print(Json(groups), format_table({"group", "documents"}, rows));
    return {};
  });
  struct Args {
    std::string group;
    std::vector<std::string> docs;
  };
  auto args = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Create a document group");
  add->add_option("group", args->group)->required();
  cli.on(add, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, add_group(ctx, args->group));
    cli.print_event(event);
    return {};
  });
  auto* assign = cmd.add_subcommand("assign", "Add documents to a group (created if new)");
  assign->add_option("group", args->group)->required();
  assign->add_option("documents", args->docs)->required();
  cli.on(assign, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, assign_to_group(ctx, args->group, args->docs));
    cli.print_event(event);
    return {};
  });
  auto* unassign = cmd.add_subcommand("remove", "Take documents out of a group");
  unassign->add_option("group", args->group)->required();
  unassign->add_option("documents", args->docs)->required();
  cli.on(unassign, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, remove_from_group(ctx, args->group, args->docs));
    cli.print_event(event);
    return {};
  });
  auto* remove = cmd.add_subcommand("delete", "Delete a group (its documents stay)");
  remove->add_option("group", args->group)->required();
  cli.on(remove, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_group(ctx, args->group));
    cli.print_event(event);
    return {};
  });
}

void define_coders(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(coders, list_coders(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : coders) rows.push_back({c.coder.name, std::to_string(c.codings)});
    cli.print(Json(coders), format_table({"coder", "codings"}, rows));
    return {};
  });
  auto* add = cmd.add_subcommand("add", "Add a coder (coders are also created on first use)");
  auto name = std::make_shared<std::string>();
  add->add_option("name", *name)->required();
  cli.on(add, [&cli, name]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, add_coder(ctx, *name));
    cli.print_event(event);
    return {};
  });
}

}  // namespace thematica::cli
