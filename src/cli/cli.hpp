#pragma once
// The state one CLI invocation shares between its commands: global options, the lazily opened
// project, the output mode, and the action of each (sub)command.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "services/context.hpp"
#include "services/json_codec.hpp"
#include "services/pseudonym_key_file.hpp"
#include "store/store.hpp"

namespace thematica::cli {

struct Globals {
  std::string project;  // -p/--project or THEMATICA_PROJECT
  bool json = false;    // --json
  std::string coder;    // --coder or THEMATICA_CODER, else the login name
  // The key of a pseudonymised project (--key-file or THEMATICA_KEY_FILE) and the file holding
  // its passphrase (--passphrase-file or THEMATICA_PASSPHRASE_FILE).
  std::string key_file;
  std::string passphrase_file;
};

using Action = std::function<Status()>;

class Cli {
 public:
  Globals globals;

  // Opens the project named by -p once. Errors: kInvalidInput when no project is named; those
  // of open_project_file.
  Result<Store*> store();
  // Store and actor for a service call. Errors: as store().
  Result<ServiceContext> context();
  const std::string& project_path() const { return globals.project; }
  // The key named by --key-file, with the passphrase read from --passphrase-file. Errors:
  // kInvalidInput when either is missing; those of read_passphrase_file.
  Result<KeyAccess> key_access() const;
  // Before an export or a report: with a key named, stops it when the project still holds an
  // original (guard_export); without one, lets it go.
  Status guard_export();

  // Binds `action` to `command`; after parsing, the deepest chosen command's action runs.
  void on(CLI::App* command, Action action) { actions_[command] = std::move(action); }
  const Action* action_for(const CLI::App* command) const;

  // Prints `json` in --json mode, otherwise `text` (followed by a newline unless empty).
  void print(const Json& json, const std::string& text) const;
  // Prints a change's outcome: its summary, or {"event": ...} merged with `extra`.
  void print_event(const Event& event, Json extra = Json::object()) const;

 private:
  std::unique_ptr<Store> store_;
  std::map<const CLI::App*, Action> actions_;
};

// Progress for long operations: a bar on stderr when it is a terminal, one line per step when
// THEMATICA_PROGRESS=plain (for scripts and tests), nothing otherwise.
std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& label);

}  // namespace thematica::cli
