#include <algorithm>

#include "core/ascii.hpp"
#include "ingest/extraction.hpp"
#include "ingest/speaker_pattern.hpp"

namespace thematica {
namespace {

std::string one_line(std::string_view cell) {
  std::string out(cell);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

struct Columns {
  int time = -1, speaker = -1, text = -1;
  bool headed = false;
};

bool is_one_of(const std::string& header, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), header) != names.end();
}

// Start and end of a time cell: "00:01:23", "1:23", or a timespan "0:02:0-0:10:0" (NVivo).
std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> parse_time_cell(
    std::string_view cell) {
  if (auto clock = parse_clock(cell)) return {clock, std::nullopt};
  auto dash = cell.find('-');
  if (dash == std::string_view::npos) return {};
  return {parse_clock(cell.substr(0, dash)), parse_clock(cell.substr(dash + 1))};
}

std::optional<Columns> headed_columns(const std::vector<std::string>& header) {
  Columns c{-1, -1, -1, true};
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string h = ascii_lower(one_line(header[i]));
    int at = static_cast<int>(i);
    if (is_one_of(h, {"speaker", "name", "person", "participant", "who"})) c.speaker = at;
    if (is_one_of(h, {"text", "transcript", "utterance", "content", "speech", "statement"})) {
      c.text = at;
    }
    if (is_one_of(h, {"time", "timestamp", "timespan", "start", "start time"})) c.time = at;
  }
  if (c.speaker < 0 || c.text < 0) return std::nullopt;
  return c;
}

// Unheaded tables: [time,] speaker, text in at least 80% of the rows.
std::optional<Columns> unheaded_columns(const std::vector<std::vector<std::string>>& rows) {
  std::size_t width = rows.front().size();
  if ((width != 2 && width != 3) || rows.size() < 2) return std::nullopt;
  Columns c{width == 3 ? 0 : -1, width == 3 ? 1 : 0, width == 3 ? 2 : 1, false};
  std::size_t fitting = 0;
  for (const auto& row : rows) {
    if (row.size() != width) continue;
    bool time_ok = c.time < 0 || parse_time_cell(row[0]).first.has_value();
    const std::string& name = row[static_cast<std::size_t>(c.speaker)];
    fitting += time_ok && (name.empty() || looks_like_name(one_line(name))) ? 1 : 0;
  }
  if (fitting * 5 < rows.size() * 4) return std::nullopt;
  return c;
}

std::optional<Columns> transcript_columns(const std::vector<std::vector<std::string>>& rows) {
  if (auto headed = headed_columns(rows.front())) return headed;
  return unheaded_columns(rows);
}

std::string cell(const std::vector<std::string>& row, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= row.size()) return {};
  return one_line(row[static_cast<std::size_t>(column)]);
}

// One cue per row; a row with an empty speaker cell continues the speaker above it.
void add_turn_rows(const std::vector<std::vector<std::string>>& rows, const Columns& c,
                   std::vector<Cue>& cues) {
  std::string speaker;
  for (std::size_t r = c.headed ? 1 : 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (std::string named = cell(row, c.speaker); !named.empty()) speaker = named;
    auto [start, end] = parse_time_cell(cell(row, c.time));
    cues.push_back(Cue{start, end, speaker, cell(row, c.text), static_cast<int>(r) + 1});
  }
}

std::string table_text(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "\t" : "") + one_line(row[i]);
    out += line + '\n';
  }
  return out;
}

}  // namespace

Extraction lay_out_blocks(const std::vector<DocumentBlock>& blocks,
                          const std::vector<std::string>& sections, std::string reader) {
  Extraction out;
  out.reader = std::move(reader);
  std::vector<Cue> cues;
  bool has_turns = false;
  for (const auto& block : blocks) {
    if (!block.is_table()) {
      out.text += block.text + '\n';
      cues.push_back(Cue{{}, {}, {}, block.text, 0, true});
      continue;
    }
    out.text += table_text(block.rows);
    if (auto columns = transcript_columns(block.rows)) {
      add_turn_rows(block.rows, *columns, cues);
      has_turns = true;
    } else {
      cues.push_back(Cue{{}, {}, {}, table_text(block.rows), 0, true});
    }
  }
  for (const auto& section : sections) {
    out.text += '\n' + section + '\n';
    cues.push_back(Cue{{}, {}, {}, section, 0, true});
  }
  if (has_turns) {
    if (auto transcript = assemble_transcript(cues, out.reader)) {
      out.text = transcript->text;
      out.transcript = std::move(*transcript);
    }
  }
  return out;
}

}  // namespace thematica
