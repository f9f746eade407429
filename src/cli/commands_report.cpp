// Reports for a manuscript: theme tables with representative quotes, matrices and charts, in
// every format; settings saved under a name and run again.

#include "cli/commands.hpp"
#include "services/saved_reports.hpp"

namespace thematica::cli {
namespace {

// Word and Excel files are packages, never written to a terminal.
Status require_file_for(const std::string& format, const std::string& file) {
  if (format == "csv" || format == "html" || file != "-") return {};
  return failf(ErrorKind::kInvalidInput, "{} file needs a name: add -o FILE.{}",
               format == "docx" ? "a Word" : "an Excel", format);
}

void add_output_options(CLI::App& cmd, std::string& format, std::string& file) {
  cmd.add_option("--format", format, "csv (default), docx, xlsx or html")
      ->check(CLI::IsMember({"csv", "docx", "xlsx", "html"}));
  cmd.add_option("-o,--output", file, "Output file, or - for standard output (default)");
}

// Writes the report and, when it went to a file, says what it holds.
Status run_report(Cli& cli, const ReportRequest& request, const std::string& file) {
  TRY_STATUS(require_file_for(request.format, file));
  TRY(store, cli.store());
  TRY_STATUS(cli.guard_export());
  TRY(made, render_report(*store, request));
  TRY_STATUS(write_output(file, made.bytes));
  if (file == "-") return {};
  if (request.kind == "matrix") {
    cli.print(
        Json{{"file", file},
             {"format", request.format},
             {"rows", made.rows},
             {"columns", made.columns},
             {"methods", made.methods}},
        fmt::format("wrote {} theme{} by {} ({}) to {}\n{}", made.rows, made.rows == 1 ? "" : "s",
                    made.by, fmt::join(made.columns, ", "), file, made.methods));
  } else {
    cli.print(Json{{"file", file},
                   {"format", request.format},
                   {"tables", made.tables},
                   {"quotes", made.quotes},
                   {"methods", made.methods}},
              fmt::format("wrote {} table{} with {} quote{} to {}\n{}", made.tables,
                          made.tables == 1 ? "" : "s", made.quotes, made.quotes == 1 ? "" : "s",
                          file, made.methods));
  }
  return {};
}

// Runs the report, then saves its settings when asked: a request that cannot run is not saved.
Status run_and_save(Cli& cli, const ReportRequest& request, const std::string& file,
                    const std::string& save_as) {
  TRY_STATUS(run_report(cli, request, file));
  if (save_as.empty()) return {};
  TRY(ctx, cli.context());
  TRY(event, save_report(ctx, save_as, request));
  if (file != "-") cli.print_event(event);
  return {};
}

Status parse_labels(const std::vector<std::string>& labels, ThemeReportSettings& settings) {
  settings.labels.clear();
  for (const auto& label : labels) {
    auto equals = label.find('=');
    if (equals == std::string::npos || equals == 0) {
      return failf(ErrorKind::kInvalidInput,
                   "--label {}: write the value, '=', and its spelled-out form (MS=medical "
                   "student)",
                   label);
    }
    settings.labels.emplace_back(label.substr(0, equals), label.substr(equals + 1));
  }
  return {};
}

void define_report_themes(CLI::App& cmd, Cli& cli) {
  struct Args {
    ReportRequest request;
    std::string file = "-", save_as;
    std::vector<std::string> labels;
  };
  auto args = std::make_shared<Args>();
  args->request.kind = "themes";
  ThemeReportSettings& s = args->request.themes;
  cmd.add_option("--codes", s.codes, "A theme's code path; its sub-codes come as sub-themes")
      ->required();
  cmd.add_option("--group-by", s.group_by, "Case variable: one table per value (e.g. role)");
  cmd.add_option("--tag", s.tag, "Case variable tagging each quote (default: --group-by)");
  cmd.add_option("--quotes", s.quotes, "Quotes per theme and table (default 3)");
  cmd.add_flag("--speaker-ids", s.speaker_ids, "Show each quote's speaker (case name)");
  cmd.add_flag("--without-fillers", s.without_fillers, "Remove um, uh, er, erm, hmm from quotes");
  cmd.add_option("--max-words", s.max_words, "Shorten longer quotes at a word, with \"…\"");
  cmd.add_option("--coder", s.coders, "Only this coder's codings (repeat for several)");
  cmd.add_option("--label", args->labels,
                 "A tag value spelled out in the legend: VALUE=TEXT (e.g. MS=medical student)");
  add_output_options(cmd, args->request.format, args->file);
  cmd.add_option("--save", args->save_as, "Also save these settings in the project as NAME");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY_STATUS(parse_labels(args->labels, args->request.themes));
    return run_and_save(cli, args->request, args->file, args->save_as);
  });
}

