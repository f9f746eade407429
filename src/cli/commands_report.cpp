// Reports for a manuscript: theme tables with representative quotes.

#include "cli/commands.hpp"
#include "report/matrix_csv.hpp"
#include "report/matrix_docx.hpp"
#include "report/theme_csv.hpp"
#include "report/theme_docx.hpp"
#include "services/code_matrix.hpp"
#include "services/theme_report.hpp"

namespace thematica::cli {
namespace {

// Word and Excel files are packages, never written to a terminal.
Status require_file_for(const std::string& format, const std::string& file) {
  if (format == "csv" || format == "html" || file != "-") return {};
  return failf(ErrorKind::kInvalidInput, "a {} file needs a name: add -o FILE.{}", format, format);
}

void define_report_themes(CLI::App& cmd, Cli& cli) {
  struct Args {
    ThemeReportSettings settings;
    std::string format = "csv", file = "-";
    std::vector<std::string> labels;
  };
  auto args = std::make_shared<Args>();
  ThemeReportSettings& s = args->settings;
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
  cmd.add_option("--format", args->format, "csv (default) or docx")
      ->check(CLI::IsMember({"csv", "docx"}));
  cmd.add_option("-o,--output", args->file, "Output file, or - for standard output (default)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY_STATUS(require_file_for(args->format, args->file));
    args->settings.labels.clear();
    for (const auto& label : args->labels) {
      auto equals = label.find('=');
      if (equals == std::string::npos || equals == 0) {
        return failf(ErrorKind::kInvalidInput,
                     "--label {}: write the value, '=', and its spelled-out form (MS=medical "
                     "student)",
                     label);
      }
      args->settings.labels.emplace_back(label.substr(0, equals), label.substr(equals + 1));
    }
    TRY(store, cli.store());
    TRY(report, build_theme_report(*store, args->settings));
    if (args->format == "docx") {
      TRY_STATUS(report::theme_report_docx(report).write(args->file));
    } else {
      TRY_STATUS(write_output(args->file, report::theme_report_csv(report)));
    }
    if (args->file != "-") {
      std::size_t quotes = 0;
      for (const auto& table : report.tables) {
        for (const auto& row : table.rows) quotes += row.quotes.size();
      }
      cli.print(Json{{"file", args->file},
                     {"format", args->format},
                     {"tables", report.tables.size()},
                     {"quotes", quotes},
                     {"methods", report.methods}},
                fmt::format("wrote {} table{} with {} quote{} to {}\n{}", report.tables.size(),
                            report.tables.size() == 1 ? "" : "s", quotes, quotes == 1 ? "" : "s",
                            args->file, report.methods));
    }
    return {};
  });
}

void define_report_matrix(CLI::App& cmd, Cli& cli) {
  struct Args {
    CodeMatrixSettings settings;
    std::string count = "participants", format = "csv", file = "-";
  };
  auto args = std::make_shared<Args>();
  CodeMatrixSettings& s = args->settings;
  cmd.add_option("--codes", s.codes, "A theme's code path; its sub-codes come as rows")->required();
  cmd.add_option("--by", s.by, "Columns: a case variable (e.g. role) or 'document'")->required();
  cmd.add_option("--count", args->count, "participants (default), segments or documents")
      ->check(CLI::IsMember({"participants", "segments", "documents"}));
  cmd.add_option("--coder", s.coders, "Only this coder's codings (repeat for several)");
  cmd.add_option("--format", args->format, "csv (default) or docx")
      ->check(CLI::IsMember({"csv", "docx"}));
  cmd.add_option("-o,--output", args->file, "Output file, or - for standard output (default)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY_STATUS(require_file_for(args->format, args->file));
    args->settings.count = args->count == "segments"    ? report::MatrixCount::kSegments
                           : args->count == "documents" ? report::MatrixCount::kDocuments
                                                        : report::MatrixCount::kParticipants;
    TRY(store, cli.store());
    TRY(matrix, build_code_matrix(*store, args->settings));
    if (args->format == "docx") {
      TRY_STATUS(report::code_matrix_docx(matrix).write(args->file));
    } else {
      TRY_STATUS(write_output(args->file, report::code_matrix_csv(matrix)));
    }
    if (args->file != "-") {
      cli.print(Json{{"file", args->file},
                     {"format", args->format},
                     {"rows", matrix.rows.size()},
                     {"columns", matrix.columns},
                     {"methods", matrix.methods}},
                fmt::format("wrote {} theme{} by {} ({}) to {}\n{}", matrix.rows.size(),
                            matrix.rows.size() == 1 ? "" : "s", matrix.by,
                            fmt::join(matrix.columns, ", "), args->file, matrix.methods));
    }
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
}

}  // namespace thematica::cli
