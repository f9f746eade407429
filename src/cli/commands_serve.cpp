// `thematica serve`: the browser workspace on this project.

#include <csignal>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "server/workspace_server.hpp"

namespace thematica::cli {
namespace {

// Stops the server on Ctrl-C or SIGTERM. The signals are taken by a thread with sigwait, so the
// server is stopped from ordinary code, not from a signal handler.
std::thread stop_on_signal(server::WorkspaceServer& workspace, sigset_t signals) {
  return std::thread([&workspace, signals] {
    int received = 0;
    sigwait(&signals, &received);
    workspace.stop();
  });
}

}  // namespace

void define_serve(CLI::App& cmd, Cli& cli) {
  auto options = std::make_shared<server::ServeOptions>();
  cmd.add_option("--port", options->port, "Port to listen on (default 8470; 0: any free port)");
  cmd.add_option("--host", options->host,
                 "Address to listen on (default 127.0.0.1; others need --allow-remote)");
  cmd.add_flag("--allow-remote", options->allow_remote,
               "Allow an address other than this machine's loopback (exposes the project)");
  auto known = std::make_shared<std::string>();
  cmd.add_option("--known", *known,
                 "CSV of known identifiers for the pseudonymisation review: case,identifier");
  cli.on(&cmd, [&cli, options, known]() -> Status {
    TRY(store, cli.store());
    TRY(listed, read_known(*known));
    options->known = std::move(listed);
    if (!cli.globals.key_file.empty()) {
      TRY(key, cli.key_access());
      // A wrong passphrase is told now, not at a download; before a first pass there is no file.
      TRY_STATUS(read_key(*store, key));
      options->key = std::move(key);
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by the server's threads

    server::WorkspaceServer workspace(*store, *options);
    TRY(port, workspace.bind());
    (void)port;
    if (!server::is_loopback(options->host)) {
      std::cerr << "warning: serving on " << options->host
                << ": anyone who can reach this address and has the link can open the project\n";
    }
    std::cout << "Thematica workspace for " << cli.project_path() << "\n"
              << "Open " << workspace.url() << "\n"
              << "(the link works once, in one browser; Ctrl-C stops the server)" << std::endl;
    std::thread stopper = stop_on_signal(workspace, signals);
    workspace.run();
    stopper.detach();
    return {};
  });
}

}  // namespace thematica::cli
