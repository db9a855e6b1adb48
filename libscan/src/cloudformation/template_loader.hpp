// Loads one CloudFormation candidate file (JSON or YAML): decides whether it is a template at
// all, reads it with positions and turns each entry of Resources into a Resource with its
// properties evaluated.
#pragma once

#include "cloudformation/context.hpp"
#include "graph/loaded_file.hpp"
#include "iam/policy_file.hpp"
#include "source/source_file.hpp"
#include "value/json_reader.hpp"

namespace iacscan::detail {

// Files that are not templates (Kubernetes manifests, buildspecs, package.json) come back with
// is_iac=false and no diagnostics. A file that fails to read is reported as a parse error only
// when its text looks like a template. Resource properties are evaluated (parameters from
// `context`, conditions, intrinsic functions); resources whose Condition is false are left out.
// A JSON file that is neither a template nor a Terraform plan may be a standalone policy
// (iam/policy_file.hpp), classified with the help of `policy_files`.
LoadedFile load_cloudformation_file(const SourceFile& file, const CloudFormationContext& context,
                                    const iam::PolicyFileRules& policy_files = {});

// Reads a template's text into Values (JSON when it starts with '{', else YAML with the
// short-form tags), without detecting or evaluating anything.
ReadResult read_template(const SourceFile& file);

// The same with no parameter values given (tests, benchmarks).
LoadedFile load_cloudformation_file(const SourceFile& file);

}  // namespace iacscan::detail
