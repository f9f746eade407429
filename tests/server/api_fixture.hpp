#pragma once
// A real project and a real workspace server on a free loopback port, with an HTTP client that
// holds the session cookie, for testing the API as the browser uses it.

#include <httplib.h>

#include <thread>

#include "server/workspace_server.hpp"
#include "services/json_codec.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {

class ApiTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    start(server::ServeOptions{});
  }

  void TearDown() override {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }

  void start(server::ServeOptions options) {
    options.port = 0;
    server_ = std::make_unique<server::WorkspaceServer>(*store_, options);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    while (!server_->running()) std::this_thread::yield();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_follow_location(false);
  }

  std::string token() const {
    std::string url = server_->url();
    return url.substr(url.find("token=") + 6);
  }

  // Redeems the token and keeps the cookie for every later request.
  void log_in() {
    auto res = client_->Get("/?token=" + token());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303);
    std::string cookie = res->get_header_value("Set-Cookie");
    cookie_ = cookie.substr(0, cookie.find(';'));
  }

  httplib::Headers headers(const std::string& coder = "alice") const {
    httplib::Headers h{{"Cookie", cookie_}};
    if (!coder.empty()) h.emplace("X-Thematica-Coder", coder);
    return h;
  }

  struct Answer {
    int status = 0;
    Json json;
    std::string body;
  };

  static Answer answer(const httplib::Result& res) {
    if (!res) return Answer{-1, Json(), "no response"};
    Json json = Json::parse(res->body, nullptr, false);
    return Answer{res->status, json, res->body};
  }

  Answer get(const std::string& path) { return answer(client_->Get(path, headers())); }
  Answer post(const std::string& path, const Json& body, const std::string& coder = "alice") {
    return answer(client_->Post(path, headers(coder), body.dump(), "application/json"));
  }
  Answer post_raw(const std::string& path, const std::string& body) {
    return answer(client_->Post(path, headers(), body, "application/json"));
  }
  Answer patch(const std::string& path, const Json& body) {
    return answer(client_->Patch(path, headers(), body.dump(), "application/json"));
  }
  Answer put(const std::string& path, const Json& body) {
    return answer(client_->Put(path, headers(), body.dump(), "application/json"));
  }
  Answer del(const std::string& path) { return answer(client_->Delete(path, headers())); }

  static std::string message(const Answer& a) {
    return a.json.is_object() && a.json.contains("error") ? a.json["error"].value("message", "")
                                                          : a.body;
  }

  std::unique_ptr<server::WorkspaceServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
  std::string cookie_;
};

}  // namespace thematica::testing
