// Variable type constraints (`type = list(object({...}))`) and Terraform's conversion of a
// given value to them, including optional object attributes and their defaults.
#pragma once

#include "terraform/ast.hpp"
#include "value/value.hpp"

namespace iacscan::detail::tf {

// Converts `value` to the type written as `type` (the expression of a variable's `type`
// argument). Unknown parts stay unknown; an impossible conversion is an error value; a type
// expression we do not understand leaves the value as it is.
Value convert_to_type(const Value& value, const Expr& type);

// True when the type is a primitive (string, number, bool): a `--var` value for such a
// variable is the raw string, for any other it is parsed as an HCL expression.
bool is_primitive_type(const Expr& type);

}  // namespace iacscan::detail::tf
