// The 'pseudonymise' command: find what identifies participants in the project's documents.

#include <fmt/format.h>

#include <map>

#include "cli/commands.hpp"
#include "services/json_codec.hpp"
#include "services/pseudonym_lookup.hpp"
#include "services/pseudonymisation_apply.hpp"
#include "services/pseudonymisation_scan.hpp"
#include "services/wording.hpp"

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
    TRY(known, read_known(args->known));
    request.known = std::move(known);
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

std::string records_table(const std::vector<PseudonymisationRecord>& records) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(records.size());
  for (const auto& r : records) {
    rows.push_back({r.document, r.category, r.pseudonym, std::to_string(r.replaced)});
  }
  return format_table({"document", "category", "pseudonym", "replaced"}, rows);
}

void define_apply(CLI::App& cmd, Cli& cli) {
  struct Args {
    bool automatic = false;
    std::string known;
    double min_confidence = kDefaultApplyConfidence;
    std::string brackets = "[]";
  };
  auto args = std::make_shared<Args>();
  auto* apply = cmd.add_subcommand("apply", "Replace identifiers by pseudonyms, keeping codings");
  apply->add_flag("--auto", args->automatic,
                  "Accept every suggestion at or above --min-confidence, unreviewed (without "
                  "it: what 'pseudonymise review' accepted)");
  apply->add_option("--known", args->known, "CSV of known identifiers: case,identifier[,category]");
  apply->add_option("--min-confidence", args->min_confidence, "Leave out weaker suggestions (0-1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  apply->add_option("--brackets", args->brackets, "Around pseudonyms: [] () {} <> or \"\"")
      ->capture_default_str();
  cli.on(apply, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(known, read_known(args->known));
    TRY(access, cli.key_access());
    ApplyRequest request{std::move(known), args->min_confidence, args->brackets, access,
                         args->automatic};
    TRY(summary, apply_pseudonyms(ctx, request));
    cli.print(
        Json(summary),
        records_table(summary.records) +
            fmt::format("{} in {}; the key is in {}{}\n", count_of(summary.replaced, "replacement"),
                        count_of(summary.documents, "document"), access.path,
                        summary.new_key ? " (new: keep it apart from the project)" : ""));
    return {};
  });
}

void define_lookup(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string text;
    bool all = false;
  };
  auto args = std::make_shared<Args>();
  auto* lookup = cmd.add_subcommand("lookup", "What a pseudonym stands for (needs the key)");
  auto* text = lookup->add_option("text", args->text, "A pseudonym (\"[P03]\") or an original");
  auto* all = lookup->add_flag("--all", args->all, "List every pseudonym with its originals");
  text->excludes(all);
  all->excludes(text);
  cli.on(lookup, [&cli, args]() -> Status {
    if (args->text.empty() && !args->all) {
      return fail(ErrorKind::kInvalidInput, "say which pseudonym to look up, or --all");
    }
    TRY(store, cli.store());
    TRY(access, cli.key_access());
    TRY(matches, lookup_pseudonym(*store, access, args->text));
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : matches) {
      rows.push_back({m.pseudonym, m.category, fmt::format("{}", fmt::join(m.originals, "; "))});
    }
    cli.print(Json(matches), format_table({"pseudonym", "category", "originals"}, rows));
    return {};
  });
}

void define_restore(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string document;
    std::string output = "-";
  };
  auto args = std::make_shared<Args>();
  auto* restore =
      cmd.add_subcommand("restore", "Write a document's text with its originals (needs the key)");
  restore->add_option("--doc", args->document, "The document")->required();
  restore->add_option("-o,--output", args->output, "Where to write it (- for the terminal)")
      ->capture_default_str();
  cli.on(restore, [&cli, args]() -> Status {
    TRY(store, cli.store());
    TRY(access, cli.key_access());
    TRY(text, restore_document_text(*store, access, args->document));
    return write_output(args->output, text);
  });
}

void define_audit(CLI::App& cmd, Cli& cli) {
  auto* audit = cmd.add_subcommand(
      "audit", "What pseudonymisation replaced, by document and category (no originals)");
  cli.on(audit, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(records, store->pseudonymisation_records());
    std::string text;
    for (std::size_t i = 0; i < records.size();) {
      std::size_t end = i;
      std::int64_t replaced = 0;
      while (end < records.size() && records[end].event_id == records[i].event_id) {
        replaced += records[end++].replaced;
      }
      text +=
          fmt::format("{} by {}: {} replacements\n", records[i].time, records[i].actor, replaced);
      text += records_table({records.begin() + static_cast<std::ptrdiff_t>(i),
                             records.begin() + static_cast<std::ptrdiff_t>(end)});
      i = end;
    }
    if (records.empty()) text = "nothing has been pseudonymised in this project\n";
    cli.print(Json(records), text);
    return {};
  });
}

}  // namespace

Result<std::vector<KnownIdentifier>> read_known(const std::string& path) {
  if (path.empty()) return std::vector<KnownIdentifier>();
  TRY(csv, read_input(path));
  return parse_known_identifiers(csv);
}

void define_pseudonymise(CLI::App& cmd, Cli& cli) {
  cmd.require_subcommand(1);
  define_scan(cmd, cli);
  define_pseudonymise_review(cmd, cli);
  define_apply(cmd, cli);
  define_lookup(cmd, cli);
  define_restore(cmd, cli);
  define_audit(cmd, cli);
}

}  // namespace thematica::cli
