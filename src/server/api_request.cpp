#include "server/api.hpp"

#include <charconv>

namespace thematica::server {

std::optional<std::string> ApiRequest::param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ApiRequest::params(const std::string& name) const {
  std::vector<std::string> out;
  auto [first, last] = query.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (!it->second.empty()) out.push_back(it->second);
  }
  return out;
}

Result<Id> ApiRequest::id(std::size_t capture) const {
  const std::string& text = matches.at(capture);
  Id value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return failf(ErrorKind::kInvalidInput, "'{}' is not an id", text);
  }
  return value;
}

Result<Json> ApiRequest::json() const {
  if (body == nullptr || body->empty()) {
    return fail(ErrorKind::kInvalidInput, "the request needs a JSON body");
  }
  Json parsed = Json::parse(*body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return fail(ErrorKind::kInvalidInput, "the request body is not valid JSON");
  }
  if (!parsed.is_object()) {
    return fail(ErrorKind::kInvalidInput, "the request body must be a JSON object");
  }
  return parsed;
}

Result<std::string> ApiRequest::require_coder() const {
  if (coder.empty()) {
    return fail(ErrorKind::kInvalidInput, "choose a coder first (the coder menu at the top)");
  }
  return coder;
}

Result<std::string> string_field(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) {
    return failf(ErrorKind::kInvalidInput, "'{}' is required and must be a string", name);
  }
  return it->get<std::string>();
}

std::optional<std::string> optional_string(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Result<std::optional<std::string>> checked_optional_string(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return failf(ErrorKind::kInvalidInput, "'{}' must be a string", name);
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::uint64_t>> position_field(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<std::uint64_t>();
  if (!it->is_number_unsigned()) {
    return failf(ErrorKind::kInvalidInput,
                 "'{}' must be a position: a whole number of code points from 0", name);
  }
  return std::optional<std::uint64_t>(it->get<std::uint64_t>());
}

Result<std::optional<bool>> bool_field(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return failf(ErrorKind::kInvalidInput, "'{}' must be true or false", name);
  return std::optional<bool>(it->get<bool>());
}

Result<std::vector<std::string>> string_list(const Json& body, const char* name) {
  auto it = body.find(name);
  std::vector<std::string> out;
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return failf(ErrorKind::kInvalidInput, "'{}' must be a list", name);
  for (const auto& item : *it) {
    if (!item.is_string()) {
      return failf(ErrorKind::kInvalidInput, "'{}' must be a list of strings", name);
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

Reply ok(Json json, int status) {
  Reply r;
  r.status = status;
  r.json = std::move(json);
  return r;
}

Reply event_reply(const Event& event, Json extra) {
  extra["event"] = event;
  return ok(std::move(extra));
}

}  // namespace thematica::server
