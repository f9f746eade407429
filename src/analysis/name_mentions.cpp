#include "analysis/name_mentions.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <set>

#include "analysis/regex_matches.hpp"
#include "analysis/word_edges.hpp"
#include "core/ascii.hpp"

namespace thematica {
namespace {

// Letters of a name: ASCII letters, and every byte of a multi-byte UTF-8 character (so "Zoë"
// and "Siobhán" stay one word).
bool name_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80 || c == '-';
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;  // before a possessive "'s"
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!name_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t begin = i;
    while (i < text.size() && (name_byte(text[i]) || text[i] == '\'')) ++i;
    std::size_t end = trim_punctuation_end(text, begin, i);
    begin = trim_punctuation_start(text, begin, end);
    while (end > begin && (text[end - 1] == '\'' || text[end - 1] == '-')) --end;
    if (end == begin) continue;
    std::string_view word = text.substr(begin, end - begin);
    if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) end -= 2;
    if (end > begin + 4 && text.substr(end - 4, 4) == "\xE2\x80\x99s") end -= 4;  // ’s
    out.push_back({begin, end});
  }
  return out;
}

bool is_capitalised(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// Whether [begin, end) is whole words: no letter just before or just after it.
bool whole_words(std::string_view text, std::size_t begin, std::size_t end) {
  return (begin == 0 || !name_byte(text[begin - 1])) &&
         (end >= text.size() || !name_byte(text[end]));
}

}  // namespace

bool is_ordinary_word_name(std::string_view lower) {
  static const std::set<std::string_view> kWords = {
      "amber",  "april", "august", "bill",  "carol", "dawn", "don",  "faith", "frank",
      "grace",  "guy",   "holly",  "hope",  "iris",  "ivy",  "jack", "joy",   "june",
      "mark",   "may",   "pat",    "ray",   "rich",  "rose", "ruby", "sandy", "sue",
      "summer", "will",  "win",    "bob",   "art",   "earl", "lane", "king",  "young",
      "brown",  "green", "white",  "black", "page",  "hill", "wood", "love"};
  return kWords.contains(lower);
}

