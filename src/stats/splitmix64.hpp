#pragma once
// A small, fully specified random number generator (SplitMix64: Steele, Lea & Flood 2014), so
// that a bootstrap with a given seed draws the same numbers on every machine and in every version,
// and a reported interval can be reproduced exactly.

#include <cstddef>
#include <cstdint>

namespace thematica {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n).
  std::size_t below(std::size_t n) {
    auto i = static_cast<std::size_t>(uniform() * static_cast<double>(n));
    return i < n ? i : n - 1;
  }

 private:
  std::uint64_t state_;
};

}  // namespace thematica
