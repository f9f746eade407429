#pragma once
// Names no list holds: capitalised words in the middle of a sentence that are proper nouns, or no
// word the dictionary knows ("Tomek", "Okonjo", "Eastbury"). Suggestions of low confidence, for
// the researcher to review: people's names, or places after "in", "from", "near" ...

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analysis/identifiers.hpp"

namespace thematica {

// A dictionary of English, one word a line (as Debian's wbritish installs it in
// /usr/share/dict/british-english): its lower-case words are ordinary words, its capitalised ones
// proper nouns. Possessive forms ("Leeds's") are skipped.
class WordList {
 public:
  static WordList parse(std::string_view lines);
  bool empty() const { return ordinary_.empty(); }
  bool ordinary(const std::string& lower) const { return ordinary_.contains(lower); }
  bool proper(const std::string& word) const { return proper_.contains(word); }

 private:
  std::unordered_set<std::string> ordinary_;
  std::unordered_set<std::string> proper_;
};

// Proper nouns as above; nothing when `words` is empty (no dictionary installed).
std::vector<IdentifierSpan> find_proper_nouns(std::string_view text, const WordList& words);

// What the transcript itself shows to be names, everywhere it says them: each person's name found
// (and each of its words) wherever else it occurs capitalised, or in any case when it is no
// ordinary word ("pauline"); and a capitalised first name that is also a word ("Hope", "Will")
// joined to the surname found after it. `found` is without overlaps; so is the result.
std::vector<IdentifierSpan> repeat_names(std::string_view text, std::vector<IdentifierSpan> found,
                                         const WordList& words);

}  // namespace thematica
