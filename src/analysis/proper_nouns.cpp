#include "analysis/proper_nouns.hpp"

#include <set>

#include "analysis/word_edges.hpp"
#include "core/ascii.hpp"

namespace thematica {
namespace {

bool letter(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// Capitalised words that name no one: the calendar, the pronoun, peoples and languages, brands
// of the video calls transcripts come from, forms of address.
bool never_a_name(const std::string& word) {
  static const std::set<std::string, std::less<>> kWords = {
      "I", "I'm", "I've", "I'd", "I'll", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Christmas", "Easter", "God",
      "English", "British", "American", "Covid", "Zoom", "Teams", "Google", "OK", "Okay", "Mum",
      "Mom", "Dad", "Sir", "Madam", "Interviewer", "Yeah", "Yes", "No", "Oh", "Um", "Uh", "Er",
      "Erm", "Hmm", "Mm", "So", "And", "But", "Well",
      // Roles in speaker labels, and titles (the name after a title is found on its own).
      "Facilitator", "Moderator", "Researcher", "Participant", "Speaker", "Respondent", "Dr", "Mr",
      "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Doctor", "Nurse", "Sister", "Matron", "Sir",
      // Peoples and languages, which a dictionary lists capitalised.
      "Scottish", "Irish", "Welsh", "Polish", "Indian", "Pakistani", "Nigerian", "Chinese",
      "European", "African", "Asian", "Caribbean", "Canadian", "Australian", "Muslim", "Christian",
      "Catholic", "Jewish", "Hindu", "Sikh"};
  if (kWords.contains(word)) return true;
  // "Thursdays", "Mondays".
  return word.size() > 1 && word.back() == 's' &&
         kWords.contains(std::string_view(word).substr(0, word.size() - 1));
}

// Whether the word at `at` starts a sentence (or a turn, after "Name: ").
bool starts_sentence(std::string_view text, std::size_t at) {
  while (at > 0) {
    char c = text[--at];
    if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '[') continue;
    return c == '.' || c == '?' || c == '!' || c == ':' || c == '\n' || c == ']';
  }
  return true;
}

std::string previous_word(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && letter(text[begin - 1])) --begin;
  return ascii_lower(std::string(text.substr(begin, end - begin)));
}

bool place_cue(const std::string& word) {
  static const std::set<std::string, std::less<>> kCues = {"in",     "from",    "near", "outside",
                                                           "around", "towards", "to"};
  return kCues.contains(word);
}

bool whole_word_at(std::string_view text, std::size_t begin, std::size_t end) {
  return (begin == 0 || !letter(text[begin - 1])) && (end >= text.size() || !letter(text[end]));
}

// The names of the person spans, and each of their words, as written.
std::set<std::string, std::less<>> names_found(std::string_view text,
                                               const std::vector<IdentifierSpan>& found) {
  std::set<std::string, std::less<>> names;
  for (const auto& f : found) {
    if (f.category != IdentifierCategory::kPerson || f.confidence < 0.55) continue;
    std::string_view name = text.substr(f.begin, f.end - f.begin);
    if (name.empty() || !upper(name[0])) continue;
    names.emplace(name);
    for (std::size_t at = 0; at < name.size();) {
      std::size_t space = std::min(name.find(' ', at), name.size());
      if (space - at >= 2) names.emplace(name.substr(at, space - at));
      at = space + 1;
    }
  }
  return names;
}

}  // namespace

std::vector<IdentifierSpan> repeat_names(std::string_view text, std::vector<IdentifierSpan> found,
                                         const WordList& words) {
  auto names = names_found(text, found);
  std::string original(text);
  std::string lower_text = ascii_lower(original);
  std::vector<IdentifierSpan> more;
  for (const auto& name : names) {
    if (never_a_name(name)) continue;
    std::string lower = ascii_lower(name);
    bool any_case = !words.empty() && !words.ordinary(lower);
    const std::string& haystack = any_case ? lower_text : original;
    const std::string& needle = any_case ? lower : name;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
      if (whole_word_at(text, at, at + needle.size())) {
        more.push_back({at, at + needle.size(), IdentifierCategory::kPerson, 0.5,
                        "a name said elsewhere in the transcript"});
      }
    }
  }
  // "Hope Adeyemi": a capitalised word just before a name, that a dictionary knows as a name.
  for (auto& f : found) {
    if (f.category != IdentifierCategory::kPerson || f.begin < 3 || text[f.begin - 1] != ' ') {
      continue;
    }
    std::size_t begin = f.begin - 1;
    while (begin > 0 && letter(text[begin - 1])) --begin;
    std::string word(text.substr(begin, f.begin - 1 - begin));
    if (!word.empty() && upper(word[0]) && words.proper(word) && !never_a_name(word)) {
      f.begin = begin;
    }
  }
  found.insert(found.end(), more.begin(), more.end());
  return without_overlaps(std::move(found));
}

WordList WordList::parse(std::string_view lines) {
  WordList out;
  std::size_t at = 0;
  while (at < lines.size()) {
    std::size_t end = lines.find('\n', at);
    if (end == std::string_view::npos) end = lines.size();
    std::string word(lines.substr(at, end - at));
    at = end + 1;
    if (word.empty() || word.ends_with("'s")) continue;
    if (upper(word[0])) {
      out.proper_.insert(word);
    } else {
      out.ordinary_.insert(word);
    }
  }
  return out;
}

std::vector<IdentifierSpan> find_proper_nouns(std::string_view text, const WordList& words) {
  std::vector<IdentifierSpan> out;
  if (words.empty()) return out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!upper(text[i]) || (i > 0 && letter(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (letter(text[end]) || text[end] == '-')) ++end;
    end = trim_punctuation_end(text, i, end);  // "I—"
    std::string word(text.substr(i, end - i));
    std::string lower = ascii_lower(word);
    bool sentence_start = starts_sentence(text, i);
    bool all_caps = word.size() > 1 && upper(word[1]);
    bool ordinary = words.ordinary(lower);
    bool proper = words.proper(word);
    bool unknown = !ordinary && !proper;
    // At the start of a sentence every word is capitalised: only a proper noun that is no
    // ordinary word ("William", not "Bill"), or an unknown word without a hyphen ("Tomek", not
    // "Ex-railwayman"). Elsewhere capitals mark a name: "called him Bill".
    bool name_like = sentence_start
                         ? (proper && !ordinary) || (unknown && word.find('-') == std::string::npos)
                         : unknown || proper;
    bool long_enough = word.size() >= 3 || (proper && !ordinary);
    bool candidate = !never_a_name(word) && !all_caps && long_enough && name_like;
    if (candidate) {
      bool place = place_cue(previous_word(text, i));
      double confidence = sentence_start ? 0.45 : unknown ? 0.6 : 0.55;
      if (!out.empty() && out.back().end + 1 == i && text[i - 1] == ' ') {
        out.back().end = end;  // "Will Thorne": one name
      } else {
        out.push_back({i, end, place ? IdentifierCategory::kPlace : IdentifierCategory::kPerson,
                       confidence, place ? "capitalised word after a place word" : "proper noun"});
      }
    }
    i = end;
  }
  return out;
}

}  // namespace thematica
