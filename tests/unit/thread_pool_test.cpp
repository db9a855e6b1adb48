// parallel_for: every index runs exactly once, and task exceptions surface.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/thread_pool.hpp"

using iacscan::detail::parallel_for;

TEST_CASE("each index runs exactly once, for any thread count") {
  for (unsigned jobs : {1u, 2u, 4u, 16u}) {
    std::vector<std::atomic<int>> hits(1000);
    parallel_for(hits.size(), jobs, [&](std::size_t i) { hits[i]++; });
    for (auto& h : hits) CHECK(h.load() == 1);
  }
  parallel_for(0, 4, [](std::size_t) { FAIL("no work expected"); });
}

TEST_CASE("an exception in a task is rethrown after all threads finish") {
  CHECK_THROWS_AS(parallel_for(100, 4,
                               [](std::size_t i) {
                                 if (i == 42) throw std::runtime_error("boom");
                               }),
                  std::runtime_error);
}
