#pragma once
// The CLI's subcommands, listed in one table (commands.cpp) like ninja's tools. Each define_*
// function adds its options to the CLI11 command and binds the action that runs it.

#include <string>
#include <vector>

#include "analysis/name_mentions.hpp"
#include "cli/cli.hpp"
#include "core/one_line.hpp"
#include "services/qdpx_import.hpp"
#include "services/survey_import.hpp"

namespace thematica::cli {

struct CommandSpec {
  const char* name;
  const char* summary;
  void (*define)(CLI::App& command, Cli& cli);
};

const std::vector<CommandSpec>& command_table();

void define_init(CLI::App&, Cli&);
void define_import(CLI::App&, Cli&);
void define_import_survey(CLI::App&, Cli&);
void define_import_variables(CLI::App&, Cli&);
void define_docs(CLI::App&, Cli&);
void define_groups(CLI::App&, Cli&);
void define_coders(CLI::App&, Cli&);
void define_codes(CLI::App&, Cli&);
// Imports a REFI-QDA codebook (.qdc) and reports it: `codes import` and `import` share it.
Status import_qdc_file(Cli& cli, const std::string& file);
Status import_qdpx_file(Cli& cli, const std::string& file, const QdpxImportOptions& options);
Status export_qdpx_file(Cli& cli, Store& store, const std::string& file,
                        const std::string& profile);
// Imports a survey export and reports it: `import-survey` and `import` share it.
Status import_survey_file(Cli& cli, const std::string& file, const SurveyImportOptions& options);
void define_code(CLI::App&, Cli&);
void define_import_codings(CLI::App&, Cli&);
void define_uncode(CLI::App&, Cli&);
void define_recode(CLI::App&, Cli&);
void define_segments(CLI::App&, Cli&);
void define_freq(CLI::App&, Cli&);
void define_search(CLI::App&, Cli&);
void define_cases(CLI::App&, Cli&);
void define_vars(CLI::App&, Cli&);
void define_memo(CLI::App&, Cli&);
void define_log(CLI::App&, Cli&);
void define_undo(CLI::App&, Cli&);
void define_export(CLI::App&, Cli&);
void define_stats(CLI::App&, Cli&);
void define_assign(CLI::App&, Cli&);
void define_assignments(CLI::App&, Cli&);
void define_agree(CLI::App&, Cli&);
void define_reconcile(CLI::App&, Cli&);
void define_report(CLI::App&, Cli&);
void define_pseudonymise(CLI::App&, Cli&);
void define_pseudonymise_review(CLI::App&, Cli&);  // its "review" subcommand
// The list of known identifiers in a CSV file (none for an empty path).
Result<std::vector<KnownIdentifier>> read_known(const std::string& path);
void define_serve(CLI::App&, Cli&);

// Aligned plain-text columns for listings.
std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);
// Parses "name=value". Errors: kInvalidInput.
Result<std::pair<std::string, std::string>> parse_assignment(const std::string& text);
// Writes `content` to `path` atomically (a temporary file renamed over it), or to stdout for "-".
Status write_output(const std::string& path, const std::string& content);
Result<std::string> read_input(const std::string& path);

}  // namespace thematica::cli
