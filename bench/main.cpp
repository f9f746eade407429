// thematica_bench: times the hot paths on a generated project and prints a table.
// Each measurement runs in a child process, so the peak memory reported is that operation's own.
//
//   thematica_bench [--documents N] [--document-bytes B] [--codings N] [--runs R] [--dir DIR]
//
// Defaults are the targets' scale: 1,000 documents of 100 kB (100 MB of text), 1,000,000 codings.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "core/allocator.hpp"
#include "corpus.hpp"
#include "services/documents.hpp"
#include "services/import_service.hpp"
#include "services/qdpx_export.hpp"
#include "services/qdpx_import.hpp"
#include "services/retrieval.hpp"
#include "services/search_service.hpp"
#include "services/survey_import.hpp"
#include "store/project_file.hpp"
#include "survey.hpp"
#include "transcripts.hpp"

namespace thematica::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct ChildResult {
  std::string line;    // what the child reported
  double peak_mb = 0;  // its maximum resident set
  bool ok = false;
};

// Runs `work` in a child process; `work` returns one line for the table.
ChildResult in_child(const std::function<std::string()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string line = work();
    (void)!write(fds[1], line.data(), line.size());
    _exit(0);
  }
  close(fds[1]);
  ChildResult result;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) result.line.append(buffer, n);
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  result.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !result.line.empty();
  return result;
}

std::unique_ptr<Store> open_or_die(const std::string& path) {
  auto store = open_project_file(path);
  if (!store) {
    std::fprintf(stderr, "bench: %s\n", store.error().describe().c_str());
    _exit(1);
  }
  return std::move(*store);
}

template <class T>
T value_or_die(Result<T> result) {
  if (!result) {
    std::fprintf(stderr, "bench: %s\n", result.error().describe().c_str());
    _exit(1);
  }
  return std::move(*result);
}

struct Timing {
  double first_ms = 0;   // the first call in a fresh process: cold caches
  double median_ms = 0;  // of the runs after it
};

// Times `op` once cold, then `runs` times; reports the first and the median of the rest.
Timing time_runs(int runs, const std::function<void()>& op) {
  Timing timing;
  auto start = Clock::now();
  op();
  timing.first_ms = ms_since(start);
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    start = Clock::now();
    op();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  timing.median_ms = times[times.size() / 2];
  return timing;
}

struct Row {
  std::string operation, result, target, verdict;
  double peak_mb;
};

void print(const std::vector<Row>& rows, double budget_mb) {
  std::printf("\n%-44s %-40s %-12s %-6s %s\n", "operation", "result", "target", "meets", "peak MB");
  for (const auto& r : rows) {
    std::printf("%-44s %-40s %-12s %-6s %.0f\n", r.operation.c_str(), r.result.c_str(),
                r.target.c_str(), r.verdict.c_str(), r.peak_mb);
  }
  std::printf("memory budget (2 x text + 100 B per coding): %.0f MB\n", budget_mb);
}

}  // namespace
}  // namespace thematica::bench

