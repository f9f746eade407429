#include "ingest/speaker_text_reader.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "ingest/cue_blocks.hpp"
#include "ingest/speaker_pattern.hpp"

namespace thematica {
namespace {

// f4/f5 and MAXQDA time marks "#hh:mm:ss-d#" (d = tenths of a second). A mark closes the
// paragraph it ends, so it is that turn's end time. Removes every mark from `line` and returns
// the time of the last one.
std::optional<std::int64_t> take_time_marks(std::string& line) {
  std::optional<std::int64_t> last;
  std::size_t from = 0;
  while ((from = line.find('#', from)) != std::string::npos) {
    auto close = line.find('#', from + 1);
    if (close == std::string::npos) break;
    std::string_view mark(line.data() + from + 1, close - from - 1);
    auto dash = mark.rfind('-');
    auto clock = dash == std::string_view::npos ? std::nullopt : parse_clock(mark.substr(0, dash));
    std::string_view tenths = dash == std::string_view::npos ? "" : mark.substr(dash + 1);
    if (!clock || tenths.size() != 1 || tenths[0] < '0' || tenths[0] > '9') {
      from = close;
      continue;
    }
    last = *clock + std::int64_t{tenths[0] - '0'} * 100;
    std::size_t erase_from = from;
    while (erase_from > 0 && line[erase_from - 1] == ' ') --erase_from;
    line.erase(erase_from, close + 1 - erase_from);
    from = erase_from;
  }
  return last;
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
    clock.remove_prefix(std::min(clock.find_first_not_of(' '), clock.size()));
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

std::optional<TurnLine> parse_turn_line(std::string_view line, const SpeakerPattern* pattern) {
  if (!pattern) return parse_turn_line(line);
  auto turn = pattern->match(line);
  if (!turn) return std::nullopt;
  return TurnLine{std::move(turn->speaker), turn->start_ms, std::move(turn->text)};
}

Parsed parse(std::string_view text, const SpeakerPattern* pattern) {
  Parsed out;
  bool in_otter_block = false;
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string owned(lines[i]);
    auto mark = take_time_marks(owned);
    std::string_view line = owned;
    int number = static_cast<int>(i) + 1;
    if (is_blank(line)) {
      in_otter_block = false;
      continue;
    }
    ++out.lines;
    if (auto turn = parse_turn_line(line, pattern)) {
      ++out.recognised;
      in_otter_block = turn->header_only;
      out.cues.push_back(Cue{turn->start_ms, std::nullopt, turn->speaker, turn->text, number});
    } else if (!out.cues.empty()) {
      // A line without a speaker continues the turn above it (Otter's text lines, wrapped turns).
      Cue& last = out.cues.back();
      last.text += last.text.empty() ? std::string(line) : " " + std::string(line);
      // Only Otter's text lines count towards recognising the layout: a document with one
      // "Title: ..." line and prose below it is not a transcript.
      out.recognised += in_otter_block || mark ? 1 : 0;
    }
    if (mark && !out.cues.empty()) out.cues.back().end_ms = mark;
  }
  return out;
}

}  // namespace

Result<std::vector<Cue>> read_speaker_text_cues(std::string_view text,
                                                const SpeakerPattern* pattern) {
  Parsed parsed = parse(text, pattern);
  if (pattern) {
    if (!parsed.cues.empty()) return parsed.cues;
    return fail(ErrorKind::kInvalidInput, "--speaker-pattern matched no line of the file");
  }
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
