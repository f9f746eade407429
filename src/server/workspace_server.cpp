#include "server/workspace_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include "server/call_queue.hpp"
#include "server/http_errors.hpp"
#include "server/routes.hpp"
#include "server/session.hpp"
#include "server/web_assets.hpp"

namespace thematica::server {
namespace {

constexpr const char* kCoderHeader = "X-Thematica-Coder";
constexpr std::size_t kWorkers = 64;
constexpr std::size_t kKeepAliveRequests = 10000;

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  if (!reply.filename.empty()) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
  }
  if (!reply.content_type.empty()) {
    res.set_content(reply.raw, reply.content_type);
  } else {
    res.set_content(reply.json.dump(), "application/json; charset=utf-8");
  }
}

ApiRequest api_request(const httplib::Request& req) {
  ApiRequest request;
  for (std::size_t i = 1; i < req.matches.size(); ++i) request.matches.push_back(req.matches[i]);
  request.query.insert(req.params.begin(), req.params.end());
  request.body = &req.body;
  request.coder = req.get_header_value(kCoderHeader);
  for (const auto& [field, file] : req.files) {
    if (!file.filename.empty()) request.files.push_back(UploadedFile{file.filename, file.content});
  }
  return request;
}

// The page shown to a browser without the session cookie.
constexpr const char* kLockedPage =
    "<!doctype html><meta charset=utf-8><title>Thematica</title><body style=\"font:16px "
    "system-ui;margin:3em\"><h1>This workspace is locked</h1><p>Open the address that "
    "<code>thematica serve</code> printed when it started, in this browser. Each address works "
    "once; restart <code>thematica serve</code> for a new one.</p>";

}  // namespace

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

struct WorkspaceServer::Impl {
  ServeOptions options;
  Session session;
  httplib::Server http;
  CallQueue calls;
  int port = 0;
  socket_t listening = INVALID_SOCKET;

  Impl(Store& store, ServeOptions o) : options(std::move(o)), calls(store) {}

  // Host header check: a page on another site that resolves its own name to 127.0.0.1 (DNS
  // rebinding) must not reach the API.
  bool host_allowed(const httplib::Request& req) const {
    if (options.allow_remote) return true;
    std::string host = req.get_header_value("Host");
    std::string suffix = ":" + std::to_string(port);
    return host == "127.0.0.1" + suffix || host == "localhost" + suffix || host == "[::1]" + suffix;
  }

  // Admits or refuses a request before routing; returns true when it has been answered.
  bool gate(const httplib::Request& req, httplib::Response& res) {
    if (!host_allowed(req)) {
      send(res, error_reply(403, "forbidden", "requests must name this machine as their host"));
      return true;
    }
    if (req.has_param("token") && req.path == "/") {
      if (session.redeem(req.get_param_value("token"))) {
        res.set_header("Set-Cookie", session.cookie());
        res.set_redirect("/", 303);
        return true;
      }
      if (!session.admits(req.get_header_value("Cookie"))) {
        res.status = 403;
        res.set_content(kLockedPage, "text/html; charset=utf-8");
        return true;
      }
      res.set_redirect("/", 303);
      return true;
    }
    if (session.admits(req.get_header_value("Cookie"))) return false;
    if (req.path.rfind("/api/", 0) == 0) {
      send(res, error_reply(401, "unauthorised",
                            "no session: open the address 'thematica serve' printed"));
    } else {
      res.status = 401;
      res.set_content(kLockedPage, "text/html; charset=utf-8");
    }
    return true;
  }

  httplib::Server::Handler api_handler(Handler handler, CallQueue::Kind kind) {
    return [this, handler, kind](const httplib::Request& req, httplib::Response& res) {
      ApiRequest request = api_request(req);
      if (options.key) request.key = &*options.key;
      request.known = &options.known;
      Result<Reply> reply = calls.run(handler, request, kind);
      send(res, reply ? *reply : error_reply(reply.error()));
    };
  }

