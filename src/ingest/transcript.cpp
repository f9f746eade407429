#include "ingest/transcript.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "core/text.hpp"

namespace thematica {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::int64_t number(std::string_view s) {
  std::int64_t value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

// Candidate speaker prefix of a cue's text: the part before the first ": ".
std::optional<std::string> prefix_of(const std::string& text) {
  auto colon = text.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 60) return std::nullopt;
  std::string prefix = text.substr(0, colon);
  if (!looks_like_name(prefix)) return std::nullopt;
  return prefix;
}

void append_code_point(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity starting at text[i] ('&') into `out`; returns the bytes consumed, or 0 when
// it is not an entity we know (the '&' is then kept as written).
std::size_t decode_entity(std::string_view text, std::size_t i, std::string& out) {
  auto semi = text.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = text.substr(i + 1, semi - i - 1);
  static const std::map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"},  {"lt", "<"},          {"gt", ">"}, {"quot", "\""},
      {"apos", "'"}, {"nbsp", "\xC2\xA0"}, {"lrm", ""}, {"rlm", ""}};
  if (auto it = kNamed.find(name); it != kNamed.end()) {
    out += it->second;
    return semi - i + 1;
  }
  if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    auto [ptr, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size()) return 0;
    append_code_point(out, cp);
    return semi - i + 1;
  }
  return 0;
}

std::string decode_entities(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (std::size_t used = decode_entity(text, i, out)) {
        i += used - 1;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

bool looks_like_name(std::string_view label) {
  if (label.empty() || label.size() > 60 || std::isspace(static_cast<unsigned char>(label[0]))) {
    return false;
  }
  // Names may hold periods ("Dr. Khan") and commas ("Graham, Ken"), not sentence punctuation.
  if (label.find_first_of("!?;\"[]") != std::string_view::npos) return false;
  return std::count(label.begin(), label.end(), ' ') < 6;
}

std::string clean_cue_text(const std::vector<std::string_view>& lines, std::string* voice) {
  std::string joined;
  for (auto line : lines) {
    if (!joined.empty()) joined.push_back(' ');
    joined += line;
  }
  std::string text;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] != '<') {
      text.push_back(joined[i]);
      continue;
    }
    auto close = joined.find('>', i);
    if (close == std::string::npos) {  // a lone '<' is text
      text.push_back('<');
      continue;
    }
    std::string_view tag = std::string_view(joined).substr(i + 1, close - i - 1);
    // <v Name> or <v.class Name>: the voice, i.e. the speaker.
    if (voice != nullptr && voice->empty() && tag.size() > 1 && tag[0] == 'v' &&
        (tag[1] == ' ' || tag[1] == '.')) {
      auto space = tag.find(' ');
      if (space != std::string_view::npos) *voice = trim(decode_entities(tag.substr(space + 1)));
    }
    i = close;
  }
  std::string decoded = decode_entities(text);
  // Collapse runs of spaces left by removed tags and joined lines.
  std::string out;
  for (char c : decoded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  auto dot = text.find_last_of(".,");
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view fraction = text.substr(dot + 1);
  if (fraction.empty() || fraction.size() > 3 || !all_digits(fraction)) return std::nullopt;
  std::int64_t ms = number(fraction);
  for (std::size_t i = fraction.size(); i < 3; ++i) ms *= 10;
  std::string_view clock = text.substr(0, dot);
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto colon = clock.find(':', start);
    parts.push_back(clock.substr(start, colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  for (auto p : parts) {
    // Six digits of hours is over a century: anything longer is not a time (and would overflow).
    if (!all_digits(p) || p.size() > 6) return std::nullopt;
  }
  std::int64_t seconds = number(parts.back());
  std::int64_t minutes = number(parts[parts.size() - 2]);
  std::int64_t hours = parts.size() == 3 ? number(parts[0]) : 0;
  if (seconds > 59 || minutes > 59 || parts.back().size() != 2) return std::nullopt;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

std::string speaker_key(std::string_view label) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < label.size();) {
    auto c = static_cast<unsigned char>(label[i]);
    // Invisible: U+200B..U+200F, U+202A..U+202E, U+2060..U+2064, U+FEFF (all 3-byte sequences).
    if (c == 0xE2 && i + 2 < label.size()) {
      auto c1 = static_cast<unsigned char>(label[i + 1]);
      auto c2 = static_cast<unsigned char>(label[i + 2]);
      bool invisible = (c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xAA && c2 <= 0xAE))) ||
                       (c1 == 0x81 && c2 >= 0xA0 && c2 <= 0xA4);
      bool wide_space = c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8A;  // U+2000..U+200A
      if (invisible || wide_space) {
        space = space || wide_space;
        i += 3;
        continue;
      }
    }
    if (c == 0xEF && i + 2 < label.size() && label[i + 1] == '\xBB' && label[i + 2] == '\xBF') {
      i += 3;
      continue;
    }
    if (c == 0xC2 && i + 1 < label.size() && label[i + 1] == '\xA0') {  // no-break space
      space = true;
      i += 2;
      continue;
    }
    if (std::isspace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(c)));
    ++i;
  }
  return out;
}

void split_speaker_prefixes(std::vector<Cue>& cues) {
  std::map<std::string, int> starts;
  std::size_t unlabelled = 0, prefixed = 0;
  for (const auto& cue : cues) {
    if (!cue.speaker.empty()) continue;
    ++unlabelled;
    if (auto p = prefix_of(cue.text)) {
      ++starts[*p];
      ++prefixed;
    }
  }
  bool prefix_style = unlabelled > 0 && prefixed * 5 >= unlabelled * 4;
  for (auto& cue : cues) {
    if (!cue.speaker.empty()) continue;
    auto p = prefix_of(cue.text);
    if (!p || (!prefix_style && starts[*p] < 2)) continue;
    cue.speaker = *p;
    cue.text = cue.text.substr(p->size() + 2);
  }
}

Result<Transcript> assemble_transcript(const std::vector<Cue>& cues, std::string reader) {
  struct Pending {
    std::string speaker, text;
    std::optional<std::int64_t> start_ms, end_ms;
    bool narrative = false;
  };
  std::vector<Pending> turns;
  bool spoken = false;
  for (const auto& cue : cues) {
    if (cue.text.empty()) continue;
    if (cue.narrative) {
      turns.push_back(Pending{{}, cue.text, {}, {}, true});
      continue;
    }
    spoken = true;
    bool same = !turns.empty() && !turns.back().narrative &&
                speaker_key(turns.back().speaker) == speaker_key(cue.speaker);
    if (same) {
      turns.back().text += ' ' + cue.text;
      if (cue.end_ms) turns.back().end_ms = cue.end_ms;
      continue;
    }
    turns.push_back(Pending{cue.speaker, cue.text, cue.start_ms, cue.end_ms});
  }
  if (!spoken) {
    return fail(ErrorKind::kInvalidInput, "the transcript has no spoken text");
  }
  Transcript out;
  out.reader = std::move(reader);
  std::uint64_t at = 0;
  for (const auto& t : turns) {
    std::string line = t.speaker.empty() ? t.text : t.speaker + ": " + t.text;
    TRY(measured, Text::from_utf8(line));
    if (!t.narrative) {
      out.turns.push_back(Turn{t.speaker, t.start_ms, t.end_ms, Range{at, at + measured.length()}});
    }
    out.text += line;
    out.text += '\n';
    at += measured.length() + 1;
  }
  return out;
}

}  // namespace thematica
