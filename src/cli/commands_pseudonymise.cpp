// The 'pseudonymise' command: find what identifies participants in the project's documents.

#include <fmt/format.h>

#include <map>

#include "cli/commands.hpp"
#include "services/pseudonymisation_scan.hpp"

namespace thematica::cli {
namespace {

void define_scan(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::vector<std::string> documents;
    std::string known;
    double min_confidence = 0;
  };
  auto args = std::make_shared<Args>();
  auto* scan = cmd.add_subcommand("scan", "List what identifies people, places and dates");
  scan->add_option("--doc", args->documents, "Only this document (repeatable)");
  scan->add_option("--known", args->known, "CSV of known identifiers: case,identifier[,category]");
  scan->add_option("--min-confidence", args->min_confidence, "Leave out weaker suggestions (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cli.on(scan, [&cli, args]() -> Status {
    TRY(store, cli.store());
    ScanRequest request;
    request.documents = args->documents;
    request.min_confidence = args->min_confidence;
    if (!args->known.empty()) {
      TRY(csv, read_input(args->known));
      TRY(known, parse_known_identifiers(csv));
      request.known = std::move(known);
    }
    TRY(suggestions, scan_for_identifiers(*store, request));
    std::vector<std::vector<std::string>> rows;
    std::map<std::string, int> by_category;
    for (const auto& s : suggestions) {
      rows.push_back({s.document, fmt::format("{}:{}", s.range.start, s.range.end),
                      std::string(category_name(s.category)), fmt::format("{:.2f}", s.confidence),
                      one_line(s.text), s.rule});
      ++by_category[std::string(category_name(s.category))];
    }
    std::string summary = fmt::format("{} suggestions", suggestions.size());
    for (const auto& [category, n] : by_category) summary += fmt::format(", {} {}", n, category);
    cli.print(
        Json(suggestions),
        format_table({"document", "where", "category", "confidence", "text", "found by"}, rows) +
            summary + "\n");
    return {};
  });
}

}  // namespace

void define_pseudonymise(CLI::App& cmd, Cli& cli) {
  cmd.require_subcommand(1);
  define_scan(cmd, cli);
}

}  // namespace thematica::cli
