// Nested stacks: an AWS::CloudFormation::Stack whose TemplateURL is a local relative path is
// loaded with the parameters its parent passes, and its resources join the graph under the
// parent's address ("Network.Vpc"). Remote templates are never fetched.
#pragma once

#include <cstddef>
#include <vector>

#include "cloudformation/context.hpp"
#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

struct NestedStackLimits {
  std::size_t max_file_bytes = 20u * 1024u * 1024u;
  std::size_t max_depth = 8;
  bool read_from_disk = true;  // false: only templates already in `sources` (in-memory scans)
};

// Runs after every file is loaded, sequentially (it may add child templates to `sources`).
// `loaded[i]` belongs to `sources.at(i)`; child resources are appended to their top-level
// parent's LoadedFile. A scanned template that some parent nests is judged only as nested:
// its standalone copy (with default parameters) is dropped.
void expand_nested_stacks(SourceSet& sources, std::vector<LoadedFile>& loaded,
                          const CloudFormationContext& context, const NestedStackLimits& limits);

}  // namespace iacscan::detail
