#pragma once
// The JSON API's request and reply, independent of the HTTP library: handlers (handlers_*.cpp)
// decode an ApiRequest, call a service, and encode a Reply. The server serialises calls, so a
// handler may use the store freely.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "services/context.hpp"
#include "services/json_codec.hpp"
#include "services/pseudonym_key_file.hpp"
#include "services/pseudonymisation_review.hpp"

namespace thematica::server {

struct UploadedFile {
  std::string name;  // the file name the browser sent (no directories)
  std::string content;
};

struct ApiRequest {
  std::vector<std::string> matches;  // the route pattern's captures, in order
  std::multimap<std::string, std::string> query;
  const std::string* body = nullptr;
  std::vector<UploadedFile> files;  // multipart uploads
  std::string coder;                // X-Thematica-Coder: who is acting (may be empty)
  const KeyAccess* key = nullptr;   // the project's key, when the server was given one
  const std::vector<KnownIdentifier>* known = nullptr;  // for pseudonymisation, when given

  // The first value of a query parameter, or nullopt.
  std::optional<std::string> param(const std::string& name) const;
  // Every value of a repeated query parameter (?code=A&code=B).
  std::vector<std::string> params(const std::string& name) const;
  // A capture as an id. Errors: kInvalidInput.
  Result<Id> id(std::size_t capture) const;
  // The body as a JSON object. Errors: kInvalidInput naming where the JSON breaks.
  Result<Json> json() const;
  // The acting coder. Errors: kInvalidInput when none is chosen.
  Result<std::string> require_coder() const;
};

struct Reply {
  int status = 200;
  Json json;
  std::string raw;           // sent instead of json when content_type is set
  std::string content_type;  // e.g. "text/csv; charset=utf-8"
  std::string filename;      // offered as a download under this name
};

using Handler = Result<Reply> (*)(Store& store, const ApiRequest& request);

// Field readers for JSON bodies; each error names the field and what it must be.
Result<std::string> string_field(const Json& body, const char* name);
std::optional<std::string> optional_string(const Json& body, const char* name);
Result<std::optional<std::string>> checked_optional_string(const Json& body, const char* name);
Result<std::optional<std::uint64_t>> position_field(const Json& body, const char* name);
Result<std::optional<bool>> bool_field(const Json& body, const char* name);
Result<std::vector<std::string>> string_list(const Json& body, const char* name);

// Replies.
Reply ok(Json json, int status = 200);
Reply event_reply(const Event& event, Json extra = Json::object());

}  // namespace thematica::server
