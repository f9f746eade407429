// Moving whole projects in and out as REFI-QDA (.qdpx): import, merge, export.

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "services/qdpx_export.hpp"
#include "services/qdpx_import.hpp"
#include "services/wording.hpp"

namespace thematica::cli {
namespace {

void list_section(std::string& text, std::string_view heading,
                  const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  text += fmt::format("\n{}:", heading);
  for (const auto& line : lines) text += "\n  " + line;
}

std::string describe(const QdpxImportReport& r) {
  std::string text = r.event.summary;
  text += fmt::format("\ncoders: {} added; codes: {} added, {} already there", r.coders_added,
                      r.codes_added, r.codes_matched);
  if (r.documents_matched > 0 || r.codings_already > 0) {
    text +=
        fmt::format("\nalready in the project: {}, {}", count_of(r.documents_matched, "document"),
                    count_of(r.codings_already, "coding"));
  }
  if (r.cases + r.variables + r.groups + r.code_sets > 0) {
    text += fmt::format("\n{}, {}, {}, {}", count_of(r.cases, "case"),
                        count_of(r.variables, "variable"), count_of(r.groups, "document group"),
                        count_of(r.code_sets, "code set"));
  }
  list_section(text, "positions counted as", r.countings);
  list_section(text, "kept aside (Thematica cannot show these; they stay in the project file)",
               r.kept_aside);
  list_section(text, "conflicts", r.conflicts);
  list_section(text, "skipped", r.skipped);
  list_section(text, "notes", r.notes);
  return text;
}

}  // namespace

Status import_qdpx_file(Cli& cli, const std::string& file, const QdpxImportOptions& options) {
  TRY(ctx, cli.context());
  auto report = import_qdpx(ctx, file, options);
  if (!report) {
    Error e = report.error();
    if (e.where.empty()) e.where = file;
    return tl::unexpected(e);
  }
  const auto& r = *report;
  cli.print(Json{{"event", r.event},
                 {"project", r.project_name},
                 {"origin", r.origin},
                 {"coders_added", r.coders_added},
                 {"codes_added", r.codes_added},
                 {"codes_matched", r.codes_matched},
                 {"documents_added", r.documents_added},
                 {"documents_matched", r.documents_matched},
                 {"codings_added", r.codings_added},
                 {"codings_already", r.codings_already},
                 {"memos", r.memos},
                 {"cases", r.cases},
                 {"variables", r.variables},
                 {"groups", r.groups},
                 {"code_sets", r.code_sets},
                 {"countings", r.countings},
                 {"kept_aside", r.kept_aside},
                 {"conflicts", r.conflicts},
                 {"skipped", r.skipped},
                 {"notes", r.notes}},
            describe(r));
  return {};
}

Status export_qdpx_file(Cli& cli, Store& store, const std::string& file,
                        const std::string& profile) {
  if (file == "-") {
    return fail(ErrorKind::kInvalidInput, "a .qdpx is a zip archive: name a file to write it to");
  }
  TRY(chosen, parse_qdpx_profile(profile));
  TRY(report, export_qdpx(store, file, chosen));
  std::string text =
      fmt::format("exported {} with {} and {} to {}", count_of(report.documents, "document"),
                  count_of(report.codings, "coding"), count_of(report.memos, "memo"), file);
  list_section(text, "not written", report.not_written);
  cli.print(Json{{"file", file},
                 {"format", "qdpx"},
                 {"profile", profile},
                 {"documents", report.documents},
                 {"codings", report.codings},
                 {"memos", report.memos},
                 {"not_written", report.not_written}},
            text);
  return {};
}

}  // namespace thematica::cli
