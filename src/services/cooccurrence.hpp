#pragma once
// Code co-occurrence for a results section: for each pair of themes (the codes named and their
// sub-codes), how many of the first's coded segments overlap a segment of the second, or lie in a
// speaker turn that also holds one.

#include <string>
#include <vector>

#include "report/cooccurrence.hpp"
#include "store/store.hpp"

namespace thematica {

struct CooccurrenceSettings {
  std::vector<std::string> codes;  // code paths; each brings its sub-codes
  report::Within within = report::Within::kOverlap;
  std::vector<std::string> coders;  // whose codings count; empty: every coder
};

// How pairs are counted is in docs/methods/reports.md. Errors: kInvalidInput when no code is
// named; kNotFound for an unknown code or coder.
Result<report::Cooccurrence> build_cooccurrence(Store& store, const CooccurrenceSettings& settings);

}  // namespace thematica
