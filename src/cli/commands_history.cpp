// Commands for the change log, undo and exports.

#include "cli/commands.hpp"
#include "services/export_service.hpp"
#include "services/history.hpp"
#include "services/qdc_exchange.hpp"

namespace thematica::cli {

void define_log(CLI::App& cmd, Cli& cli) {
  auto limit = std::make_shared<std::int64_t>(50);
  cmd.add_option("--limit", *limit, "Show this many of the newest changes (default 50)");
  cli.on(&cmd, [&cli, limit]() -> Status {
    TRY(store, cli.store());
    TRY(events, change_log(*store, *limit));
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : events) {
      rows.push_back({std::to_string(e.id), e.time, e.coder, e.operation, e.summary});
    }
    cli.print(Json(events), format_table({"#", "time", "coder", "operation", "summary"}, rows));
    return {};
  });
}

void define_undo(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, undo_last_change(ctx));
    cli.print_event(event);
    return {};
  });
}

void define_export(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string format = "json", file, profile = "standard";
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("--format", args->format,
                 "json (the whole project), csv (coded segments), qdc (the codebook, REFI-QDA) "
                 "or qdpx (the whole project, REFI-QDA)")
      ->check(CLI::IsMember({"json", "csv", "qdc", "qdpx"}));
  cmd.add_option("--profile", args->profile,
                 "qdpx positions: standard (code points), nvivo (UTF-16 units) or maxqda (CRLF "
                 "line ends counted as one)");
  cmd.add_option("file", args->file, "Output file, or - for standard output")->required();
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(store, cli.store());
    TRY_STATUS(cli.guard_export());
    if (args->format == "qdpx") return export_qdpx_file(cli, *store, args->file, args->profile);
    auto content = args->format == "csv"   ? export_segments_csv(*store)
                   : args->format == "qdc" ? export_codebook_qdc(*store)
                                           : export_json(*store);
    if (!content) return tl::unexpected(content.error());
    TRY_STATUS(write_output(args->file, *content));
    if (args->file != "-") {
      cli.print(Json{{"file", args->file}, {"format", args->format}},
                fmt::format("exported {} to {}", args->format, args->file));
    }
    return {};
  });
}

}  // namespace thematica::cli
