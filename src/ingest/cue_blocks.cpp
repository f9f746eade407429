#include "ingest/cue_blocks.hpp"

#include <fmt/format.h>

namespace thematica {
namespace {

std::string_view first_token(std::string_view s) {
  auto start = s.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  s.remove_prefix(start);
  return s.substr(0, s.find_first_of(" \t"));
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::vector<Block> split_blocks(std::string_view text) {
  std::vector<Block> blocks;
  Block current;
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_blank(lines[i])) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = Block{};
      continue;
    }
    if (current.lines.empty()) current.first_line = static_cast<int>(i) + 1;
    current.lines.push_back(lines[i]);
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

Result<std::optional<Cue>> parse_cue_block(const Block& block, bool comma_fraction) {
  std::size_t timing = 0;
  while (timing < block.lines.size() && block.lines[timing].find("-->") == std::string_view::npos) {
    ++timing;
  }
  if (timing >= 2 || timing == block.lines.size()) return std::optional<Cue>();
  std::string_view line = block.lines[timing];
  int line_number = block.first_line + static_cast<int>(timing);
  auto arrow = line.find("-->");
  std::string_view from = first_token(line.substr(0, arrow));
  std::string_view to = first_token(line.substr(arrow + 3));
  auto start = parse_timestamp(from);
  auto end = parse_timestamp(to);
  bool comma = from.find(',') != std::string_view::npos || to.find(',') != std::string_view::npos;
  if (!start || !end || (comma && !comma_fraction)) {
    return failf(ErrorKind::kInvalidInput,
                 "line {}: malformed cue timing '{}'; expected [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt",
                 line_number, line);
  }
  if (*end < *start) {
    return failf(ErrorKind::kInvalidInput, "line {}: the cue ends before it starts ('{}')",
                 line_number, line);
  }
  Cue cue;
  cue.start_ms = start;
  cue.end_ms = end;
  cue.line = line_number;
  std::vector<std::string_view> text(block.lines.begin() + static_cast<long>(timing) + 1,
                                     block.lines.end());
  cue.text = clean_cue_text(text, &cue.speaker);
  return std::optional<Cue>(std::move(cue));
}

}  // namespace thematica
