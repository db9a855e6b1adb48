// AWS SAM (Transform: AWS::Serverless-2016-10-31): Globals merged into the serverless resources,
// and the plain resources SAM would generate for them (execution roles, function URLs, implicit
// APIs) added beside them, so rules see what a deployment would create.
#pragma once

#include <functional>
#include <vector>

#include "graph/resource.hpp"

namespace iacscan::detail {

// True when the template's Transform (a string or a list) names AWS::Serverless-2016-10-31.
bool is_serverless_template(const Value& template_root);

// Evaluates a value of the template's Globals section the way resource Properties are
// evaluated (the loader evaluates Properties only).
using GlobalsResolver = std::function<Value(const Value&)>;

// Expands AWS SAM resources (Transform: AWS::Serverless-2016-10-31) in place: each
// serverless resource keeps its address and gains the plain resources SAM would generate.
// Runs after intrinsic evaluation; Globals are taken from `template_root` with their intrinsic
// functions treated as unknown values.
void expand_serverless(std::vector<Resource>& resources, const Value& template_root);

// The same, with Globals evaluated by `resolve_globals`.
void expand_serverless(std::vector<Resource>& resources, const Value& template_root,
                       const GlobalsResolver& resolve_globals);

}  // namespace iacscan::detail