void define_report_matrix(CLI::App& cmd, Cli& cli) {
  struct Args {
    ReportRequest request;
    std::string count = "participants", file = "-", save_as;
  };
  auto args = std::make_shared<Args>();
  args->request.kind = "matrix";
  CodeMatrixSettings& s = args->request.matrix;
  cmd.add_option("--codes", s.codes, "A theme's code path; its sub-codes come as rows")->required();
  cmd.add_option("--by", s.by, "Columns: a case variable (e.g. role) or 'document'")->required();
  cmd.add_option("--count", args->count, "participants (default), segments or documents")
      ->check(CLI::IsMember({"participants", "segments", "documents"}));
  cmd.add_option("--coder", s.coders, "Only this coder's codings (repeat for several)");
  add_output_options(cmd, args->request.format, args->file);
  cmd.add_option("--save", args->save_as, "Also save these settings in the project as NAME");
  cli.on(&cmd, [&cli, args]() -> Status {
    args->request.matrix.count = args->count == "segments"    ? report::MatrixCount::kSegments
                                 : args->count == "documents" ? report::MatrixCount::kDocuments
                                                              : report::MatrixCount::kParticipants;
    return run_and_save(cli, args->request, args->file, args->save_as);
  });
}

void define_report_cooccurrence(CLI::App& cmd, Cli& cli) {
  struct Args {
    ReportRequest request;
    std::string within = "overlap", file = "-", save_as;
  };
  auto args = std::make_shared<Args>();
  args->request.kind = "cooccurrence";
  CooccurrenceSettings& s = args->request.cooccurrence;
  cmd.add_option("--codes", s.codes, "A theme's code path; its sub-codes come as rows")->required();
  cmd.add_option("--within", args->within,
                 "overlap (default: segments sharing text) or turn (in the same speaker turn)")
      ->check(CLI::IsMember({"overlap", "turn"}));
  cmd.add_option("--coder", s.coders, "Only this coder's codings (repeat for several)");
  add_output_options(cmd, args->request.format, args->file);
  cmd.add_option("--save", args->save_as, "Also save these settings in the project as NAME");
  cli.on(&cmd, [&cli, args]() -> Status {
    args->request.cooccurrence.within =
        args->within == "turn" ? report::Within::kTurn : report::Within::kOverlap;
    return run_and_save(cli, args->request, args->file, args->save_as);
  });
}

void define_report_saved(CLI::App& parent, Cli& cli) {
  auto* list = parent.add_subcommand("saved", "List the report settings saved in the project");
  cli.on(list, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(saved, saved_reports(*store));
    Json json = Json::array();
    std::string text;
    for (const auto& s : saved) {
      Json request = report_request_json(s.request);
      json.push_back(Json{{"name", s.name},
                          {"kind", request["kind"]},
                          {"format", request["format"]},
                          {"settings", request["settings"]}});
      text += fmt::format("{}\t{} ({})\t{}\n", s.name, s.request.kind, s.request.format,
                          request["settings"].dump());
    }
    if (saved.empty())
      text = "no saved reports (save one with report themes|matrix … --save NAME)\n";
    cli.print(Json{{"saved", json}}, text);
    return {};
  });

  struct RunArgs {
    std::string name, format, file = "-";
  };
  auto args = std::make_shared<RunArgs>();
  auto* run = parent.add_subcommand("run", "Run a saved report again (same settings, same file)");
  run->add_option("name", args->name, "The saved report's name")->required();
  run->add_option("--format", args->format, "Another format than the saved one")
      ->check(CLI::IsMember({"csv", "docx", "xlsx", "html"}));
  run->add_option("-o,--output", args->file, "Output file, or - for standard output (default)");
  cli.on(run, [&cli, args]() -> Status {
    TRY(store, cli.store());
    TRY(request, saved_report(*store, args->name));
    if (!args->format.empty()) request.format = args->format;
    return run_report(cli, request, args->file);
  });

  auto name = std::make_shared<std::string>();
  auto* remove = parent.add_subcommand("delete", "Delete saved report settings");
  remove->add_option("name", *name, "The saved report's name")->required();
  cli.on(remove, [&cli, name]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, delete_saved_report(ctx, *name));
    cli.print_event(event);
    return {};
  });
}

}  // namespace

void define_report(CLI::App& cmd, Cli& cli) {
  cmd.require_subcommand(1);
  define_report_themes(
      *cmd.add_subcommand("themes", "Theme tables: themes, definitions, quotes with group tags"),
      cli);
  define_report_matrix(
      *cmd.add_subcommand("matrix", "Themes by group or document: counts, percentages, tests"),
      cli);
  define_report_cooccurrence(
      *cmd.add_subcommand("cooccurrence", "Themes that meet: overlapping or in the same turn"),
      cli);
  define_report_saved(cmd, cli);
}

}  // namespace thematica::cli
