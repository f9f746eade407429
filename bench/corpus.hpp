#pragma once
// Generates a synthetic project at a chosen scale: documents of themed filler text, a two-level
// codebook, coders, and codings at random positions. Deterministic for a given seed.

#include <cstdint>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica::bench {

struct CorpusSpec {
  int documents = 1000;
  std::size_t document_bytes = 100'000;
  int codes = 50;  // leaves under 10 themes; the first leaf is the "hot" code
  int coders = 2;
  std::int64_t codings = 1'000'000;
  double hot_share = 0.1;  // fraction of codings on the hot code
  std::uint64_t seed = 42;
};

inline constexpr const char* kHotCode = "Theme 0/Code 0";

// Imports the documents and the codebook (one change each). Returns the ids of the leaf codes.
Result<std::vector<Id>> generate_documents_and_codes(Store& store, const CorpusSpec& spec);

// Random codings over the project's documents: hot_share on the first leaf code, the rest spread
// evenly; each 5 to 80 code points long.
std::vector<NewCoding> random_codings(const std::vector<Document>& docs,
                                      const std::vector<Id>& codes, const std::vector<Id>& coders,
                                      const CorpusSpec& spec);

}  // namespace thematica::bench
