// thematica_agreement_bench: times agreement at the scale on generated data and prints a
// table. Deterministic for a given seed.
//
//   thematica_agreement_bench [--runs R] [--dir DIR] [--no-project]
//
// 1. Krippendorff's alpha, 10 coders x 200,000 units with 5% missing values, nominal (5
//    categories) and interval (scores 1..7).
// 2. Krippendorff's bootstrap of it, 20,000 samples.
// 3. Segment agreement between two coders over 1,000 transcripts with 200,000 codings each: the
//    computation alone, and `agree` end to end on a project file (reading the codings included).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "analysis/agreement_units.hpp"
#include "corpus.hpp"
#include "services/project_agreement.hpp"
#include "stats/alpha_bootstrap.hpp"
#include "stats/krippendorff_alpha.hpp"
#include "store/project_file.hpp"
#include "timing.hpp"

namespace thematica::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Coders who mostly agree: each unit has a true value that each coder reports with probability
// .8 (otherwise a random one); 5% of the cells are missing.
Ratings reliability_data(std::size_t units, std::size_t coders, int values, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> value(1, values);
  std::uniform_real_distribution<double> unit(0, 1);
  Ratings r(units, coders);
  for (std::size_t u = 0; u < units; ++u) {
    int truth = value(rng);
    for (std::size_t c = 0; c < coders; ++c) {
      if (unit(rng) < 0.05) continue;
      r.set(u, c, unit(rng) < 0.8 ? truth : value(rng));
    }
  }
  return r;
}

// Two coders' codings of the same transcripts: the second coder codes 80% of the first coder's
// passages alike (boundaries moved by up to 5 characters), 5% with another code, and places the
// rest anywhere.
AgreementData coded_transcripts(int documents, std::int64_t length, std::size_t codes,
                                std::size_t per_coder, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> doc(0, static_cast<std::uint32_t>(documents - 1)),
      code(0, static_cast<std::uint32_t>(codes - 1));
  std::uniform_int_distribution<std::int64_t> size(20, 400), jitter(-5, 5);
  std::uniform_real_distribution<double> unit(0, 1);
  AgreementData data;
  data.coders = 2;
  data.codes = codes;
  data.document_lengths.assign(static_cast<std::size_t>(documents), length);
  auto place = [&](std::uint32_t c) {
    std::int64_t len = size(rng);
    std::int64_t start = std::uniform_int_distribution<std::int64_t>(0, length - len)(rng);
    return CodedSpan{doc(rng), c, 0, start, start + len};
  };
  for (std::size_t i = 0; i < per_coder; ++i) {
    CodedSpan first = place(code(rng));
    data.spans.push_back(first);
    double roll = unit(rng);
    CodedSpan second = roll < 0.85 ? first : place(code(rng));
    second.coder = 1;
    if (roll < 0.85) {
      second.start = std::clamp<std::int64_t>(first.start + jitter(rng), 0, first.end - 1);
      second.end = std::clamp<std::int64_t>(first.end + jitter(rng), second.start + 1, length);
      if (roll >= 0.8) second.code = (first.code + 1) % static_cast<std::uint32_t>(codes);
    }
    data.spans.push_back(second);
  }
  return data;
}

struct Row {
  std::string operation, result, target;
  bool meets;
};

void print(const std::vector<Row>& rows) {
  std::printf("\n%-62s %-34s %-10s %s\n", "operation", "result", "target", "meets");
  for (const auto& r : rows) {
    std::printf("%-62s %-34s %-10s %s\n", r.operation.c_str(), r.result.c_str(), r.target.c_str(),
                r.meets ? "yes" : "NO");
  }
}

