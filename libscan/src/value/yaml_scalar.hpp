// Resolution of untagged plain YAML scalars by the YAML 1.2 core schema.
#pragma once

#include <string>

#include "value/value.hpp"

namespace iacscan::detail {

// "~", "null", "" → null; true/false in any case → bool; 12, 0x1F, 0o17, 1.5e3, .inf, .nan →
// number (keeping the text as written); anything else → string.
Value resolve_plain_scalar(const std::string& text, Span span);

}  // namespace iacscan::detail
