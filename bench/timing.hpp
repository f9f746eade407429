#pragma once
// What the benchmark programs share: stopping at the first failure (a benchmark has no one to
// report a Result to) and timing an operation as the median of several runs.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace thematica::bench {

template <typename T>
T value_or_die(Result<T> result) {
  if (!result) {
    std::fprintf(stderr, "bench failed: %s\n", result.error().message.c_str());
    std::exit(1);
  }
  return std::move(*result);
}

inline void ok_or_die(const Status& status) {
  if (!status) {
    std::fprintf(stderr, "bench failed: %s\n", status.error().message.c_str());
    std::exit(1);
  }
}

// The median of `runs` timed calls, in milliseconds.
inline double median_ms(int runs, const std::function<void()>& op) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    op();
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace thematica::bench