bool is_role_word(std::string_view lower) {
  static const std::set<std::string_view> kRoles = {
      "interviewer", "moderator",  "facilitator", "participant", "speaker", "researcher",
      "student",     "tutor",      "nurse",       "doctor",      "dr",      "mr",
      "mrs",         "ms",         "miss",        "prof",        "guest",   "host",
      "unknown",     "respondent", "interviewee", "advisor",     "leader",  "group"};
  if (kRoles.contains(lower)) return true;
  // "P3", "A", "2": codes and letters, not names.
  return lower.size() < 2 ||
         std::all_of(lower.begin() + 1, lower.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

IdentifierCategory guess_category(std::string_view identifier) {
  static const RE2 kInstitution(
      R"((?i)\b(?:hospital|hospice|clinic|surgery|ward|infirmary|university|college|school|)"
      R"(academy|trust|centre|center|practice|home|unit)\b)");
  return RE2::PartialMatch(identifier, kInstitution) ? IdentifierCategory::kInstitution
                                                     : IdentifierCategory::kPerson;
}

std::vector<IdentifierSpan> find_known_identifiers(std::string_view text,
                                                   const std::vector<KnownIdentifier>& known) {
  std::vector<IdentifierSpan> out;
  std::string lower_text = ascii_lower(std::string(text));
  for (const auto& k : known) {
    std::string needle = ascii_lower(k.text);
    if (needle.empty()) continue;
    for (auto at = lower_text.find(needle); at != std::string::npos;
         at = lower_text.find(needle, at + 1)) {
      if (!whole_words(text, at, at + needle.size())) continue;
      out.push_back({at, at + needle.size(), k.category, 1.0, "known identifier"});
    }
  }
  return out;
}

std::vector<IdentifierSpan> find_speaker_mentions(std::string_view text,
                                                  const std::vector<std::string>& speakers) {
  std::vector<KnownIdentifier> labels;
  std::set<std::string> parts;
  for (const auto& speaker : speakers) {
    // "Mark Ellison (Guest)": the name without what the meeting software added.
    std::string label = speaker.substr(0, speaker.find('('));
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.pop_back();
    std::vector<std::string> names;
    for (const Word& w : words_of(label)) {
      std::string part = ascii_lower(label.substr(w.begin, w.end - w.begin));
      if (!is_role_word(part)) names.push_back(part);
    }
    if (names.empty()) continue;
    if (names.size() > 1) labels.push_back({label, IdentifierCategory::kPerson, {}});
    parts.insert(names.begin(), names.end());
  }
  std::vector<IdentifierSpan> out;
  for (auto& s : find_known_identifiers(text, labels)) {
    s.confidence = 0.99;
    s.rule = "speaker's name";
    out.push_back(s);
  }
  for (const Word& w : words_of(text)) {
    std::string_view word = text.substr(w.begin, w.end - w.begin);
    std::string lower = ascii_lower(std::string(word));
    if (parts.contains(lower)) {
      if (is_ordinary_word_name(lower) && !is_capitalised(word)) continue;
      out.push_back({w.begin, w.end, IdentifierCategory::kPerson,
                     is_ordinary_word_name(lower) ? 0.8 : 0.95, "speaker's name"});
      continue;
    }
    if (lower.size() < 4) continue;
    for (const auto& part : parts) {
      if (part.size() >= 5 && !is_ordinary_word_name(part) && part[0] == lower[0] &&
          edit_distance(part, lower) == 1) {
        out.push_back(
            {w.begin, w.end, IdentifierCategory::kPerson, 0.7, "speaker's name, misspelt"});
        break;
      }
    }
  }
  return out;
}

std::vector<IdentifierSpan> find_titled_names_and_institutions(std::string_view text) {
  struct Rule {
    IdentifierCategory category;
    double confidence;
    std::string_view rule;
    const RE2* re;
  };
  static const RE2 kTitled(
      R"(\b(?:Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Nurse|Sister|Matron|Auntie|Aunt|Uncle|)"
      R"(Nana|Nan|Grandma|Granny|Grandad|Grandpa|Father|Reverend|Rev)\.?\s+)"
      R"(([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?))");
  static const RE2 kTitledLower(R"((?i)\bdr\.?\s+([a-z][a-z'-]{2,}))");
  static const RE2 kInstitution(
      R"(\b((?:(?:St\.?|Saint)\s+)?(?:[A-Z][\p{L}'’.-]*\s+){1,4})"
      R"((?:Hospital|Hospice|Clinic|Surgery|Ward|Unit|Infirmary|University|College|School|)"
      R"(Academy|Trust|Centre|Center|Practice|General|Care Home|Nursing Home|Assisted Living|)"
      R"(Health Centre|Medical Centre|Medical Center|Medical School|College of Medicine|)"
      R"(School of Medicine))\b)");
  static const RE2 kInstitutionOf(
      R"(\b((?:University|College|Institute|School) of [A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,2}))");
  static const std::array<Rule, 4> kRules = {{
      {IdentifierCategory::kPerson, 0.85, "name after a title", &kTitled},
      {IdentifierCategory::kPerson, 0.6, "name after a title", &kTitledLower},
      {IdentifierCategory::kInstitution, 0.85, "institution", &kInstitution},
      {IdentifierCategory::kInstitution, 0.85, "institution", &kInstitutionOf},
  }};
  std::vector<IdentifierSpan> out;
  for (const auto& rule : kRules) {
    for_each_match(*rule.re, text, [&](std::size_t begin, std::size_t end) {
      std::string_view hit = text.substr(begin, end - begin);
      // "The Royal Eastbury Hospital", "On Larch Ward": the name, without the word before it.
      for (std::string_view lead : {"The ", "On ", "At ", "In ", "From ", "To ", "And ", "But ",
                                    "So ", "Our ", "My ", "This ", "That ", "Then ", "When "}) {
        if (hit.starts_with(lead) && hit.find(' ', lead.size()) != std::string_view::npos) {
          begin += lead.size();
          break;
        }
      }
      if (hit.ends_with("'s")) end -= 2;
      if (hit.ends_with("\xE2\x80\x99s")) end -= 4;
      std::string lower = ascii_lower(std::string(text.substr(begin, end - begin)));
      if (rule.category != IdentifierCategory::kPerson || !is_ordinary_word_name(lower)) {
        out.push_back({begin, end, rule.category, rule.confidence, rule.rule});
      }
    });
  }
  return out;
}

}  // namespace thematica
