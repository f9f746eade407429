#pragma once
// Presence/absence reliability data kept sparsely: did each coder apply a code to a unit? Only the
// units where at least one coder said "present" are listed; the units where every coder said
// "absent" are only counted, because on a project a code is absent from most units. Every unit is
// rated by every coder (agreement on a project compares coders over documents they all coded).

#include <cstdint>
#include <vector>

#include "stats/coefficient.hpp"
#include "stats/krippendorff_alpha.hpp"
#include "stats/ratings.hpp"

namespace thematica {

// At most this many coders: a unit's presences are a bit mask.
inline constexpr std::size_t kMaxPresenceCoders = 64;

class PresenceTable {
 public:
  explicit PresenceTable(std::size_t coders) : coders_(coders) {}

  // A unit where coder i said "present" when bit i of `present` is set (at least one bit).
  void add_present(std::uint64_t present) { present_.push_back(present); }
  // `count` units where every coder said "absent".
  void add_absent(std::size_t count) { absent_ += count; }
  // The units of `other` (same coders) added to these: how a pooled figure is formed.
  void append(const PresenceTable& other);

  std::size_t coders() const { return coders_; }
  std::size_t units() const { return present_.size() + absent_; }
  const std::vector<std::uint64_t>& present_units() const { return present_; }
  // Units where every coder said "present".
  std::size_t units_all_present() const;

  // Values 0 (absent) and 1 (present).
  Coincidences coincidences() const;
  // Coder 0 by coder 1; only for two coders.
  Crosstab crosstab() const;

 private:
  std::size_t coders_;
  std::vector<std::uint64_t> present_;
  std::size_t absent_ = 0;
};

// The mean over units of the share of pairs of coders who agree (percent_agreement of
// category_agreement.hpp, for these data).
Coefficient percent_agreement(const PresenceTable& table);

}  // namespace thematica
