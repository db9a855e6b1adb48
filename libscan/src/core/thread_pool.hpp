// parallel_for: runs task(i) for i in [0, count) on up to `jobs` threads. Results go into
// caller-owned slots indexed by i, so output order never depends on scheduling.
#pragma once

#include <cstddef>
#include <functional>

namespace iacscan::detail {

// jobs == 0 means one thread per hardware thread. The calling thread takes part.
// Exceptions escaping a task are bugs: the first one is rethrown after all threads finish.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task);

unsigned effective_jobs(unsigned requested) noexcept;

}  // namespace iacscan::detail
