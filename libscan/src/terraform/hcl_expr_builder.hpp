// Tree-sitter HCL expression nodes to the Terraform AST (tf::Expr). Purely syntactic: no
// value is looked up here; templates, heredocs and escapes are decoded into literal parts.
#pragma once

#include "terraform/ast.hpp"
#include "terraform/hcl_syntax.hpp"

namespace iacscan::detail::hcl {

// Builds the AST of an `expression` node. `depth` counts enclosing blocks and expressions;
// past kMaxDepth the expression becomes an unknown literal and the context records where.
tf::Expr build_expression(SyntaxContext& context, TSNode expression, int depth);

}  // namespace iacscan::detail::hcl
