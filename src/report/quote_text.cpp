#include "report/quote_text.hpp"

#include <array>
#include <cctype>
#include <vector>

namespace thematica::report {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A filler is one of these stems with its last letter repeated any number of times: "um" covers
// "umm" and "ummm", "hm" covers "hmm". Lower case or capitalised only: "ER" is the emergency room.
bool is_filler(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kStems = {"um",  "uh", "uhm", "er",
                                                             "erm", "hm", "mm"};
  std::string lower;
  for (std::size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if (i > 0 && std::isupper(c)) return false;
    lower += static_cast<char>(std::tolower(c));
  }
  while (lower.size() > 2 && lower[lower.size() - 1] == lower[lower.size() - 2]) lower.pop_back();
  for (std::string_view stem : kStems) {
    if (lower == stem) return true;
  }
  return false;
}

bool ends_sentence(char c) { return c == '.' || c == '?' || c == '!'; }

struct Word {
  std::size_t begin = 0, end = 0;  // the word with its punctuation, in the text
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t begin = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

}  // namespace

std::string without_fillers(std::string_view text) {
  std::string out;
  std::size_t copied = 0;  // text before this is in `out` (or dropped)
  for (const Word& w : words_of(text)) {
    std::string_view word = text.substr(w.begin, w.end - w.begin);
    char last = word.back();
    std::string_view bare = word;
    if (last == ',' || ends_sentence(last)) bare.remove_suffix(1);
    if (bare.empty() || !is_filler(bare)) continue;
    out.append(text.substr(copied, w.begin - copied));
    // The space before the filler goes with it; at the very start, the space after it.
    while (!out.empty() && is_space(out.back())) out.pop_back();
    copied = w.end;
    if (out.empty()) {
      while (copied < text.size() && is_space(text[copied])) ++copied;
    }
    if (ends_sentence(last) && !out.empty()) {
      if (out.back() == ',' || out.back() == ';' || out.back() == ':') out.pop_back();
      if (!ends_sentence(out.back())) out += last;
    }
  }
  out.append(text.substr(copied));
  return out;
}

std::string trimmed_quote(std::string_view text, std::size_t max_words) {
  std::vector<Word> words = words_of(text);
  if (max_words == 0 || words.size() <= max_words) return std::string(text);
  std::string out(text.substr(words.front().begin, words[max_words - 1].end - words.front().begin));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) {
    out.pop_back();
  }
  return out + " …";
}

}  // namespace thematica::report
