// Reports: made from a request (for the preview and the downloads), and report settings saved in
// the project.

#include "server/handlers.hpp"
#include "services/export_guard.hpp"
#include "services/saved_reports.hpp"

namespace thematica::server {

Result<Reply> get_reports(Store& store, const ApiRequest&) {
  TRY(saved, saved_reports(store));
  Json list = Json::array();
  for (const auto& s : saved) {
    Json entry = report_request_json(s.request);
    entry["name"] = s.name;
    list.push_back(std::move(entry));
  }
  return ok(Json{{"saved", std::move(list)}});
}

// {"name": …, "kind": …, "format": …, "settings": {…}}
Result<Reply> put_report(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(body, request.json());
  TRY(name, string_field(body, "name"));
  body.erase("name");
  TRY(report, report_request_from_json(body));
  TRY(event, save_report(ServiceContext{store, coder}, name, report));
  return event_reply(event);
}

Result<Reply> delete_report(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  auto name = request.param("name");
  if (!name) return fail(ErrorKind::kInvalidInput, "'name' (the saved report's) is required");
  TRY(event, delete_saved_report(ServiceContext{store, coder}, *name));
  return event_reply(event);
}

// {"kind": …, "format": …, "settings": {…}}: the file itself, offered for download unless it is
// the HTML preview.
Result<Reply> post_report_render(Store& store, const ApiRequest& request) {
  TRY(body, request.json());
  TRY(report, report_request_from_json(body));
  if (request.key) TRY_STATUS(guard_export(store, *request.key));
  TRY(made, render_report(store, report));
  Reply reply;
  reply.raw = std::move(made.bytes);
  reply.content_type = made.content_type;
  if (report.format != "html" || request.param("download")) {
    reply.filename = report.kind + made.extension;
  }
  return reply;
}

}  // namespace thematica::server
