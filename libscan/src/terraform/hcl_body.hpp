// HCL blocks to Values: a block's shape (type, labels, body) and its body as a map, with
// nested blocks as lists of maps and `dynamic` blocks as unknowns.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "terraform/hcl_syntax.hpp"
#include "value/value.hpp"

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

// The block's body as a map spanning the whole block. `depth` counts enclosing blocks and
// expressions (see kMaxDepth).
Value block_body(SyntaxContext& context, TSNode block, const BlockShape& shape, int depth);

}  // namespace iacscan::detail::hcl
