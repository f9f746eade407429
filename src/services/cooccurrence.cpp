#include "services/cooccurrence.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

// The themes each code counts for: the row of its own theme and of every ancestor in the report.
std::map<Id, std::vector<std::size_t>> themes_of_codes(const std::vector<ReportTheme>& themes) {
  std::map<Id, std::vector<std::size_t>> out;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    for (Id code : themes[t].subtree) out[code].push_back(t);
  }
  return out;
}

// Counts, for each coding, the themes it meets, once each; a theme never meets itself or a theme
// of its own line (ancestor or sub-theme): those cells stay empty.
class Counter {
 public:
  Counter(const std::vector<ReportTheme>& themes, const ReportCorpus& corpus)
      : themes_(themes), of_code_(themes_of_codes(themes)), stamp_(themes.size(), 0) {
    cells_.assign(themes.size(), std::vector<std::int64_t>(themes.size(), 0));
    of_coding_.reserve(corpus.codings.size());
    for (const auto& c : corpus.codings) of_coding_.push_back(&of_code_.at(c.code_id));
  }

  const std::vector<std::size_t>& themes_of(std::size_t coding) const {
    return *of_coding_[coding];
  }

  // `coding` meets the codings `others` (which may include itself).
  void meets(std::size_t coding, const std::vector<std::size_t>& others) {
    ++round_;
    for (std::size_t other : others) {
      if (other == coding) continue;
      for (std::size_t b : themes_of(other)) {
        if (stamp_[b] == round_) continue;
        stamp_[b] = round_;
        for (std::size_t a : themes_of(coding)) {
          if (a != b) ++cells_[a][b];
        }
      }
    }
  }

  report::Cooccurrence finish(const Codebook& book) const {
    report::Cooccurrence out;
    std::size_t n = themes_.size();
    out.segments.assign(n, 0);
    for (const auto* themes : of_coding_) {
      for (std::size_t t : *themes) ++out.segments[t];
    }
    for (std::size_t a = 0; a < n; ++a) {
      const Code* code = book.find(themes_[a].id);
      out.paths.push_back(book.path_of(themes_[a].id));
      out.names.push_back(code->name);
      out.colours.push_back(code->colour);
      out.depths.push_back(themes_[a].depth);
      auto& row = out.cells.emplace_back(n);
      for (std::size_t b = 0; b < n; ++b) {
        bool related = themes_[a].subtree.count(themes_[b].id) > 0 ||
                       themes_[b].subtree.count(themes_[a].id) > 0;
        if (!related) row[b] = cells_[a][b];
      }
    }
    return out;
  }

 private:
  const std::vector<ReportTheme>& themes_;
  std::map<Id, std::vector<std::size_t>> of_code_;
  std::vector<const std::vector<std::size_t>*> of_coding_;
  std::vector<std::vector<std::int64_t>> cells_;
  std::vector<std::uint64_t> stamp_;
  std::uint64_t round_ = 0;
};

// Codings that overlap: per document, by start, each against those still open.
void count_overlaps(const ReportCorpus& corpus, Counter& counter) {
  std::vector<std::size_t> order(corpus.codings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = corpus.codings[a];
    const auto& y = corpus.codings[b];
    return std::tie(x.document, x.range.start, a) < std::tie(y.document, y.range.start, b);
  });
  std::vector<std::vector<std::size_t>> met(corpus.codings.size());
  std::vector<std::size_t> open;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& c = corpus.codings[order[k]];
    std::erase_if(open, [&](std::size_t o) {
      const auto& other = corpus.codings[o];
      return other.document != c.document || other.range.end <= c.range.start;
    });
    for (std::size_t o : open) {
      met[order[k]].push_back(o);
      met[o].push_back(order[k]);
    }
    open.push_back(order[k]);
  }
  for (std::size_t i = 0; i < met.size(); ++i) counter.meets(i, met[i]);
}

// Codings in the same turn (the turn each starts in); codings outside turns meet nothing.
void count_turns(const ReportCorpus& corpus, Counter& counter) {
  std::map<std::pair<std::uint32_t, std::int64_t>, std::vector<std::size_t>> turns;
  for (std::size_t i = 0; i < corpus.codings.size(); ++i) {
    const auto& c = corpus.codings[i];
    if (c.turn >= 0) turns[{c.document, c.turn}].push_back(i);
  }
  for (const auto& [turn, codings] : turns) {
    for (std::size_t i : codings) counter.meets(i, codings);
  }
}

std::string methods_paragraph(report::Within within) {
  std::string how = within == report::Within::kOverlap
                        ? "overlap at least one coded segment of the column's theme (sharing at "
                          "least one character)"
                        : "start in a speaker turn where a coded segment of the column's theme "
                          "also starts (segments outside turns are not counted as meeting any)";
  return "Each cell counts the row theme's coded segments that " + how +
         "; the percentage is of the row theme's segments. A theme's segments include its "
         "sub-themes'; a theme and its own sub-themes are not compared.";
}

}  // namespace

Result<report::Cooccurrence> build_cooccurrence(Store& store,
                                                const CooccurrenceSettings& settings) {
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  TRY(coders, require_coders(store, settings.coders));
  TRY(corpus, load_report_corpus(store, theme_code_ids(themes), coders));
  Counter counter(themes, corpus);
  if (settings.within == report::Within::kOverlap) {
    count_overlaps(corpus, counter);
  } else {
    count_turns(corpus, counter);
  }
  report::Cooccurrence out = counter.finish(book);
  out.within = settings.within;
  out.methods = methods_paragraph(settings.within);
  return out;
}

}  // namespace thematica
