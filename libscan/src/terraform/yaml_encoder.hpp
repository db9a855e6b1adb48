// Terraform's jsonencode and yamlencode text for a value, byte for byte where it matters to
// rules (a policy document built with jsonencode, a cloud-init file built with yamlencode).
// Private to the encoding functions.
#pragma once

#include <string>

#include "value/value.hpp"

namespace iacscan::detail::tf {

// A number as go-cty writes it in JSON and YAML: plain decimal, never an exponent
// ("1000000000000000000000", "0.0000001").
std::string decimal_number(double value);

// yamlencode's output for a fully known value: the YAML emitter Terraform uses, in block
// style with map keys sorted, every string double-quoted (or a literal block when it holds a
// line break), long quoted strings folded after column 80.
std::string encode_yaml(const Value& value);

}  // namespace iacscan::detail::tf
