#include "ingest/speaker_pattern.hpp"

#include <unicode/regex.h>

#include <cctype>

#include "ingest/transcript.hpp"

namespace thematica {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string group(const icu::RegexMatcher& m, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t number = m.pattern().groupNumberFromName(name, -1, status);
  if (U_FAILURE(status)) return {};
  status = U_ZERO_ERROR;
  icu::UnicodeString value = m.group(number, status);
  std::string out;
  if (U_SUCCESS(status)) value.toUTF8String(out);
  return out;
}

bool has_group(const icu::RegexPattern& p, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  p.groupNumberFromName(name, -1, status);
  return U_SUCCESS(status);
}

}  // namespace

std::optional<std::int64_t> parse_clock(std::string_view s) {
  if (auto exact = parse_timestamp(s)) return exact;
  auto colon = s.rfind(':');
  if (colon == std::string_view::npos || !digits(s.substr(colon + 1)) ||
      s.size() - colon - 1 != 2) {
    return std::nullopt;
  }
  if (auto with_fraction = parse_timestamp(std::string(s) + ".000")) return with_fraction;
  // m:ss and h:mm:ss with a one-digit leading field, as Otter writes them.
  return parse_timestamp("0" + std::string(s) + ".000");
}

struct SpeakerPattern::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
  bool has_text = false;
  bool has_time = false;
};

SpeakerPattern::SpeakerPattern(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SpeakerPattern::SpeakerPattern(SpeakerPattern&&) noexcept = default;
SpeakerPattern& SpeakerPattern::operator=(SpeakerPattern&&) noexcept = default;
SpeakerPattern::~SpeakerPattern() = default;

Result<SpeakerPattern> SpeakerPattern::compile(std::string_view pattern) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  auto impl = std::make_unique<Impl>();
  impl->pattern.reset(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                     pattern.data(), static_cast<int32_t>(pattern.size()))),
                                 0, where, status));
  if (U_FAILURE(status)) {
    // "U_REGEX_MISSING_CLOSE_BRACKET" -> "missing close bracket"
    std::string reason = u_errorName(status);
    if (reason.starts_with("U_REGEX_")) reason.erase(0, 8);
    for (char& c : reason) c = c == '_' ? ' ' : static_cast<char>(std::tolower(c));
    return failf(ErrorKind::kInvalidInput, "--speaker-pattern: {} at character {}", reason,
                 where.offset + 1);
  }
  if (!has_group(*impl->pattern, "speaker")) {
    return fail(ErrorKind::kInvalidInput,
                "--speaker-pattern needs a (?<speaker>...) group; (?<text>...) and "
                "(?<time>...) are optional");
  }
  impl->has_text = has_group(*impl->pattern, "text");
  impl->has_time = has_group(*impl->pattern, "time");
  return SpeakerPattern(std::move(impl));
}

std::optional<PatternTurn> SpeakerPattern::match(std::string_view line) const {
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(impl_->pattern->matcher(input, status));
  if (U_FAILURE(status) || !m->lookingAt(status) || U_FAILURE(status)) return std::nullopt;
  PatternTurn turn;
  turn.speaker = group(*m, "speaker");
  if (turn.speaker.empty()) return std::nullopt;
  if (impl_->has_time) {
    std::string time = group(*m, "time");
    if (!time.empty()) {
      turn.start_ms = parse_clock(time);
      if (!turn.start_ms) return std::nullopt;
    }
  }
  if (impl_->has_text) {
    turn.text = group(*m, "text");
  } else {
    icu::UnicodeString rest = input.tempSubString(m->end(status));
    rest.trim().toUTF8String(turn.text);
  }
  return turn;
}

}  // namespace thematica
