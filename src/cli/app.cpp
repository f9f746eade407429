#include "cli/app.hpp"

#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace thematica::cli {
namespace {

std::string default_coder() {
  for (const char* var : {"USER", "LOGNAME"}) {
    const char* value = std::getenv(var);
    if (value != nullptr && *value != '\0') return value;
  }
  return "researcher";
}

// The deepest chosen command that has an action ("codes add" rather than "codes").
const Action* chosen_action(const CLI::App& app, const Cli& cli) {
  const Action* action = nullptr;
  for (const CLI::App* node = &app;;) {
    auto chosen = node->get_subcommands();
    if (chosen.empty()) return action;
    node = chosen.front();
    if (const Action* found = cli.action_for(node)) action = found;
  }
}

}  // namespace

int run(int argc, char** argv) {
  Cli cli;
  CLI::App app{"Thematica: a local-first workbench for qualitative research", "thematica"};
  app.set_version_flag("--version", "thematica 0.1.0");
  app.add_option("-p,--project", cli.globals.project, "The project file (study.thematica)")
      ->envname("THEMATICA_PROJECT");
  app.add_flag("--json", cli.globals.json, "Machine-readable JSON output");
  app.add_option("--coder", cli.globals.coder, "Who is working (default: your login name)")
      ->envname("THEMATICA_CODER");
  app.add_option("--key-file", cli.globals.key_file,
                 "A pseudonymised project's key: exports and reports are checked against it")
      ->envname("THEMATICA_KEY_FILE");
  app.add_option("--passphrase-file", cli.globals.passphrase_file,
                 "A file whose first line is the key's passphrase")
      ->envname("THEMATICA_PASSPHRASE_FILE");
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command
  for (const auto& spec : command_table())
    spec.define(*app.add_subcommand(spec.name, spec.summary), cli);

  if (argc <= 1) {
    std::cout << app.help();
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    auto extras = app.remaining();
    if (app.get_subcommands().empty() && !extras.empty()) {
      std::cerr << "error: unknown command '" << extras.front()
                << "'; 'thematica --help' lists the commands\n";
    } else {
      std::cerr << "error: " << e.what()
                << "; see 'thematica --help' or 'thematica COMMAND --help'\n";
    }
    return kExitUsage;
  }
  if (cli.globals.coder.empty()) cli.globals.coder = default_coder();
  const Action* action = chosen_action(app, cli);
  if (action == nullptr) {
    std::cerr << "error: choose a subcommand; see 'thematica --help'\n";
    return kExitUsage;
  }
  auto done = (*action)();
  if (!done) return report_error(done.error(), cli.globals.json);
  return kExitOk;
}

}  // namespace thematica::cli
