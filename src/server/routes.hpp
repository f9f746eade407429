#pragma once
// The API's routes, in one table: method, path pattern (an ECMAScript regex whose captures become
// ApiRequest::matches) and handler.

#include <vector>

#include "server/api.hpp"

namespace thematica::server {

struct Route {
  Route(const char* method_, const char* pattern_, Handler handler_, bool alone_ = false)
      : method(method_), pattern(pattern_), handler(handler_), alone(alone_) {}

  const char* method;  // GET, POST, PATCH, PUT, DELETE
  const char* pattern;
  Handler handler;
  bool alone;  // run outside any group of calls (see CallQueue::Kind::kAlone)
};

const std::vector<Route>& api_routes();

}  // namespace thematica::server
