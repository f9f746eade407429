// thematica_report_bench: times the manuscript reports at the scale, 1,000 one-hour
// focus-group transcripts with 1,000,000 codings, and prints a table.
//
//   thematica_report_bench [--runs R] [--dir DIR]
//
// The project is built the way a study's is: the transcripts are imported from WebVTT files
// (speakers become cases), each speaker gets a role (four groups), and two coders' codings are
// spread over a 10-theme, 50-code codebook. Timed, each on the project file with reading
// included: the theme tables by role with 3 quotes per theme (which include the themes-by-role
// matrix), the same written as a Word file, and the matrix alone.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "corpus.hpp"
#include "services/cases_service.hpp"
#include "services/code_matrix.hpp"
#include "services/import_service.hpp"
#include "services/report_corpus.hpp"
#include "services/saved_reports.hpp"
#include "services/theme_report.hpp"
#include "store/project_file.hpp"
#include "timing.hpp"
#include "transcripts.hpp"

namespace thematica::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Every speaker case gets a role: the facilitator shared by all sessions "FAC", the others in
// turn MS, SGA and CL.
void assign_roles(Store& store) {
  ServiceContext ctx{store, "bench"};
  value_or_die(add_variable(ctx, "role", VariableType::kCategory, {"FAC", "MS", "SGA", "CL"}));
  auto variables = value_or_die(store.variables());
  Id role = 0;
  for (const auto& v : variables) {
    if (v.name == "role") role = v.id;
  }
  auto cases = value_or_die(store.cases());
  const char* groups[] = {"MS", "SGA", "CL"};
  std::vector<CaseValue> values;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    bool facilitator = cases[i].name.find("Facilitator") != std::string::npos;
    values.push_back({cases[i].id, role, facilitator ? "FAC" : groups[i % 3]});
  }
  value_or_die(store.change("case.values", "bench", [&]() -> Result<std::string> {
    TRY_STATUS(store.set_case_values(values));
    return "roles";
  }));
}

void add_codebook_and_codings(Store& store, std::int64_t codings) {
  std::vector<Id> leaves;
  value_or_die(store.change("codebook.import", "bench", [&]() -> Result<std::string> {
    std::vector<Id> themes;
    for (int t = 0; t < 10; ++t) {
      Code theme{0, {}, std::nullopt, fmt::format("Theme {}", t), "#999999", {}};
      theme.description.definition = fmt::format("What theme {} is about", t);
      TRY(id, store.insert_code(theme));
      themes.push_back(id);
    }
    for (int c = 0; c < 50; ++c) {
      TRY(id, store.insert_code(Code{0,
                                     {},
                                     themes[static_cast<std::size_t>(c % 10)],
                                     fmt::format("Code {}", c),
                                     "#999999",
                                     {}}));
      leaves.push_back(id);
    }
    return "codebook";
  }));
  auto docs = value_or_die(store.documents());
  CorpusSpec spec;
  spec.codings = codings;
  value_or_die(store.change("coding.import", "bench", [&]() -> Result<std::string> {
    std::vector<Id> coders;
    for (const char* name : {"ana", "ben"}) {
      TRY(coder, store.insert_coder(name));
      coders.push_back(coder.id);
    }
    TRY(n, store.insert_codings(random_codings(docs, leaves, coders, spec)));
    return fmt::format("{} codings", n);
  }));
}

}  // namespace
}  // namespace thematica::bench

int main(int argc, char** argv) {
  using namespace thematica;
  using namespace thematica::bench;
  int runs = 3, transcripts = 1000;
  std::int64_t codings = 1'000'000;
  std::string dir = "/tmp/thematica-report-bench";
  CLI::App app{"Times theme tables and matrices on a large generated study"};
  app.add_option("--runs", runs, "Timed runs (median reported)");
  app.add_option("--transcripts", transcripts, "One-hour WebVTT transcripts");
  app.add_option("--codings", codings, "Codings over them");
  app.add_option("--dir", dir, "Where to build the project (removed first)");
  CLI11_PARSE(app, argc, argv);

  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/vtt");
  auto setup = Clock::now();
  auto files = write_vtt_transcripts(dir + "/vtt", transcripts, 42);
  auto store = value_or_die(create_project_file(dir + "/study.thematica"));
  value_or_die(import_documents(ServiceContext{*store, "bench"}, files, {}));
  assign_roles(*store);
  add_codebook_and_codings(*store, codings);
  double setup_s = std::chrono::duration<double>(Clock::now() - setup).count();
  fmt::print("built the project in {:.1f} s: {} transcripts, {} codings\n", setup_s, transcripts,
             codings);

  ThemeReportSettings themes;
  for (int t = 0; t < 10; ++t) themes.codes.push_back(fmt::format("Theme {}", t));
  themes.group_by = "role";
  themes.speaker_ids = true;
  report::ThemeReport report;
  double tables_ms =
      median_ms(runs, [&] { report = value_or_die(build_theme_report(*store, themes)); });
  // Each file as the CLI and the web workspace make it: build, then write in the format.
  std::vector<std::pair<std::string, double>> files_ms;
  std::vector<std::size_t> file_bytes;
  for (const char* format : {"docx", "xlsx", "html"}) {
    ReportRequest request;
    request.themes = themes;
    request.format = format;
    RenderedReport made;
    files_ms.emplace_back(
        format, median_ms(runs, [&] { made = value_or_die(render_report(*store, request)); }));
    file_bytes.push_back(made.bytes.size());
  }
  CodeMatrixSettings matrix{themes.codes, "role", report::MatrixCount::kParticipants, {}};
  report::CodeMatrix m;
  double matrix_ms = median_ms(runs, [&] { m = value_or_die(build_code_matrix(*store, matrix)); });

  if (std::getenv("PHASES")) {
    CodingFilter all;
    double spans_ms = median_ms(runs, [&] { value_or_die(store->coding_spans(all)); });
    double turns_ms = median_ms(runs, [&] { value_or_die(store->utterances({})); });
    double corpus_ms = median_ms(runs, [&] { value_or_die(load_report_corpus(*store, {}, {})); });
    fmt::print("coding spans {:.0f} ms, turns {:.0f} ms, report corpus {:.0f} ms\n", spans_ms,
               turns_ms, corpus_ms);
  }
  std::size_t quotes = 0;
  for (const auto& table : report.tables) {
    for (const auto& row : table.rows) quotes += row.quotes.size();
  }
  auto line = [](const std::string& what, double ms, const std::string& result, double target) {
    fmt::print("{:<62} {:>8.0f} ms  {:<34} < {:.0f} ms  {}\n", what, ms, result, target,
               ms < target ? "yes" : "NO");
  };
  line("theme tables by role, 3 quotes, with the matrix", tables_ms,
       fmt::format("{} tables, {} quotes", report.tables.size(), quotes), 2000);
  const char* kNames[] = {"a Word file (with its chart)", "an Excel workbook", "the HTML report"};
  for (std::size_t f = 0; f < files_ms.size(); ++f) {
    line(fmt::format("  the same written as {}", kNames[f]), files_ms[f].second,
         fmt::format("{} kB", file_bytes[f] / 1024), 2000);
  }
  line("themes-by-role matrix (participants) alone", matrix_ms,
       fmt::format("{} rows x {} groups", m.rows.size(), m.columns.size()), 2000);
  return 0;
}
