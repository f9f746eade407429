#pragma once
// Which themes come up together: for each pair of themes, how many of the first's coded segments
// overlap (or share a speaker turn with) a segment of the second. Plain data, filled by
// services/cooccurrence and written by the report writers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace thematica::report {

enum class Within { kOverlap, kTurn };

struct Cooccurrence {
  Within within = Within::kOverlap;
  std::vector<std::string> paths;  // the themes, rows and columns alike
  std::vector<std::string> names;
  std::vector<std::string> colours;
  std::vector<int> depths;
  std::vector<std::int64_t> segments;  // each theme's coded segments (its sub-themes' included)
  // cells[a][b]: a's segments that meet a segment of b; nullopt on the diagonal and for a theme
  // and its own sub-theme, which meet by construction.
  std::vector<std::vector<std::optional<std::int64_t>>> cells;
  std::string methods;
};

// cells[a][b] as a percentage of a's segments; nullopt when not applicable or a has none.
std::optional<double> cooccurrence_percent(const Cooccurrence& c, std::size_t a, std::size_t b);

// RFC 4180: "theme, segments", then for each theme B "B" and "B %".
std::string cooccurrence_csv(const Cooccurrence& c);

}  // namespace thematica::report
