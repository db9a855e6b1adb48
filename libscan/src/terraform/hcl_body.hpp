// HCL blocks to the Terraform AST: a block's shape (type, labels, body) and its body's
// attributes and nested blocks, with positions.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "terraform/ast.hpp"
#include "terraform/hcl_syntax.hpp"

namespace iacscan::detail::hcl {

// The parts of a `block` node. Labels past the fourth are counted but not kept: no block we
// read has more than two.
struct BlockShape {
  TSNode type{};
  std::array<TSNode, 4> labels{};
  std::size_t label_count = 0;
  TSNode body{};  // null node for an empty block
  bool has_body = false;
};
BlockShape block_shape(SyntaxContext& context, TSNode block);

// A label's value: the decoded string, or the identifier as written.
std::string label_text(const SyntaxContext& context, TSNode label);

// The decoded text of a string_lit node (a label or a string literal).
std::string string_literal(const SyntaxContext& context, TSNode string_lit);

// A whole block: type, labels, spans and body. `depth` counts enclosing blocks and
// expressions (see kMaxDepth).
tf::Block build_block(SyntaxContext& context, TSNode block, int depth);

// A `body` node's attributes and blocks, appended to `out`.
void build_body(SyntaxContext& context, TSNode body, int depth, tf::Body& out);

// An `attribute` node; false when it is malformed.
bool build_attribute(SyntaxContext& context, TSNode attribute, int depth, tf::Attribute& out);

}  // namespace iacscan::detail::hcl
