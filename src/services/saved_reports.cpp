#include "services/saved_reports.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "core/temp_folder.hpp"
#include "report/cooccurrence_writers.hpp"
#include "report/matrix_csv.hpp"
#include "report/matrix_docx.hpp"
#include "report/matrix_html.hpp"
#include "report/matrix_xlsx.hpp"
#include "report/theme_csv.hpp"
#include "report/theme_docx.hpp"
#include "report/theme_html.hpp"
#include "report/theme_xlsx.hpp"
#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

struct Format {
  const char* name;
  const char* content_type;
};

constexpr Format kFormats[] = {
    {"csv", "text/csv; charset=utf-8"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"html", "text/html; charset=utf-8"},
};

Result<const Format*> find_format(const std::string& name) {
  for (const auto& f : kFormats) {
    if (name == f.name) return &f;
  }
  return failf(ErrorKind::kInvalidInput, "'format' must be csv, docx, xlsx or html, not '{}'",
               name);
}

const char* count_name(report::MatrixCount count) {
  switch (count) {
    case report::MatrixCount::kSegments:
      return "segments";
    case report::MatrixCount::kDocuments:
      return "documents";
    case report::MatrixCount::kParticipants:
      break;
  }
  return "participants";
}

// Reads fields off a settings object, remembering the first error and refusing unknown fields
// (a misspelt option must not be silently ignored).
class Fields {
 public:
  explicit Fields(const Json& object) : object_(object) {}

  template <typename T>
  void read(const char* name, T& into) {
    auto found = object_.find(name);
    known_.emplace_back(name);
    if (found == object_.end() || !status_) return;
    try {
      into = found->get<T>();
    } catch (const Json::exception&) {
      status_ = failf(ErrorKind::kInvalidInput, "report setting '{}' has the wrong type", name);
    }
  }

  Status finish() {
    if (!status_) return status_;
    for (const auto& [key, value] : object_.items()) {
      if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        return failf(ErrorKind::kInvalidInput, "unknown report setting '{}' (known: {})", key,
                     fmt::join(known_, ", "));
      }
    }
    return {};
  }

 private:
  const Json& object_;
  std::vector<std::string> known_;
  Status status_;
};

template <typename Writer>
Result<std::string> via_file(std::string_view extension, Writer write) {
  TempFolder folder("thematica-report");
  TRY(path, folder.file(std::string("report") + std::string(extension)));
  if (auto written = write(path); !written) {
    // The temporary file's name means nothing to the user; what went wrong does.
    return failf(ErrorKind::kIo, "could not make the {} file: {}", extension.substr(1),
                 written.error().message);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return fail(ErrorKind::kIo, "cannot read back the report file");
  return bytes.str();
}

// How one kind of report is written in each format.
template <typename Report>
struct Writers {
  report::DocxDocument (*docx)(const Report&);
  report::XlsxWorkbook (*xlsx)(const Report&);
  std::string (*html)(const Report&);
  std::string (*csv)(const Report&);
};

template <typename Report>
Result<std::string> file_of(const Report& report, const std::string& format,
                            const Writers<Report>& writers) {
  if (format == "docx") {
    return via_file(".docx", [&](const std::string& p) { return writers.docx(report).write(p); });
  }
  if (format == "xlsx") {
    return via_file(".xlsx", [&](const std::string& p) { return writers.xlsx(report).write(p); });
  }
  return format == "html" ? writers.html(report) : writers.csv(report);
}

constexpr Writers<report::ThemeReport> kThemeWriters{
    report::theme_report_docx, report::theme_report_xlsx, report::theme_report_html,
    report::theme_report_csv};
constexpr Writers<report::CodeMatrix> kMatrixWriters{
    report::code_matrix_docx, report::code_matrix_xlsx, report::code_matrix_html,
    report::code_matrix_csv};
constexpr Writers<report::Cooccurrence> kCooccurrenceWriters{
    report::cooccurrence_docx, report::cooccurrence_xlsx, report::cooccurrence_html,
    report::cooccurrence_csv};

// What a request names must exist; running it then fails only for reasons of the moment (a full
// disk). Cheaper than building the report, which a large project takes seconds for.
Status check_names(Store& store, const ReportRequest& request) {
  bool matrix = request.kind == "matrix";
  if (matrix && request.matrix.by.empty()) {
    return fail(ErrorKind::kInvalidInput, "a matrix needs 'by': a case variable or 'document'");
  }
  const auto& codes = matrix                           ? request.matrix.codes
                      : request.kind == "cooccurrence" ? request.cooccurrence.codes
                                                       : request.themes.codes;
  const auto& coders = matrix                           ? request.matrix.coders
                       : request.kind == "cooccurrence" ? request.cooccurrence.coders
                                                        : request.themes.coders;
  TRY(book, load_codebook(store));
  TRY_STATUS(report_themes(book, codes).map([](const auto&) {}));
  TRY_STATUS(require_coders(store, coders).map([](const auto&) {}));
  std::vector<std::string> variables;
  if (matrix && request.matrix.by != "document") variables.push_back(request.matrix.by);
  if (request.kind == "themes") variables = {request.themes.group_by, request.themes.tag};
  for (const auto& name : variables) {
    if (!name.empty()) TRY_STATUS(require_variable(store, name).map([](const auto&) {}));
  }
  return {};
}

}  // namespace

