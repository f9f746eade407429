// The project as a whole: its coders, change log and undo.

#include "server/handlers.hpp"
#include "services/coders.hpp"
#include "services/history.hpp"

namespace thematica::server {

Result<Reply> get_coders(Store& store, const ApiRequest&) {
  TRY(coders, list_coders(store));
  return ok(Json{{"coders", coders}});
}

Result<Reply> post_coder(Store& store, const ApiRequest& request) {
  TRY(body, request.json());
  TRY(name, string_field(body, "name"));
  TRY(event, add_coder(ServiceContext{store, name}, name));
  return ok(Json{{"event", event}}, 201);
}

Result<Reply> get_history(Store& store, const ApiRequest& request) {
  std::int64_t limit = 200;
  if (auto text = request.param("limit"))
    limit = std::max<std::int64_t>(1, std::atoll(text->c_str()));
  TRY(events, change_log(store, limit));
  return ok(Json{{"events", events}});
}

Result<Reply> post_undo(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(event, undo_last_change(ServiceContext{store, coder}));
  return event_reply(event);
}

}  // namespace thematica::server
