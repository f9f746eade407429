#pragma once
// A transcript layout the built-in readers do not know, described by the user as a regular
// expression (ICU syntax) with named groups: `speaker` (required), `text` (optional: else the
// rest of the line after the match), `time` (optional: [h:]mm:ss[.f] or m:ss). A line the pattern
// matches starts a turn; other non-blank lines continue the turn above them.
//   --speaker-pattern '^(?<speaker>[A-Z]{1,3})\.:\s*(?<text>.*)$'     "I.: text", "B.: text"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

struct PatternTurn {
  std::string speaker;
  std::optional<std::int64_t> start_ms;
  std::string text;
};

class SpeakerPattern {
 public:
  // Errors: kInvalidInput for a pattern ICU rejects (with its reason and position) or one
  // without a (?<speaker>...) group.
  static Result<SpeakerPattern> compile(std::string_view pattern);
  SpeakerPattern(SpeakerPattern&&) noexcept;
  SpeakerPattern& operator=(SpeakerPattern&&) noexcept;
  ~SpeakerPattern();

  // The turn a line starts, or nullopt when the pattern does not match it (a time group that is
  // not a clock counts as no match, so a wrong pattern does not invent times).
  std::optional<PatternTurn> match(std::string_view line) const;

 private:
  struct Impl;
  explicit SpeakerPattern(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// [h:]mm:ss or m:ss with an optional fraction, as transcripts print clocks, in milliseconds.
std::optional<std::int64_t> parse_clock(std::string_view text);

}  // namespace thematica