Json report_request_json(const ReportRequest& request) {
  Json settings;
  if (request.kind == "cooccurrence") {
    const CooccurrenceSettings& c = request.cooccurrence;
    settings = Json{{"codes", c.codes},
                    {"within", c.within == report::Within::kTurn ? "turn" : "overlap"},
                    {"coders", c.coders}};
  } else if (request.kind == "matrix") {
    const CodeMatrixSettings& m = request.matrix;
    settings = Json{
        {"codes", m.codes}, {"by", m.by}, {"count", count_name(m.count)}, {"coders", m.coders}};
  } else {
    const ThemeReportSettings& t = request.themes;
    Json labels = Json::array();
    for (const auto& [value, text] : t.labels) labels.push_back(Json::array({value, text}));
    settings = Json{{"codes", t.codes},
                    {"group_by", t.group_by},
                    {"tag", t.tag},
                    {"quotes", t.quotes},
                    {"speaker_ids", t.speaker_ids},
                    {"without_fillers", t.without_fillers},
                    {"max_words", t.max_words},
                    {"coders", t.coders},
                    {"labels", labels}};
  }
  return Json{{"kind", request.kind}, {"format", request.format}, {"settings", settings}};
}

Result<ReportRequest> report_request_from_json(const Json& json) {
  if (!json.is_object()) return fail(ErrorKind::kInvalidInput, "a report request is a JSON object");
  ReportRequest out;
  Fields top(json);
  top.read("kind", out.kind);
  top.read("format", out.format);
  Json settings = Json::object();
  top.read("settings", settings);
  TRY_STATUS(top.finish());
  if (out.kind != "themes" && out.kind != "matrix" && out.kind != "cooccurrence") {
    return failf(ErrorKind::kInvalidInput,
                 "'kind' must be themes, matrix or cooccurrence, not '{}'", out.kind);
  }
  TRY_STATUS(find_format(out.format).map([](const Format*) {}));
  if (!settings.is_object()) {
    return fail(ErrorKind::kInvalidInput, "'settings' must be a JSON object");
  }
  Fields fields(settings);
  if (out.kind == "cooccurrence") {
    std::string within = "overlap";
    fields.read("codes", out.cooccurrence.codes);
    fields.read("within", within);
    fields.read("coders", out.cooccurrence.coders);
    TRY_STATUS(fields.finish());
    if (within != "overlap" && within != "turn") {
      return failf(ErrorKind::kInvalidInput, "'within' must be overlap or turn, not '{}'", within);
    }
    out.cooccurrence.within = within == "turn" ? report::Within::kTurn : report::Within::kOverlap;
    return out;
  }
  if (out.kind == "matrix") {
    std::string count = "participants";
    fields.read("codes", out.matrix.codes);
    fields.read("by", out.matrix.by);
    fields.read("count", count);
    fields.read("coders", out.matrix.coders);
    TRY_STATUS(fields.finish());
    if (count == "segments") {
      out.matrix.count = report::MatrixCount::kSegments;
    } else if (count == "documents") {
      out.matrix.count = report::MatrixCount::kDocuments;
    } else if (count != "participants") {
      return failf(ErrorKind::kInvalidInput,
                   "'count' must be participants, segments or documents, not '{}'", count);
    }
    return out;
  }
  ThemeReportSettings& t = out.themes;
  std::vector<std::vector<std::string>> labels;
  fields.read("codes", t.codes);
  fields.read("group_by", t.group_by);
  fields.read("tag", t.tag);
  fields.read("quotes", t.quotes);
  fields.read("speaker_ids", t.speaker_ids);
  fields.read("without_fillers", t.without_fillers);
  fields.read("max_words", t.max_words);
  fields.read("coders", t.coders);
  fields.read("labels", labels);
  TRY_STATUS(fields.finish());
  for (const auto& label : labels) {
    if (label.size() != 2 || label[0].empty()) {
      return fail(
          ErrorKind::kInvalidInput,
          "each of 'labels' is [value, spelled-out form], e.g. [\"MS\", \"medical student\"]");
    }
    t.labels.emplace_back(label[0], label[1]);
  }
  return out;
}

