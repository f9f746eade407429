#include "server/http_errors.hpp"

namespace thematica::server {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return 400;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kBusy:
      return 503;
    case ErrorKind::kUnsupported:
      return 422;
    case ErrorKind::kIo:
    case ErrorKind::kCorrupt:
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

Reply error_reply(const Error& error) {
  Reply reply;
  reply.status = http_status(error.kind);
  reply.json = error_json(error);
  return reply;
}

Reply error_reply(int status, const char* code, std::string message) {
  Reply reply;
  reply.status = status;
  reply.json = Json{{"error", Json{{"code", code}, {"message", std::move(message)}}}};
  return reply;
}

}  // namespace thematica::server
