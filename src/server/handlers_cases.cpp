// Participants: cases with their variables, speakers mapped to participants.

#include "server/handlers.hpp"
#include "services/cases_service.hpp"

namespace thematica::server {

Result<Reply> get_cases(Store& store, const ApiRequest&) {
  TRY(cases, list_cases(store));
  TRY(variables, list_variables(store));
  return ok(Json{{"cases", cases}, {"variables", variables}});
}

// {"case": name, "values": {"role": "student", "age": ""}}: an empty value clears it.
Result<Reply> put_case_values(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(name, string_field(body, "case"));
  auto values = body.find("values");
  if (values == body.end() || !values->is_object()) {
    return fail(ErrorKind::kInvalidInput, "'values' must be an object of variable: value");
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [variable, value] : values->items()) {
    if (!value.is_string()) {
      return failf(ErrorKind::kInvalidInput, "the value of '{}' must be a string", variable);
    }
    pairs.emplace_back(variable, value.get<std::string>());
  }
  TRY(event, set_case_values(ServiceContext{store, coder}, name, pairs));
  return event_reply(event);
}

// Maps a speaker onto a participant: the speaker's case merges into the participant's.
Result<Reply> merge_case(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(source, string_field(body, "source"));
  TRY(target, string_field(body, "target"));
  TRY(event, merge_cases(ServiceContext{store, coder}, source, target));
  return event_reply(event);
}

Result<Reply> set_case_analysed(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(name, string_field(body, "case"));
  TRY(analysed, bool_field(body, "analysed"));
  if (!analysed) return fail(ErrorKind::kInvalidInput, "'analysed' (true or false) is required");
  TRY(event, thematica::set_case_analysed(ServiceContext{store, coder}, name, *analysed));
  return event_reply(event);
}

}  // namespace thematica::server
