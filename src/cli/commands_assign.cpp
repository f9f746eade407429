// `thematica assign` and `thematica assignments`: who codes which documents.

#include "cli/commands.hpp"
#include "services/assignments.hpp"

namespace thematica::cli {

void define_assign(CLI::App& cmd, Cli& cli) {
  auto request = std::make_shared<AssignRequest>();
  cmd.add_option("--coder", request->coder, "The coder (created on first use)")->required();
  cmd.add_option("--doc", request->documents, "A document to code (repeatable)");
  cmd.add_option("--group", request->groups, "Every document of this group (repeatable)");
  cmd.add_flag("--remove", request->remove, "Take the documents off the coder's list");
  cli.on(&cmd, [&cli, request]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, assign_documents(ctx, *request));
    cli.print_event(event);
    return {};
  });
}

void define_assignments(CLI::App& cmd, Cli& cli) {
  cli.on(&cmd, [&cli]() -> Status {
    TRY(store, cli.store());
    TRY(list, list_assignments(*store));
    std::vector<std::vector<std::string>> rows;
    for (const auto& coder : list) {
      for (const auto& d : coder.documents) {
        rows.push_back({coder.coder, d.document, std::to_string(d.codings)});
      }
    }
    cli.print(Json(list), rows.empty()
                              ? "no documents are assigned; see 'thematica assign --help'"
                              : format_table({"coder", "document", "their codings"}, rows));
    return {};
  });
}

}  // namespace thematica::cli
