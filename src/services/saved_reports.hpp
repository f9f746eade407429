#pragma once
// Reports as requests that can be run, saved in the project under a name, and run again: the same
// project and the same request give byte-identical files, from the CLI and from the web
// workspace alike.

#include <string>
#include <vector>

#include "services/code_matrix.hpp"
#include "services/context.hpp"
#include "services/cooccurrence.hpp"
#include "services/json_codec.hpp"
#include "services/theme_report.hpp"

namespace thematica {

struct ReportRequest {
  // "themes" (theme tables), "matrix" (themes by group) or "cooccurrence" (themes that meet)
  std::string kind = "themes";
  ThemeReportSettings themes;         // when kind is "themes"
  CodeMatrixSettings matrix;          // when kind is "matrix"
  CooccurrenceSettings cooccurrence;  // when kind is "cooccurrence"
  std::string format = "csv";         // csv, docx, xlsx or html
};

// {"kind": …, "format": …, "settings": {…}} with the settings' fields by their CLI names
// (codes, group_by, tag, quotes, speaker_ids, without_fillers, max_words, coders, labels as
// [[value, text]] for themes; codes, by, count, coders for a matrix; codes, within ("overlap" or
// "turn"), coders for co-occurrence).
Json report_request_json(const ReportRequest& request);
// Errors: kInvalidInput naming the field that is missing, of the wrong type, or unknown.
Result<ReportRequest> report_request_from_json(const Json& json);

// A report made: the file's bytes and what a front door says about it.
struct RenderedReport {
  std::string bytes;
  std::string content_type;          // e.g. "application/vnd.openxmlformats-officedocument…"
  std::string extension;             // ".docx"
  std::string methods;               // the methods paragraph
  std::size_t tables = 0;            // theme tables (themes) or 1 (matrix)
  std::size_t quotes = 0;            // quotes in all tables (themes)
  std::size_t rows = 0;              // themes in the matrix (matrix)
  std::vector<std::string> columns;  // the matrix's columns (matrix)
  std::string by;                    // the matrix's variable (matrix)
};

// Builds the report and writes it in the request's format. Errors: as build_theme_report and
// build_code_matrix; kInvalidInput for an unknown kind or format; kIo when the file cannot be
// made.
Result<RenderedReport> render_report(Store& store, const ReportRequest& request);

struct NamedReport {
  std::string name;
  ReportRequest request;
};

// Saves (or replaces) the request under `name`. Errors: kInvalidInput for an empty name or one
// with a line break, or a matrix without `by`; kNotFound for a code, variable or coder the
// request names and the project does not have.
Result<Event> save_report(const ServiceContext& ctx, const std::string& name,
                          const ReportRequest& request);
// By name.
Result<std::vector<NamedReport>> saved_reports(Store& store);
// Errors: kNotFound naming the saved reports there are.
Result<ReportRequest> saved_report(Store& store, const std::string& name);
// Errors: kNotFound as saved_report.
Result<Event> delete_saved_report(const ServiceContext& ctx, const std::string& name);

}  // namespace thematica
