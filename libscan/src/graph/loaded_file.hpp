// LoadedFile: what a loader makes of one source file. Loaders run in parallel, one file each,
// and never touch shared state; the graph builder merges their output in file order.
#pragma once

#include <vector>

#include "graph/resource.hpp"
#include "iacscan/finding.hpp"

namespace iacscan::detail {

struct LoadedFile {
  bool is_iac = false;  // false: not a file we understand (e.g. a Kubernetes manifest)
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace iacscan::detail
