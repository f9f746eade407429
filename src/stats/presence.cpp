#include "stats/presence.hpp"

#include <bit>

namespace thematica {

void PresenceTable::append(const PresenceTable& other) {
  present_.insert(present_.end(), other.present_.begin(), other.present_.end());
  absent_ += other.absent_;
}

std::size_t PresenceTable::units_all_present() const {
  std::size_t all = 0;
  for (auto mask : present_) all += std::popcount(mask) == static_cast<int>(coders_) ? 1 : 0;
  return all;
}

Coincidences PresenceTable::coincidences() const {
  // A unit with k of m values present holds k(k-1) present-present pairs, (m-k)(m-k-1)
  // absent-absent pairs and 2k(m-k) mixed ones, each weighted 1/(m-1).
  auto m = static_cast<double>(coders_);
  double absent_pairs = m * static_cast<double>(absent_), present_pairs = 0, mixed_pairs = 0;
  for (auto mask : present_) {
    auto k = static_cast<double>(std::popcount(mask));
    present_pairs += k * (k - 1) / (m - 1);
    absent_pairs += (m - k) * (m - k - 1) / (m - 1);
    mixed_pairs += 2 * k * (m - k) / (m - 1);
  }
  Coincidences out;
  out.categories = {0, 1};
  out.units = units();
  out.coders = coders_;
  if (absent_pairs > 0) out.cells.push_back({0, 0, absent_pairs});
  if (mixed_pairs > 0) out.cells.push_back({0, 1, mixed_pairs});
  if (present_pairs > 0) out.cells.push_back({1, 1, present_pairs});
  return out;
}

Crosstab PresenceTable::crosstab() const {
  Crosstab table(2);
  table.set(0, 0, static_cast<double>(absent_));
  for (auto mask : present_) {
    std::size_t first = mask & 1 ? 1 : 0, second = mask & 2 ? 1 : 0;
    table.set(first, second, table.at(first, second) + 1);
  }
  return table;
}

Coefficient percent_agreement(const PresenceTable& table) {
  if (table.units() == 0 || table.coders() < 2) {
    return undefined_coefficient("no unit was rated by two coders, so nothing can be compared", 0);
  }
  auto m = static_cast<double>(table.coders());
  double agreeing = static_cast<double>(table.units() - table.present_units().size());
  for (auto mask : table.present_units()) {
    auto k = static_cast<double>(std::popcount(mask));
    agreeing += (k * (k - 1) + (m - k) * (m - k - 1)) / (m * (m - 1));
  }
  Coefficient c;
  c.value = c.observed = agreeing / static_cast<double>(table.units());
  c.units = table.units();
  c.values = table.units() * table.coders();
  return c;
}

}  // namespace thematica
