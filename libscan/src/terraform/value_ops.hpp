// Terraform's rules for Values: type conversions, equality, number formatting, and the
// error values evaluation uses. Shared by the expression evaluator and the functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail::tf {

// A number as Terraform prints it: integers without a fraction ("3", "-12"), other values in
// the shortest form that reads back the same ("0.1", "1e+21").
std::string format_number(double value);
Value make_number(double value, Span span = {});

// An evaluation error (a failing function, a bad index, a type mismatch). It travels as an
// unknown value, so no rule ever judges it, but `try` and `can` can tell it from a value
// that is merely not known yet.
Value error_value(std::string message, Span span = {});
bool is_error(const Value& value) noexcept;
// True when `value` or anything inside it is an error.
bool contains_error(const Value& value) noexcept;

// Terraform's automatic conversions. nullopt when the conversion is not allowed; unknown
// inputs give unknown outputs (checked by the caller with is_unknown()).
std::optional<std::string> to_string(const Value& value);  // string, number, bool
std::optional<double> to_number(const Value& value);       // number, numeric string
std::optional<bool> to_bool(const Value& value);           // bool, "true"/"false"

// Converted Values, with the input's span, refs and origin. An unknown input stays unknown;
// an impossible conversion is an error value.
Value convert_to_string(const Value& value);
Value convert_to_number(const Value& value);
Value convert_to_bool(const Value& value);

// Deep equality as Terraform's `==`: kinds must match (1 != "1"), lists element-wise, maps
// by key regardless of order. Unknown when either side is not fully known.
std::optional<bool> values_equal(const Value& a, const Value& b);

// A set as Terraform keeps one: duplicates removed, strings sorted lexically, numbers
// numerically (Terraform orders sets of strings this way when iterating).
Value::List make_set(Value::List items);

// The union of the refs of `values`, sorted and unique, for a value derived from them.
std::vector<std::string> merge_refs(const std::vector<const Value*>& values);
void add_refs(Value& target, const Value& source);

// Terraform's type name of a value, for messages: "string", "number", "bool", "list",
// "map", "null", "unknown".
std::string_view type_name(const Value& value) noexcept;

}  // namespace iacscan::detail::tf
