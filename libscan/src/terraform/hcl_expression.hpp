// HCL expressions to Values. Only what the syntax alone decides is evaluated (literals,
// tuples, objects, plain strings and heredocs); everything else becomes an unknown Value that
// names what it is and which resources, variables, locals and modules it references.
#pragma once

#include <string>
#include <vector>

#include "terraform/hcl_syntax.hpp"
#include "value/value.hpp"

namespace iacscan::detail::hcl {

// Converts an `expression` node. `depth` counts enclosing blocks and expressions; past
// kMaxDepth the value is unknown and the context records where.
Value evaluate(SyntaxContext& context, TSNode expression, int depth);

// Addresses of the traversals anywhere inside `node` ("aws_s3_bucket.x", "var.v",
// "data.t.n", "module.m", "local.l"), sorted and unique. Iteration variables, each, count,
// self, path and terraform are not references. Iterative, so any depth is safe.
std::vector<std::string> collect_refs(SyntaxContext& context, TSNode node);

// The decoded text of a string_lit node (a block label or an object key).
std::string string_literal(const SyntaxContext& context, TSNode string_lit);

}  // namespace iacscan::detail::hcl
