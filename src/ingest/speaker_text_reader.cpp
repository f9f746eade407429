#include "ingest/speaker_text_reader.hpp"

#include <cctype>
#include <optional>
#include <string>

#include "ingest/cue_blocks.hpp"

namespace thematica {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// [h:]mm:ss or m:ss, with an optional .fraction: the clocks transcripts print.
std::optional<std::int64_t> parse_clock(std::string_view s) {
  if (auto exact = parse_timestamp(s)) return exact;
  auto colon = s.rfind(':');
  if (colon == std::string_view::npos || !digits(s.substr(colon + 1)) ||
      s.size() - colon - 1 != 2) {
    return std::nullopt;
  }
  auto with_fraction = parse_timestamp(std::string(s) + ".000");
  if (with_fraction) return with_fraction;
  // m:ss and h:mm:ss with one-digit leading field, as Otter writes them.
  std::string padded = "0" + std::string(s);
  return parse_timestamp(padded + ".000");
}

struct TurnLine {
  std::string speaker;
  std::optional<std::int64_t> start_ms;
  std::string text;
  bool header_only = false;  // Otter: the text follows on the next lines
};

std::optional<TurnLine> parse_turn_line(std::string_view line) {
  // [00:01:23] Name: text
  if (!line.empty() && line.front() == '[') {
    auto close = line.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    auto time = parse_clock(line.substr(1, close - 1));
    std::string_view rest = line.substr(close + 1);
    rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
    auto colon = rest.find(": ");
    if (!time || colon == std::string_view::npos || !looks_like_name(rest.substr(0, colon))) {
      return std::nullopt;
    }
    return TurnLine{std::string(rest.substr(0, colon)), time, std::string(rest.substr(colon + 2))};
  }
  // Name (00:01:23): text
  if (auto paren = line.find(" ("); paren != std::string_view::npos) {
    auto close = line.find("): ", paren);
    if (close != std::string_view::npos && looks_like_name(line.substr(0, paren))) {
      if (auto time = parse_clock(line.substr(paren + 2, close - paren - 2))) {
        return TurnLine{std::string(line.substr(0, paren)), time,
                        std::string(line.substr(close + 3))};
      }
    }
  }
  // Name  0:49 (Otter): two or more spaces, then a clock, then nothing.
  if (auto gap = line.find("  "); gap != std::string_view::npos) {
    std::string_view clock = line.substr(gap);
    clock.remove_prefix(clock.find_first_not_of(' '));
    auto time = parse_clock(clock);
    if (time && looks_like_name(line.substr(0, gap))) {
      return TurnLine{std::string(line.substr(0, gap)), time, {}, true};
    }
  }
  // Name: text
  auto colon = line.find(": ");
  if (colon != std::string_view::npos && looks_like_name(line.substr(0, colon))) {
    return TurnLine{std::string(line.substr(0, colon)), std::nullopt,
                    std::string(line.substr(colon + 2))};
  }
  return std::nullopt;
}

struct Parsed {
  std::vector<Cue> cues;
  std::size_t lines = 0;       // non-blank
  std::size_t recognised = 0;  // non-blank lines that are, or continue, a recognised turn
};

Parsed parse(std::string_view text) {
  Parsed out;
  bool in_otter_block = false;
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int number = static_cast<int>(i) + 1;
    if (is_blank(line)) {
      in_otter_block = false;
      continue;
    }
    ++out.lines;
    if (auto turn = parse_turn_line(line)) {
      ++out.recognised;
      in_otter_block = turn->header_only;
      out.cues.push_back(Cue{turn->start_ms, std::nullopt, turn->speaker, turn->text, number});
    } else if (!out.cues.empty()) {
      // A line without a speaker continues the turn above it (Otter's text lines, wrapped turns).
      Cue& last = out.cues.back();
      last.text += last.text.empty() ? std::string(line) : " " + std::string(line);
      // Only Otter's text lines count towards recognising the layout: a document with one
      // "Title: ..." line and prose below it is not a transcript.
      out.recognised += in_otter_block ? 1 : 0;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Cue>> read_speaker_text_cues(std::string_view text) {
  Parsed parsed = parse(text);
  if (parsed.cues.size() < 2 || parsed.recognised * 5 < parsed.lines * 4) {
    return fail(ErrorKind::kInvalidInput,
                "not a speaker-turn transcript: most lines do not start with 'Name: ', "
                "'[00:01:23] Name: ' or 'Name (00:01:23): '; import it with --kind text");
  }
  return parsed.cues;
}

bool looks_like_speaker_text(std::string_view text) {
  return static_cast<bool>(read_speaker_text_cues(text));
}

}  // namespace thematica
