// Loads one CloudFormation candidate file (JSON or YAML): decides whether it is a template at
// all, reads it with positions and turns each entry of Resources into a Resource with its
// properties evaluated.
#pragma once

#include "cloudformation/context.hpp"
#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// Files that are not templates (Kubernetes manifests, buildspecs, package.json) come back with
// is_iac=false and no diagnostics. A file that fails to read is reported as a parse error only
// when its text looks like a template. Resource properties are evaluated (parameters from
// `context`, conditions, intrinsic functions); resources whose Condition is false are left out.
LoadedFile load_cloudformation_file(const SourceFile& file, const CloudFormationContext& context);

// The same with no parameter values given (tests, benchmarks).
LoadedFile load_cloudformation_file(const SourceFile& file);

}  // namespace iacscan::detail
