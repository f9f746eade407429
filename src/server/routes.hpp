#pragma once
// The API's routes, in one table: method, path pattern (an ECMAScript regex whose captures become
// ApiRequest::matches) and handler.

#include <vector>

#include "server/api.hpp"

namespace thematica::server {

struct Route {
  const char* method;  // GET, POST, PATCH, PUT, DELETE
  const char* pattern;
  Handler handler;
};

const std::vector<Route>& api_routes();

}  // namespace thematica::server
