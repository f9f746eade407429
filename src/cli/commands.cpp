#include "cli/commands.hpp"
#include "core/durable_file.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace thematica::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "Create a new project file", define_init},
      {"import", "Import documents and transcripts (files or folders)", define_import},
      {"import-survey", "Import a survey export: respondents, variables, open answers",
       define_import_survey},
      {"import-variables", "Set case variables from a table, matched by id",
       define_import_variables},
      {"docs", "List, show, rename or delete documents", define_docs},
      {"groups", "Organise documents in groups", define_groups},
      {"coders", "List or add coders", define_coders},
      {"codes", "Build the codebook: add, edit, rename, move, merge, delete, import, export",
       define_codes},
      {"code", "Code a passage (by --range or by --text)", define_code},
      {"import-codings", "Code many passages from a CSV (document, code, quote), all or none",
       define_import_codings},
      {"uncode", "Remove a coding", define_uncode},
      {"recode", "Change a coding's code, range, comment or flag", define_recode},
      {"segments", "Retrieve coded segments", define_segments},
      {"freq", "Code frequencies per document or per coder", define_freq},
      {"search", "Full-text search; --code codes every hit", define_search},
      {"cases", "Cases (participants) and their variable values", define_cases},
      {"vars", "Case variables and their types", define_vars},
      {"memo", "Memos on the project, documents, codes and codings", define_memo},
      {"log", "Show the change log", define_log},
      {"undo", "Undo the last change", define_undo},
      {"export", "Export the project as JSON or the segments as CSV", define_export},
      {"assign", "Assign documents to a coder for independent coding", define_assign},
      {"assignments", "Who is assigned which documents, and their codings in each",
       define_assignments},
      {"agree", "Agreement between coders, per code and pooled, with a methods paragraph",
       define_agree},
      {"reconcile", "Decide a disagreement between coders; the result is a consensus coder",
       define_reconcile},
      {"report", "Reports for a manuscript: theme tables with representative quotes",
       define_report},
      {"pseudonymise", "Find and replace what identifies participants; the key to reverse it",
       define_pseudonymise},
      {"stats", "Statistics on any table, without a project: agreement", define_stats},
      {"serve", "Open the project in the browser workspace (on this machine only)", define_serve},
  };
  return table;
}

std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
      // Display width approximated by code points, which is right for most scripts.
      std::size_t cps =
          std::count_if(row[i].begin(), row[i].end(), [](char c) { return (c & 0xC0) != 0x80; });
      width[i] = std::max(width[i], cps);
    }
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  std::ostringstream out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 == row.size()) break;
      std::size_t cps =
          std::count_if(row[i].begin(), row[i].end(), [](char c) { return (c & 0xC0) != 0x80; });
      line += std::string(width[i] - cps + 2, ' ');
    }
    out << line << '\n';
  };
  emit(header);
  for (const auto& r : rows) emit(r);
  return out.str();
}

Result<std::pair<std::string, std::string>> parse_assignment(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return failf(ErrorKind::kInvalidInput, "'{}' is not variable=value, e.g. role=student", text);
  }
  return std::pair{text.substr(0, eq), text.substr(eq + 1)};
}

Status write_output(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content;
    return {};
  }
  return write_file_durably(path, content);
}

Result<std::string> read_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return failf(ErrorKind::kNotFound, "{}: cannot open the file", path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace thematica::cli
