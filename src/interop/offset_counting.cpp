#include "interop/offset_counting.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "core/ascii.hpp"

namespace thematica {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether `selected` reads as `name`: equal, or starting with it when the name ends in "…"
// (ATLAS.ti shortens long names so); runs of white space compare as one space, because
// exporters write line breaks of the text as spaces in a name.
bool reads_as(std::string_view selected, std::string_view name) {
  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  bool prefix = name.ends_with(kEllipsis);
  if (prefix) name.remove_suffix(kEllipsis.size());
  auto trim = [](std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
  };
  selected = trim(selected);
  name = trim(name);
  std::size_t i = 0, j = 0;
  while (i < selected.size() && j < name.size()) {
    if (is_space(selected[i]) && is_space(name[j])) {
      while (i < selected.size() && is_space(selected[i])) ++i;
      while (j < name.size() && is_space(name[j])) ++j;
    } else if (selected[i++] != name[j++]) {
      return false;
    }
  }
  return j == name.size() && (prefix || i == selected.size());
}

bool is_word(UChar32 c) { return u_isalnum(c) != 0; }

// The code point whose UTF-8 sequence starts at `at` (the text is valid UTF-8).
UChar32 decode_at(std::string_view bytes, std::size_t at) {
  auto lead = static_cast<unsigned char>(bytes[at]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  UChar32 c = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra && at + static_cast<std::size_t>(k) < bytes.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(k)]) & 0x3F);
  }
  return c;
}

// Whether code point `at` lies between two characters that are not both part of a word.
bool on_word_boundary(const Text& text, std::uint64_t at) {
  if (at == 0 || at >= text.length()) return true;
  std::string_view bytes = text.utf8();
  std::size_t offset = text.byte_offset(at);
  std::size_t before = offset - 1;
  while (before > 0 && (static_cast<unsigned char>(bytes[before]) & 0xC0) == 0x80) --before;
  return !(is_word(decode_at(bytes, before)) && is_word(decode_at(bytes, offset)));
}

}  // namespace

std::string describe(Counting counting) {
  return fmt::format("{}, CRLF = {}", counting.utf16 ? "UTF-16 units" : "code points",
                     counting.crlf_as_one ? 1 : 2);
}

std::vector<Counting> all_countings() {
  return {Counting{false, false}, Counting{true, false}, Counting{false, true},
          Counting{true, true}};
}

Counting default_counting(std::string_view origin) {
  std::string lower = ascii_lower(origin);
  if (lower.find("nvivo") != std::string::npos) return Counting{true, false};
  if (lower.find("atlas") != std::string::npos || lower.find("maxqda") != std::string::npos) {
    return Counting{false, true};
  }
  return Counting{};
}

PositionMap::PositionMap(std::string_view utf8, Counting counting) {
  std::int64_t shift = 0;
  std::uint64_t cp = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    int delta = 0;
    if (counting.utf16 && byte >= 0xF0) delta = 1;
    if (counting.crlf_as_one && byte == '\n' && i > 0 && utf8[i - 1] == '\r') delta = -1;
    if (delta != 0) {
      shift += delta;
      event_at_.push_back(cp);
      shift_after_.push_back(shift);
      units_after_.push_back(static_cast<std::uint64_t>(static_cast<std::int64_t>(cp + 1) + shift));
    }
    ++cp;
  }
  length_ = cp;
}

std::uint64_t PositionMap::to_units(std::uint64_t code_point) const {
  // Events strictly before `code_point` shift it.
  auto k = std::lower_bound(event_at_.begin(), event_at_.end(), code_point) - event_at_.begin();
  std::int64_t shift = k == 0 ? 0 : shift_after_[static_cast<std::size_t>(k - 1)];
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(code_point) + shift);
}

std::optional<std::uint64_t> PositionMap::to_code_point(std::uint64_t units) const {
  // The last stretch (between two events) that starts at or before `units`.
  auto k = std::upper_bound(units_after_.begin(), units_after_.end(), units) - units_after_.begin();
  std::int64_t shift = k == 0 ? 0 : shift_after_[static_cast<std::size_t>(k - 1)];
  auto cp = static_cast<std::int64_t>(units) - shift;
  auto stretch_end = static_cast<std::size_t>(k) < event_at_.size()
                         ? event_at_[static_cast<std::size_t>(k)]
                         : length_;
  if (cp < 0 || static_cast<std::uint64_t>(cp) > stretch_end) return std::nullopt;
  return static_cast<std::uint64_t>(cp);
}

CountingChoice choose_counting(const Text& text, const std::vector<SelectionClaim>& claims,
                               Counting fallback) {
  CountingChoice best;
  best.counting = fallback;
  best.selections = static_cast<int>(claims.size());
  best.by_default = true;
  std::string_view bytes = text.utf8();
  bool has_crlf = bytes.find("\r\n") != std::string_view::npos;
  bool has_astral = std::any_of(bytes.begin(), bytes.end(),
                                [](char c) { return static_cast<unsigned char>(c) >= 0xF0; });
  best.differs = has_crlf || has_astral;
  for (const auto& claim : claims) best.named += claim.name.empty() ? 0 : 1;
  int best_confirmed = 0;
  for (Counting counting : all_countings()) {
    if (!best.differs && counting != fallback) continue;
    PositionMap map(bytes, counting);
    int confirmed = 0;
    for (const auto& claim : claims) {
      if (claim.name.empty()) continue;
      auto start = map.to_code_point(claim.start);
      auto end = map.to_code_point(claim.end);
      if (start && end && *start <= *end && reads_as(text.slice(Range{*start, *end}), claim.name)) {
        ++confirmed;
      }
    }
    if (confirmed > best_confirmed) {
      best_confirmed = confirmed;
      best.counting = counting;
      best.by_default = false;
    }
    // Every named selection confirmed: a later counting could only tie, and ties keep the first.
    if (best.named > 0 && best_confirmed == best.named) break;
  }
  best.confirmed = best_confirmed;
  PositionMap chosen(bytes, best.counting);
  for (const auto& claim : claims) {
    auto start = chosen.to_code_point(claim.start);
    auto end = chosen.to_code_point(claim.end);
    if (start && end && on_word_boundary(text, *start) && on_word_boundary(text, *end)) {
      ++best.on_word_boundaries;
    }
  }
  return best;
}

std::string describe(const CountingChoice& choice) {
  if (!choice.differs)
    return "code points (no CRLF and no character beyond U+FFFF, so every counting agrees)";
  std::string why =
      choice.by_default
          ? (choice.named > 0 ? fmt::format("no selection's name matched under any counting, so "
                                            "the exporting program's default")
                              : std::string("no selection names its text, so the exporting "
                                            "program's default"))
          : fmt::format("{} of {} named selections match their text", choice.confirmed,
                        choice.named);
  return fmt::format("{} ({}; {} of {} selections start and end on word boundaries)",
                     describe(choice.counting), why, choice.on_word_boundaries, choice.selections);
}

}  // namespace thematica
