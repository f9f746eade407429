// Who may use a running workspace: the one-time token, the session cookie, the Host check, the
// loopback rule, the body limit, and the embedded front end.

#include "server/session.hpp"

#include "server/api_fixture.hpp"

namespace thematica::testing {
namespace {

using SessionTest = ApiTest;

TEST_F(SessionTest, ApiRefusesRequestsWithoutTheSessionCookie) {
  auto res = client_->Get("/api/codes");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  auto json = Json::parse(res->body);
  EXPECT_EQ(json["error"]["code"], "unauthorised");
  EXPECT_EQ(json["error"]["message"], "no session: open the address 'thematica serve' printed");
  auto page = client_->Get("/");
  EXPECT_EQ(page->status, 401);
  EXPECT_NE(page->body.find("This workspace is locked"), std::string::npos);
}

TEST_F(SessionTest, AWrongTokenIsRefusedAndTheRightOneWorksOnce) {
  auto wrong = client_->Get("/?token=" + std::string(64, '0'));
  EXPECT_EQ(wrong->status, 403);
  EXPECT_TRUE(wrong->get_header_value("Set-Cookie").empty());

  auto right = client_->Get("/?token=" + token());
  ASSERT_EQ(right->status, 303);
  EXPECT_EQ(right->get_header_value("Location"), "/");
  std::string cookie = right->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("thematica_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);

  auto again = client_->Get("/?token=" + token());
  EXPECT_EQ(again->status, 403) << "the token is spent";
  cookie_ = cookie.substr(0, cookie.find(';'));
  EXPECT_EQ(get("/api/codes").status, 200);
}

TEST_F(SessionTest, AForgedCookieIsRefused) {
  log_in();
  cookie_ = "thematica_session=" + std::string(64, 'a');
  EXPECT_EQ(get("/api/codes").status, 401);
}

TEST_F(SessionTest, AnotherHostNameIsRefused) {
  log_in();
  httplib::Headers h = headers();
  h.emplace("Host", "attacker.example:" + std::to_string(port_));
  auto res = client_->Get("/api/codes", h);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(Json::parse(res->body)["error"]["message"],
            "requests must name this machine as their host");
}

TEST_F(SessionTest, ServesTheEmbeddedFrontEndForEveryPage) {
  log_in();
  for (const char* path : {"/", "/reader"}) {
    auto res = client_->Get(path, headers());
    ASSERT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(res->body.find("<div id=\"app\"></div>"), std::string::npos);
  }
  auto res = client_->Get("/api/no-such-call", headers());
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(Json::parse(res->body)["error"]["code"], "not_found");
}

TEST_F(SessionTest, ABodyOverTheLimitIsRefusedWithAMessage) {
  TearDown();
  server::ServeOptions options;
  options.max_body_bytes = 1 << 20;
  start(options);
  log_in();
  std::string big(2 << 20, ' ');
  auto res = client_->Post("/api/codes", headers(), big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(Json::parse(res->body)["error"]["message"],
            "the request is larger than the 1 MiB limit");
  EXPECT_EQ(event_count(), 0);
}

TEST(ServeOptionsTest, AnAddressBeyondThisMachineNeedsAllowRemote) {
  TempDir dir;
  auto store = create_project_file(dir.file("p.thematica"));
  ASSERT_TRUE(store);
  server::ServeOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  server::WorkspaceServer refused(**store, options);
  auto port = refused.bind();
  ASSERT_FALSE(port);
  EXPECT_EQ(port.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(port.error().message.find("use --allow-remote"), std::string::npos);
}

TEST(SessionCookieTest, FindsItsCookieAmongOthers) {
  EXPECT_EQ(server::cookie_value("a=1; thematica_session=xyz; b=2", "thematica_session"), "xyz");
  EXPECT_EQ(server::cookie_value("thematica_session_old=1", "thematica_session"), std::nullopt);
  EXPECT_EQ(server::cookie_value("", "thematica_session"), std::nullopt);
}

}  // namespace
}  // namespace thematica::testing
