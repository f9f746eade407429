#pragma once
// The browser workspace's HTTP server: the embedded front end and the JSON API (routes.cpp) on one
// project. Requests are read on the server's worker threads; API calls run one at a time on the
// project, concurrent changes committed together (call_queue.hpp).

#include <memory>
#include <string>

#include "analysis/name_mentions.hpp"
#include "core/error.hpp"
#include "services/pseudonym_key_file.hpp"
#include "store/store.hpp"

namespace thematica::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8470;  // 0: any free port
  // Binding to anything but the loopback interface exposes the project to the network; refused
  // unless asked for.
  bool allow_remote = false;
  std::size_t max_body_bytes = std::size_t{64} << 20;  // uploads included
  // The project's key: report downloads are checked against it (guard_export), and applying a
  // pseudonymisation review writes it.
  std::optional<KeyAccess> key;
  std::vector<KnownIdentifier> known;  // what a pseudonymisation review finds for certain
};

class WorkspaceServer {
 public:
  WorkspaceServer(Store& store, ServeOptions options);
  ~WorkspaceServer();
  WorkspaceServer(const WorkspaceServer&) = delete;
  WorkspaceServer& operator=(const WorkspaceServer&) = delete;

  // Binds the socket and returns the port. Errors: kInvalidInput for a non-loopback host without
  // allow_remote; kIo when the address cannot be bound (port taken).
  Result<int> bind();
  // The URL to open, with the one-time token. Valid after bind().
  std::string url() const;
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  // Stops a running server. A stop() before run() has started listening is lost: wait for
  // running() first when both happen on different threads.
  void stop();
  bool running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.1, ::1 and localhost.
bool is_loopback(const std::string& host);

}  // namespace thematica::server