void time_alpha(int runs, std::vector<Row>& rows) {
  for (auto [level, values] : {std::pair{Level::kNominal, 5}, std::pair{Level::kInterval, 7}}) {
    auto ratings = reliability_data(200'000, 10, values, 7);
    Coefficient alpha;
    double ms = median_ms(runs, [&] { alpha = krippendorff_alpha(ratings, level); });
    rows.push_back(
        {fmt::format("alpha ({}), 10 coders x 200,000 units, 5% missing", level_name(level)),
         fmt::format("{:.0f} ms (alpha {:.4f})", ms, alpha.value.value_or(-9)), "< 200 ms",
         ms < 200});
    auto data = pairable_values(ratings);
    AlphaInterval interval;
    ms = median_ms(std::max(1, runs / 2), [&] {
      interval = value_or_die(bootstrap_alpha(data, level, BootstrapOptions{}));
    });
    rows.push_back({fmt::format("  its bootstrap, 20,000 samples ({})", level_name(level)),
                    fmt::format("{:.0f} ms ([{:.4f}, {:.4f}])", ms, interval.low, interval.high),
                    "< 2000 ms", ms < 2000});
  }
}

void time_segments(int runs, std::vector<Row>& rows) {
  auto data = coded_transcripts(1000, 50'000, 50, 200'000, 11);
  double pooled = 0;
  double ms = median_ms(runs, [&] {
    auto tables = presence_by_code(data, AgreementUnit::kSegment, 0.9);
    PresenceTable all(2);
    for (const auto& t : tables) all.append(t);
    pooled = krippendorff_alpha(all.coincidences(), Level::kNominal).value.value_or(-9);
  });
  rows.push_back({"segment agreement, 2 coders x 200,000 codings (computation)",
                  fmt::format("{:.0f} ms (pooled alpha {:.4f})", ms, pooled), "< 1000 ms",
                  ms < 1000});
}

// The same on a project file: 1,000 transcripts of 50,000 characters, codings inserted as the
// generator placed them.
void time_project(int runs, const std::string& dir, std::vector<Row>& rows) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = value_or_die(create_project_file(dir + "/agreement.thematica"));
  CorpusSpec spec;
  spec.documents = 1000;
  spec.document_bytes = 50'000;
  auto codes = value_or_die(generate_documents_and_codes(*store, spec));
  auto documents = value_or_die(store->documents());
  auto data = coded_transcripts(1000, 49'000, codes.size(), 200'000, 11);
  std::vector<Id> coders;
  value_or_die(store->change("coding.import", "bench", [&]() -> Result<std::string> {
    for (const char* name : {"ana", "ben"}) {
      TRY(coder, store->insert_coder(name));
      coders.push_back(coder.id);
    }
    std::vector<NewCoding> codings(data.spans.size());
    for (std::size_t i = 0; i < codings.size(); ++i) {
      const auto& s = data.spans[i];
      codings[i].document_id = documents[s.document].id;
      codings[i].code_id = codes[s.code];
      codings[i].coder_id = coders[s.coder];
      codings[i].range = {static_cast<std::uint64_t>(s.start), static_cast<std::uint64_t>(s.end)};
    }
    TRY(n, store->insert_codings(codings));
    return fmt::format("{} codings", n);
  }));
  ProjectAgreementOptions options;
  options.scope.coders = {"ana", "ben"};
  for (bool interval : {false, true}) {
    if (!interval) options.bootstrap.reset();
    if (interval) options.bootstrap = BootstrapOptions{};
    ProjectAgreement result;
    double ms = median_ms(runs, [&] { result = value_or_die(project_agreement(*store, options)); });
    rows.push_back(
        {interval ? "  the same with 51 bootstraps of 20,000 samples"
                  : "agree --unit segment on a project file (reading included)",
         fmt::format("{:.0f} ms (pooled alpha {:.4f})", ms, result.pooled.alpha.value.value_or(-9)),
         "-", true});
  }
}

}  // namespace
}  // namespace thematica::bench

int main(int argc, char** argv) {
  using namespace thematica::bench;
  int runs = 5;
  bool project = true;
  std::string dir = "/tmp/thematica-agreement-bench";
  CLI::App app{"Times agreement on generated data"};
  app.add_option("--runs", runs, "Timed runs (median reported)");
  app.add_option("--dir", dir, "Where to build the project (removed first)");
  app.add_flag("!--no-project", project, "Skip the end-to-end run on a project file");
  CLI11_PARSE(app, argc, argv);
  std::vector<Row> rows;
  time_alpha(runs, rows);
  time_segments(runs, rows);
  if (project) time_project(std::max(1, runs / 2), dir, rows);
  print(rows);
  return 0;
}
