// Commands for survey exports: answers as documents, columns as case variables.

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "services/survey_import.hpp"
#include "services/wording.hpp"

namespace thematica::cli {
namespace {

struct SurveyArgs {
  std::string file, id_column, group, encoding = "auto";
  std::vector<std::string> open, closed;
  std::uint64_t max_size = kDefaultMaxFileBytes;
};

std::shared_ptr<SurveyArgs> add_survey_options(CLI::App& cmd, bool with_documents) {
  auto args = std::make_shared<SurveyArgs>();
  cmd.add_option("file", args->file, "A .csv or .xlsx export")->required();
  cmd.add_option("--id-column", args->id_column,
                 "The column holding respondent ids (default: ResponseId, record_id, "
                 "participant, id...)");
  cmd.add_option("--encoding", args->encoding, "CSV encoding: auto, utf-8 or a name");
  cmd.add_option("--max-size", args->max_size, "Largest file to read (default 256MiB)")
      ->transform(CLI::AsSizeValue(false));
  if (with_documents) {
    cmd.add_option("--open", args->open, "Columns to read as open questions (comma-separated)")
        ->delimiter(',');
    cmd.add_option("--closed", args->closed, "Columns to read as closed questions")->delimiter(',');
    cmd.add_option("--group", args->group, "Add the question documents to this group");
  }
  return args;
}

SurveyImportOptions to_options(const SurveyArgs& args) {
  SurveyImportOptions options;
  if (!args.id_column.empty()) options.columns.id_column = args.id_column;
  options.columns.open = args.open;
  options.columns.closed = args.closed;
  if (!args.group.empty()) options.group = args.group;
  options.read.encoding = args.encoding;
  options.read.max_bytes = args.max_size;
  return options;
}

std::string read_as(const SurveyColumn& c) {
  switch (c.role) {
    case ColumnRole::kId:
      return "respondent id";
    case ColumnRole::kMetadata:
      return "survey metadata (not imported)";
    case ColumnRole::kEmpty:
      return "no answers (not imported)";
    case ColumnRole::kOpenText:
      return "open question";
    case ColumnRole::kVariable:
      break;
  }
  if (c.type != VariableType::kCategory) return variable_type_name(c.type);
  return fmt::format("category ({})", fmt::join(c.categories, ", "));
}

std::string short_label(const std::string& label) {
  return label.size() <= 48 ? label : label.substr(0, 45) + "...";
}

std::string describe_columns(const SurveyImportReport& report) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> metadata;
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    const SurveyColumn& c = report.columns[i];
    if (c.role == ColumnRole::kMetadata) {
      metadata.push_back(c.id);
      continue;
    }
    std::string into =
        report.variable_names[i].empty() ? "" : "variable " + report.variable_names[i];
    for (const auto& d : report.documents) {
      if (d.column == c.id)
        into = fmt::format("document {} ({})", d.document.name, count_of(d.answers, "answer"));
    }
    rows.push_back({c.id, short_label(c.label == c.id ? "" : c.label), read_as(c), into});
  }
  std::string out = format_table({"column", "question", "read as", "imported as"}, rows);
  if (!metadata.empty()) {
    out +=
        fmt::format("not imported (survey-tool metadata, such as IP addresses and timings): {}\n",
                    fmt::join(metadata, ", "));
  }
  return out;
}

}  // namespace

Status import_survey_file(Cli& cli, const std::string& file, const SurveyImportOptions& options) {
  TRY(ctx, cli.context());
  TRY(report, import_survey(ctx, file, options));
  std::string text =
      fmt::format("imported {} ({} export): {} ({} new)\n", file, report.source,
                  count_of(report.respondents, "respondent"), count_of(report.new_cases, "case"));
  cli.print(Json(report), text + describe_columns(report));
  return {};
}

void define_import_survey(CLI::App& cmd, Cli& cli) {
  auto args = add_survey_options(cmd, true);
  cli.on(&cmd, [&cli, args]() -> Status {
    return import_survey_file(cli, args->file, to_options(*args));
  });
}

void define_import_variables(CLI::App& cmd, Cli& cli) {
  auto args = add_survey_options(cmd, false);
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(report, import_variables(ctx, args->file, to_options(*args)));
    std::string text =
        fmt::format("set variables of {} from {}\n",
                    count_of(report.respondents - report.unmatched.size(), "case"), args->file);
    if (!report.unmatched.empty()) {
      text += fmt::format("no case for {}: {}\n", count_of(report.unmatched.size(), "id"),
                          fmt::join(report.unmatched, ", "));
    }
    cli.print(Json(report), text + describe_columns(report));
    return {};
  });
}

}  // namespace thematica::cli
