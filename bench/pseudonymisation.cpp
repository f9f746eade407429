// Measures how well identifier detection finds what a researcher must replace: on an annotated
// corpus of invented transcripts (bench/pseudonymisation/corpus/*.txt, identifiers marked inline
// as [[category:text]]), prints recall and precision per category, and checks that every
// occurrence of a listed known identifier (known-*.csv) is found.
//
// Recall: a marked identifier counts as found when suggestions (of any category) cover all of
// its characters, since a part left in the text discloses. Precision: a suggestion is right when
// it overlaps a marked identifier.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/identifier_detection.hpp"
#include "core/csv.hpp"

namespace {

using thematica::IdentifierCategory;
using thematica::IdentifierSpan;

struct GoldSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  IdentifierCategory category = IdentifierCategory::kPerson;
};

struct Annotated {
  std::string name;
  std::string text;  // without the markup
  std::vector<GoldSpan> gold;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

Annotated strip_markup(const std::string& name, const std::string& marked) {
  Annotated out{name, {}, {}};
  std::size_t at = 0;
  while (at < marked.size()) {
    std::size_t open = marked.find("[[", at);
    if (open == std::string::npos) break;
    std::size_t colon = marked.find(':', open);
    std::size_t close = marked.find("]]", open);
    auto category = thematica::category_from_name(marked.substr(open + 2, colon - open - 2));
    if (colon == std::string::npos || close == std::string::npos || colon > close || !category) {
      throw std::runtime_error(fmt::format("{}: bad markup at byte {}", name, open));
    }
    out.text += marked.substr(at, open - at);
    std::size_t begin = out.text.size();
    out.text += marked.substr(colon + 1, close - colon - 1);
    out.gold.push_back({begin, out.text.size(), *category});
    at = close + 2;
  }
  out.text += marked.substr(at);
  return out;
}

// "Name: text" at the start of a line: the transcript's speakers, as an importer would read them.
std::vector<std::string> speakers_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto colon = line.find(": ");
    if (colon == std::string::npos || colon > 60) continue;
    std::string label = line.substr(0, colon);
    if (label.find_first_of(".?!,") != std::string::npos) continue;
    if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
  }
  return out;
}

std::vector<thematica::KnownIdentifier> known_identifiers(const std::filesystem::path& dir) {
  std::vector<thematica::KnownIdentifier> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string file = entry.path().filename().string();
    if (!file.starts_with("known-") || !file.ends_with(".csv")) continue;
    auto rows = thematica::parse_csv(read_file(entry.path()));
    if (!rows) throw std::runtime_error(file + ": " + rows.error().message);
    for (std::size_t r = 1; r < rows->size(); ++r) {
      const std::string& identifier = (*rows)[r].at(1);
      out.push_back({identifier, thematica::guess_category(identifier), (*rows)[r].at(0)});
    }
  }
  return out;
}

// Whether suggestions cover every letter and digit of the span (a space or a hyphen between two
// suggestions discloses nothing).
bool covered(const std::string& text, const GoldSpan& g, const std::vector<IdentifierSpan>& found) {
  for (std::size_t at = g.begin; at < g.end; ++at) {
    if (!std::isalnum(static_cast<unsigned char>(text[at])) &&
        static_cast<unsigned char>(text[at]) < 0x80) {
      continue;
    }
    bool inside = std::any_of(found.begin(), found.end(),
                              [&](const IdentifierSpan& f) { return f.begin <= at && at < f.end; });
    if (!inside) return false;
  }
  return true;
}

struct Tally {
  int gold = 0, found = 0, suggested = 0, right = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir = THEMATICA_PSEUDONYMISATION_CORPUS;
  bool misses = false;
  std::string dictionary = "/usr/share/dict/british-english";
  CLI::App app{"Precision and recall of identifier detection on the annotated corpus"};
  app.add_option("--corpus", dir, "Folder of annotated transcripts and known-*.csv");
  app.add_option("--dictionary", dictionary, "Word list, one a line (none: skip proper nouns)");
  app.add_flag("--misses", misses, "Also print every identifier missed and every false alarm");
  CLI11_PARSE(app, argc, argv);

  auto known = known_identifiers(dir);
  // The dictionary Debian's wbritish installs (scripts/bootstrap): for names no list holds.
  auto dictionary_words = thematica::WordList::parse(read_file(dictionary));
  std::map<IdentifierCategory, Tally> tally;
  int words = 0, known_occurrences = 0, known_found = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    Annotated doc = strip_markup(path.filename().string(), read_file(path));
    std::istringstream count(doc.text);
    for (std::string w; count >> w;) ++words;
    auto found =
        thematica::detect_identifiers({doc.text, speakers_of(doc.text), known, &dictionary_words});
    for (const auto& g : doc.gold) {
      bool hit = covered(doc.text, g, found);
      ++tally[g.category].gold;
      tally[g.category].found += hit ? 1 : 0;
      if (!hit && misses) {
        fmt::print("missed {} '{}' in {}\n", thematica::category_name(g.category),
                   doc.text.substr(g.begin, g.end - g.begin), doc.name);
      }
    }
    for (const auto& f : found) {
      bool right = std::any_of(doc.gold.begin(), doc.gold.end(), [&](const GoldSpan& g) {
        return f.begin < g.end && g.begin < f.end;
      });
      ++tally[f.category].suggested;
      tally[f.category].right += right ? 1 : 0;
      if (!right && misses) {
        fmt::print("false alarm {} '{}' ({}) in {}\n", thematica::category_name(f.category),
                   doc.text.substr(f.begin, f.end - f.begin), f.rule, doc.name);
      }
    }
    for (const auto& k : known) {
      auto listed = thematica::find_known_identifiers(doc.text, {k});
      for (const auto& l : listed) {
        ++known_occurrences;
        known_found += covered(doc.text, {l.begin, l.end, k.category}, found) ? 1 : 0;
      }
    }
  }

  fmt::print("{} transcripts, {} words, {} known identifiers listed\n\n", files.size(), words,
             known.size());
  fmt::print("{:<14} {:>6} {:>6} {:>7}   {:>9} {:>6} {:>9}\n", "category", "marked", "found",
             "recall", "suggested", "right", "precision");
  Tally all;
  for (IdentifierCategory c : thematica::all_identifier_categories()) {
    const Tally& t = tally[c];
    all.gold += t.gold;
    all.found += t.found;
    all.suggested += t.suggested;
    all.right += t.right;
    auto ratio = [](int a, int b) {
      return b == 0 ? std::string("-") : fmt::format("{:.3f}", double(a) / b);
    };
    fmt::print("{:<14} {:>6} {:>6} {:>7}   {:>9} {:>6} {:>9}\n", thematica::category_name(c),
               t.gold, t.found, ratio(t.found, t.gold), t.suggested, t.right,
               ratio(t.right, t.suggested));
  }
  fmt::print("{:<14} {:>6} {:>6} {:>7.3f}   {:>9} {:>6} {:>9.3f}\n", "all", all.gold, all.found,
             double(all.found) / std::max(all.gold, 1), all.suggested, all.right,
             double(all.right) / std::max(all.suggested, 1));
  fmt::print("\nknown identifiers: {} of {} occurrences found\n", known_found, known_occurrences);
  return 0;
}