Result<RenderedReport> render_report(Store& store, const ReportRequest& request) {
  TRY(format, find_format(request.format));
  RenderedReport out;
  out.content_type = format->content_type;
  out.extension = std::string(".") + format->name;
  if (request.kind == "themes") {
    TRY(built, build_theme_report(store, request.themes));
    TRY(bytes, file_of(built, request.format, kThemeWriters));
    out.bytes = std::move(bytes);
    out.methods = built.methods;
    out.tables = built.tables.size();
    for (const auto& table : built.tables) {
      for (const auto& row : table.rows) out.quotes += row.quotes.size();
    }
    return out;
  }
  if (request.kind == "cooccurrence") {
    TRY(built, build_cooccurrence(store, request.cooccurrence));
    TRY(bytes, file_of(built, request.format, kCooccurrenceWriters));
    out.bytes = std::move(bytes);
    out.methods = built.methods;
    out.tables = 1;
    out.rows = built.paths.size();
    out.columns = built.paths;
    return out;
  }
  if (request.kind != "matrix") {
    return failf(ErrorKind::kInvalidInput, "a report is themes, matrix or cooccurrence, not '{}'",
                 request.kind);
  }
  TRY(built, build_code_matrix(store, request.matrix));
  TRY(bytes, file_of(built, request.format, kMatrixWriters));
  out.bytes = std::move(bytes);
  out.methods = built.methods;
  out.tables = 1;
  out.rows = built.rows.size();
  out.columns = built.columns;
  out.by = built.by;
  return out;
}

Result<Event> save_report(const ServiceContext& ctx, const std::string& name,
                          const ReportRequest& request) {
  if (name.empty() || name.find_first_of("\r\n") != std::string::npos) {
    return fail(ErrorKind::kInvalidInput, "a saved report needs a name on one line");
  }
  // A request naming what is not there is refused now, not when someone runs it next month.
  TRY_STATUS(check_names(ctx.store, request));
  return ctx.store.change("report.save", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(ctx.store.save_report(
        SavedReport{0, name, request.kind, report_request_json(request).dump()}));
    return fmt::format("saved the report settings '{}'", name);
  });
}

Result<std::vector<NamedReport>> saved_reports(Store& store) {
  TRY(saved, store.saved_reports());
  std::vector<NamedReport> out;
  for (const auto& s : saved) {
    Json json = Json::parse(s.settings, nullptr, /*allow_exceptions=*/false);
    TRY(request, report_request_from_json(json));
    out.push_back({s.name, std::move(request)});
  }
  return out;
}

Result<ReportRequest> saved_report(Store& store, const std::string& name) {
  TRY(all, saved_reports(store));
  std::vector<std::string> names;
  for (auto& report : all) {
    if (report.name == name) return std::move(report.request);
    names.push_back(report.name);
  }
  if (names.empty()) {
    return failf(ErrorKind::kNotFound,
                 "no saved report '{}': this project has none yet (save one with --save NAME)",
                 name);
  }
  return failf(ErrorKind::kNotFound, "no saved report '{}'; saved: {}", name,
               fmt::join(names, ", "));
}

Result<Event> delete_saved_report(const ServiceContext& ctx, const std::string& name) {
  TRY_STATUS(saved_report(ctx.store, name).map([](const ReportRequest&) {}));
  return ctx.store.change("report.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(ctx.store.delete_saved_report(name).map([](bool) {}));
    return fmt::format("deleted the saved report '{}'", name);
  });
}

}  // namespace thematica
