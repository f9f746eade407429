#include "corpus.hpp"

#include <array>
#include <cmath>
#include <random>

#include "core/sha256.hpp"
#include "core/text.hpp"

namespace thematica::bench {
namespace {

// Words on the project's theme, with a few accented and non-Latin ones so texts are not ASCII-only.
constexpr std::array kWords = {
    "patient",  "time",      "shame",      "compassion", "burnout", "ward",   "nurse",
    "student",  "listening", "tired",      "rota",       "care",    "fear",   "kindness",
    "empathy",  "colleague", "supervisor", "night",      "shift",   "error",  "guilt",
    "training", "course",    "breathing",  "moment",     "family",  "doctor", "exam",
    "café",     "naïve",     "stress",     "support",    "时间",    "😔",      "respect",
    "the",      "and",       "we",         "I",          "never",   "enough", "always"};

// Half the words come from the themed list, half from a Zipf-like tail of 50,000 invented terms,
// so that, as in real transcripts, some words are everywhere and most are rare.
std::string filler(std::mt19937_64& rng, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 32);
  std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
  std::uniform_real_distribution<double> unit(0, 1);
  int words_in_turn = 0;
  while (out.size() < bytes) {
    if (words_in_turn == 0) out += "Participant: ";
    if (unit(rng) < 0.5) {
      out += kWords[pick(rng)];
    } else {
      out += "term" + std::to_string(static_cast<int>(std::exp(unit(rng) * std::log(50000.0))));
    }
    out += ++words_in_turn == 60 ? ".\n" : " ";
    if (words_in_turn == 60) words_in_turn = 0;
  }
  return out;
}

}  // namespace

Result<std::vector<Id>> generate_documents_and_codes(Store& store, const CorpusSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  TRY_STATUS(store.change("document.import", "bench", [&]() -> Result<std::string> {
    for (int i = 0; i < spec.documents; ++i) {
      TRY(text, Text::from_utf8(filler(rng, spec.document_bytes)));
      Document d;
      d.name = "interview-" + std::to_string(i);
      d.kind = "text";
      d.original_name = d.name + ".txt";
      d.sha256 = sha256_hex(text.utf8());
      d.length = text.length();
      d.byte_size = text.utf8().size();
      TRY_STATUS(store.insert_document(d, text.utf8()));
    }
    return "imported the corpus";
  }));
  std::vector<Id> leaves;
  TRY_STATUS(store.change("codebook.import", "bench", [&]() -> Result<std::string> {
    std::vector<Id> themes;
    for (int t = 0; t < 10; ++t) {
      TRY(id, store.insert_code(
                  Code{0, {}, std::nullopt, "Theme " + std::to_string(t), "#999999", {}}));
      themes.push_back(id);
    }
    for (int c = 0; c < spec.codes; ++c) {
      Id parent = themes[static_cast<std::size_t>(c % 10)];
      TRY(id, store.insert_code(Code{0, {}, parent, "Code " + std::to_string(c), "#999999", {}}));
      leaves.push_back(id);
    }
    return "added the codebook";
  }));
  return leaves;
}

std::vector<NewCoding> random_codings(const std::vector<Document>& docs,
                                      const std::vector<Id>& codes, const std::vector<Id>& coders,
                                      const CorpusSpec& spec) {
  std::mt19937_64 rng(spec.seed + 1);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<std::size_t> doc(0, docs.size() - 1), coder(0, coders.size() - 1),
      other(1, codes.size() - 1);
  std::uniform_int_distribution<std::uint64_t> length(5, 80);
  std::vector<NewCoding> out;
  out.reserve(static_cast<std::size_t>(spec.codings));
  for (std::int64_t i = 0; i < spec.codings; ++i) {
    const Document& d = docs[doc(rng)];
    NewCoding c;
    c.document_id = d.id;
    c.code_id = unit(rng) < spec.hot_share ? codes[0] : codes[other(rng)];
    c.coder_id = coders[coder(rng)];
    std::uint64_t len = length(rng);
    c.range.start = std::uniform_int_distribution<std::uint64_t>(0, d.length - len - 1)(rng);
    c.range.end = c.range.start + len;
    out.push_back(c);
  }
  return out;
}

}  // namespace thematica::bench
