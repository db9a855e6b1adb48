// Timing shared by the benchmark programs: the best of several runs, which is the figure
// least disturbed by other work on the machine.
#pragma once

#include <algorithm>
#include <chrono>

template <typename F>
double best_seconds(int repeat, F&& work) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(stop - start).count());
  }
  return best;
}