  void add_routes() {
    for (const Route& route : api_routes()) {
      std::string method = route.method;
      auto kind = route.alone       ? CallQueue::Kind::kAlone
                  : method == "GET" ? CallQueue::Kind::kRead
                                    : CallQueue::Kind::kWrite;
      auto handler = api_handler(route.handler, kind);
      if (method == "GET") http.Get(route.pattern, handler);
      if (method == "POST") http.Post(route.pattern, handler);
      if (method == "PATCH") http.Patch(route.pattern, handler);
      if (method == "PUT") http.Put(route.pattern, handler);
      if (method == "DELETE") http.Delete(route.pattern, handler);
    }
    // The front end: its files by path, and index.html for every other page (client routing).
    http.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
      const auto& assets = web_assets();
      const EmbeddedFile* index = nullptr;
      for (const auto& asset : assets) {
        if (req.path.size() == asset.path.size() + 1 && req.path.ends_with(asset.path)) {
          serve_asset(res, asset);
          return;
        }
        if (asset.path == "index.html") index = &asset;
      }
      if (req.path.rfind("/api/", 0) == 0 || index == nullptr) {
        send(res, error_reply(404, "not_found", "no such API path: " + req.path));
        return;
      }
      res.set_header("Cache-Control", "no-store");
      serve_asset(res, *index);
    });
  }

  static void serve_asset(httplib::Response& res, const EmbeddedFile& asset) {
    res.set_content(asset.bytes.data(), asset.bytes.size(), std::string(media_type_of(asset.path)));
  }

  void configure() {
    http.set_payload_max_length(options.max_body_bytes);
    // A reply goes out in two writes (headers, body): without this, Nagle's algorithm holds the
    // body until the browser's delayed acknowledgement, 40 ms later.
    http.set_tcp_nodelay(true);
    // Each open browser connection holds a worker while it is kept alive; with too few workers a
    // tab waits for another tab's idle connection to time out. Workers wait on the store's mutex,
    // so many of them cost memory, not contention.
    http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    http.set_keep_alive_max_count(kKeepAliveRequests);
    // Remembered so bind() can lengthen the queue of connections waiting to be accepted.
    http.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listening = sock;
    });
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return gate(req, res) ? httplib::Server::HandlerResponse::Handled
                            : httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
          send(res, error_reply(500, "internal", "the server failed on this request; see its log"));
        });
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (res.status == 413) {
        send(res, error_reply(413, "too_large",
                              fmt::format("the request is larger than the {} MiB limit",
                                          options.max_body_bytes >> 20)));
      } else if (res.body.empty() && req.path.rfind("/api/", 0) == 0) {
        send(res, error_reply(res.status, "not_found",
                              fmt::format("no API call {} {}", req.method, req.path)));
      }
    });
    add_routes();
  }
};

WorkspaceServer::WorkspaceServer(Store& store, ServeOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {
  impl_->configure();
}

WorkspaceServer::~WorkspaceServer() = default;

Result<int> WorkspaceServer::bind() {
  const auto& o = impl_->options;
  if (!is_loopback(o.host) && !o.allow_remote) {
    return failf(ErrorKind::kInvalidInput,
                 "refusing to serve on {}: anyone who can reach this machine could open the "
                 "project; use --allow-remote if that is what you want",
                 o.host);
  }
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                         : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    return failf(ErrorKind::kIo, "cannot listen on {}:{} (is the port in use? try --port 0)",
                 o.host, o.port);
  }
  // The HTTP library listens with a queue of 5 connections: when more clients connect at once
  // (20 did in the benchmark, a lab's tabs after a restart), the kernel drops the others' first
  // packet and each waits a second to try again. Listening again on the socket only sets a longer
  // queue.
  if (impl_->listening != INVALID_SOCKET) ::listen(impl_->listening, SOMAXCONN);
  impl_->port = port;
  return port;
}

std::string WorkspaceServer::url() const {
  std::string host = impl_->options.host == "::1" ? "[::1]" : impl_->options.host;
  if (host == "localhost") host = "127.0.0.1";
  return fmt::format("http://{}:{}/?token={}", host, impl_->port, impl_->session.token());
}

void WorkspaceServer::run() { impl_->http.listen_after_bind(); }

void WorkspaceServer::stop() { impl_->http.stop(); }

bool WorkspaceServer::running() const { return impl_->http.is_running(); }

}  // namespace thematica::server
