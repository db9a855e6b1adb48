// Loads one CloudFormation candidate file (JSON or YAML): decides whether it is a template at
// all, reads it with positions and turns each entry of Resources into a Resource.
#pragma once

#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// Files that are not templates (Kubernetes manifests, buildspecs, package.json) come back with
// is_iac=false and no diagnostics. A file that fails to read is reported as a parse error only
// when its text looks like a template.
LoadedFile load_cloudformation_file(const SourceFile& file);

}  // namespace iacscan::detail
