#pragma once
// The one place where errors become HTTP: each ErrorKind has its status, and every error reply is
// {"error": {"code": ..., "message": ...}}.

#include "core/error.hpp"
#include "server/api.hpp"

namespace thematica::server {

int http_status(ErrorKind kind);

Reply error_reply(const Error& error);

// Errors the server itself raises before a handler runs.
Reply error_reply(int status, const char* code, std::string message);

}  // namespace thematica::server