int main(int argc, char** argv) {
  using namespace thematica;
  using namespace thematica::bench;
  keep_freed_memory_for_reuse();  // as the front doors do
  CorpusSpec spec;
  int runs = 7;
  int transcripts = 1000;
  int respondents = 10000;
  std::string dir = "/tmp/thematica-bench";
  CLI::App app{"Times Thematica's hot paths on a generated project"};
  app.add_option("--documents", spec.documents, "Documents in the corpus");
  app.add_option("--document-bytes", spec.document_bytes, "Bytes of text per document");
  app.add_option("--codings", spec.codings, "Codings to import");
  app.add_option("--runs", runs, "Timed runs per query (median reported)");
  app.add_option("--transcripts", transcripts, "One-hour WebVTT transcripts to import (0: none)");
  app.add_option("--respondents", respondents, "Survey respondents to import (0: none)");
  app.add_option("--dir", dir, "Where to build the project (removed first)");
  CLI11_PARSE(app, argc, argv);

  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = dir + "/bench.thematica";
  double text_mb =
      static_cast<double>(spec.documents) * static_cast<double>(spec.document_bytes) / 1e6;
  std::printf("corpus: %d documents, %.0f MB of text, %lld codings, %d runs per query\n",
              spec.documents, text_mb, static_cast<long long>(spec.codings), runs);
  std::vector<Row> rows;

  auto generated = in_child([&] {
    auto store = value_or_die(create_project_file(path));
    auto start = Clock::now();
    value_or_die(generate_documents_and_codes(*store, spec));
    return fmt::format("{:.1f} s", ms_since(start) / 1000);
  });
  rows.push_back(
      {"import documents (text + search index)", generated.line, "-", "-", generated.peak_mb});

  auto imported = in_child([&] {
    auto store = open_or_die(path);
    auto docs = value_or_die(store->documents());
    std::vector<Id> leaves;
    for (const auto& c : value_or_die(store->codes())) {
      if (c.parent_id) leaves.push_back(c.id);
    }
    std::vector<Id> coders;
    value_or_die(store->change("coder.add", "bench", [&]() -> Result<std::string> {
      for (int i = 0; i < spec.coders; ++i) {
        TRY(c, store->insert_coder("coder-" + std::to_string(i)));
        coders.push_back(c.id);
      }
      return "coders";
    }));
    auto codings = random_codings(docs, leaves, coders, spec);
    auto start = Clock::now();
    value_or_die(store->change("coding.import", "bench", [&]() -> Result<std::string> {
      TRY(n, store->insert_codings(codings));
      return std::to_string(n) + " codings";
    }));
    double seconds = ms_since(start) / 1000;
    return fmt::format("{:.0f} codings/s ({:.2f} s)", static_cast<double>(spec.codings) / seconds,
                       seconds);
  });
  double rate = std::atof(imported.line.c_str());
  rows.push_back({fmt::format("import {} codings (one change)", spec.codings), imported.line,
                  ">= 200000/s", rate >= 200000 ? "yes" : "NO", imported.peak_mb});

  auto retrieved = in_child([&] {
    auto store = open_or_die(path);
    SegmentQuery q;
    q.codes = {kHotCode};
    std::size_t count = 0;
    Timing t = time_runs(runs, [&] { count = value_or_die(find_segments(*store, q)).size(); });
    return fmt::format("{:.1f} ms ({} segments; first {:.0f} ms)", t.median_ms, count, t.first_ms);
  });
  double retrieve_ms = std::atof(retrieved.line.c_str());
  rows.push_back({"retrieve one code's segments with text", retrieved.line, "< 100 ms",
                  retrieve_ms < 100 ? "yes" : "NO", retrieved.peak_mb});

  auto frequencies = in_child([&] {
    auto store = open_or_die(path);
    Timing t =
        time_runs(runs, [&] { value_or_die(code_frequencies(*store, FrequencyAxis::kDocument)); });
    return fmt::format("{:.1f} ms (first {:.0f} ms)", t.median_ms, t.first_ms);
  });
  double freq_ms = std::atof(frequencies.line.c_str());
  rows.push_back({"code x document frequency table", frequencies.line, "< 200 ms",
                  freq_ms < 200 ? "yes" : "NO", frequencies.peak_mb});

  for (const char* query :
       {"compassion", "term4711", "\"never enough\"", "burn*", "shame AND guilt"}) {
    auto searched = in_child([&] {
      auto store = open_or_die(path);
      std::size_t hits = 0;
      Timing t = time_runs(runs, [&] {
        hits = value_or_die(search_text(*store, SearchQuery{query, 100, 40})).size();
      });
      return fmt::format("{:.1f} ms ({} hits; first {:.0f} ms)", t.median_ms, hits, t.first_ms);
    });
    double search_ms = std::atof(searched.line.c_str());
    rows.push_back({fmt::format("search {} (first 100 hits)", query), searched.line, "< 50 ms",
                    search_ms < 50 ? "yes" : "NO", searched.peak_mb});
  }

  // REFI-QDA: the whole project out as .qdpx, then into a new project.
  std::string qdpx = dir + "/bench.qdpx";
  auto exported = in_child([&] {
    auto store = open_or_die(path);
    auto start = Clock::now();
    auto report = value_or_die(export_qdpx(*store, qdpx, QdpxProfile::kStandard));
    return fmt::format("{:.1f} s ({} codings, {:.0f} MB file)", ms_since(start) / 1000,
                       report.codings, static_cast<double>(std::filesystem::file_size(qdpx)) / 1e6);
  });
  auto within = [](const ChildResult& r) {
    return std::atof(r.line.c_str()) < 10 && r.peak_mb < 1024 ? "yes" : "NO";
  };
  rows.push_back({"export the project as .qdpx", exported.line, "< 10 s, 1 GB", within(exported),
                  exported.peak_mb});

  auto reimported = in_child([&] {
    auto store = value_or_die(create_project_file(dir + "/from-qdpx.thematica"));
    auto start = Clock::now();
    auto report = value_or_die(import_qdpx(ServiceContext{*store, "bench"}, qdpx, {}));
    return fmt::format("{:.1f} s ({} documents, {} codings)", ms_since(start) / 1000,
                       report.documents_added, report.codings_added);
  });
  rows.push_back({"import that .qdpx into a new project", reimported.line, "< 10 s, 1 GB",
                  within(reimported), reimported.peak_mb});

  if (transcripts > 0) {
    std::string vtt_dir = dir + "/vtt";
    std::filesystem::create_directories(vtt_dir);
    auto files = write_vtt_transcripts(vtt_dir, transcripts, spec.seed);
    std::uintmax_t bytes = 0;
    for (const auto& f : files) bytes += std::filesystem::file_size(f);
    auto transcribed = in_child([&] {
      auto store = value_or_die(create_project_file(dir + "/transcripts.thematica"));
      auto start = Clock::now();
      auto docs = value_or_die(import_documents(ServiceContext{*store, "bench"}, files, {}));
      std::size_t turns = 0;
      for (const auto& d : docs.documents) turns += d.turns;
      return fmt::format("{:.1f} s ({} turns)", ms_since(start) / 1000, turns);
    });
    double seconds = std::atof(transcribed.line.c_str());
    rows.push_back({fmt::format("import {} VTT transcripts ({:.0f} MB)", transcripts,
                                static_cast<double>(bytes) / 1e6),
                    transcribed.line, "< 30 s", seconds < 30 ? "yes" : "NO", transcribed.peak_mb});
  }

  if (respondents > 0) {
    std::string csv = dir + "/survey.csv";
    write_qualtrics_export(csv, respondents, spec.seed);
    auto surveyed = in_child([&] {
      auto store = value_or_die(create_project_file(dir + "/survey.thematica"));
      auto start = Clock::now();
      auto report = value_or_die(import_survey(ServiceContext{*store, "bench"}, csv, {}));
      return fmt::format("{:.2f} s ({} questions as documents)", ms_since(start) / 1000,
                         report.documents.size());
    });
    double seconds = std::atof(surveyed.line.c_str());
    rows.push_back({fmt::format("import a {}-respondent Qualtrics export ({:.1f} MB)", respondents,
                                static_cast<double>(std::filesystem::file_size(csv)) / 1e6),
                    surveyed.line, "< 3 s", seconds < 3 ? "yes" : "NO", surveyed.peak_mb});
  }

  double budget_mb = 2 * text_mb + 100.0 * static_cast<double>(spec.codings) / 1e6;
  print(rows, budget_mb);
  return 0;
}
