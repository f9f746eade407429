#include "cli/cli.hpp"

#include "services/export_guard.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "store/project_file.hpp"

namespace thematica::cli {
namespace {

int busy_timeout_ms() {
  const char* env = std::getenv("THEMATICA_BUSY_TIMEOUT_MS");
  return env != nullptr ? std::atoi(env) : 5000;
}

}  // namespace

Result<Store*> Cli::store() {
  if (store_) return store_.get();
  if (globals.project.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "no project named; pass -p FILE.thematica or set THEMATICA_PROJECT");
  }
  TRY(opened, open_project_file(globals.project, ProjectFileOptions{busy_timeout_ms()}));
  store_ = std::move(opened);
  return store_.get();
}

Result<KeyAccess> Cli::key_access() const {
  if (globals.key_file.empty() || globals.passphrase_file.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "this needs the project's key: add --key-file FILE and --passphrase-file FILE "
                "(a file whose first line is the passphrase)");
  }
  TRY(passphrase, read_passphrase_file(globals.passphrase_file));
  return KeyAccess{globals.key_file, std::move(passphrase)};
}

Status Cli::guard_export() {
  if (globals.key_file.empty()) return {};
  TRY(s, store());
  TRY(access, key_access());
  return thematica::guard_export(*s, access);
}

Result<ServiceContext> Cli::context() {
  TRY(s, store());
  return ServiceContext{*s, globals.coder};
}

const Action* Cli::action_for(const CLI::App* command) const {
  auto it = actions_.find(command);
  return it == actions_.end() ? nullptr : &it->second;
}

void Cli::print(const Json& json, const std::string& text) const {
  if (globals.json) {
    std::cout << json.dump(2) << '\n';
  } else if (!text.empty()) {
    std::cout << text << (text.back() == '\n' ? "" : "\n");
  }
}

void Cli::print_event(const Event& event, Json extra) const {
  extra["event"] = event;
  print(extra, event.summary);
}

std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& label) {
  const char* mode = std::getenv("THEMATICA_PROGRESS");
  if (mode != nullptr && std::string(mode) == "plain") {
    return [label](std::size_t done, std::size_t total) {
      std::fprintf(stderr, "%s %zu/%zu\n", label.c_str(), done, total);
      std::fflush(stderr);
    };
  }
  if (isatty(STDERR_FILENO) == 0) return nullptr;
  return [label](std::size_t done, std::size_t total) {
    constexpr std::size_t kWidth = 30;
    std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu", label.c_str(), std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), done, total);
    if (done == total) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  };
}

}  // namespace thematica::cli
