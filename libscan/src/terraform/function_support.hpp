// Argument checking shared by the built-in functions (private to functions_*.cpp).
//
// A function rejects a bad argument by throwing FunctionFailure (through fail() or one of
// the expect_* helpers); call_function catches it and returns
// error_value("<function>: <message>", call span). This keeps each function's body about
// its result rather than about threading errors back through every helper.
//
// When call_function runs a function whose spec has handles_unknown == false, every argument
// is fully known and error-free, so the expect_* helpers never see an unknown. Functions
// with handles_unknown == true must look at unknowns themselves before calling them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "terraform/functions.hpp"
#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {

// Thrown by a function to fail the call; `message` is without the function name.
struct FunctionFailure {
  std::string message;
};

[[noreturn]] inline void fail(std::string message) {
  throw FunctionFailure{std::move(message)};
}

inline const Value& arg(const FunctionCall& call, std::size_t index) {
  return call.args[index];
}

// "argument 2", for messages (1-based, as users count them).
inline std::string argument_label(std::size_t index) {
  return "argument " + std::to_string(index + 1);
}

inline void expect_not_null(const FunctionCall& call, std::size_t index) {
  if (arg(call, index).is_null()) fail(argument_label(index) + " must not be null");
}

// The argument as a string, with Terraform's automatic conversion of numbers and bools.
inline std::string expect_string(const FunctionCall& call, std::size_t index) {
  const Value& value = arg(call, index);
  expect_not_null(call, index);
  if (auto text = to_string(value)) return *text;
  fail(argument_label(index) + " must be a string, got " + std::string(type_name(value)));
}

// The argument as a number, with the automatic conversion of numeric strings.
inline double expect_number(const FunctionCall& call, std::size_t index) {
  const Value& value = arg(call, index);
  expect_not_null(call, index);
  if (auto number = to_number(value)) return *number;
  if (value.is_string())
    fail(argument_label(index) + ": cannot convert \"" + value.text() + "\" to number");
  fail(argument_label(index) + " must be a number, got " + std::string(type_name(value)));
}

// A whole number (indexes, counts, widths); fractions are rejected as Terraform does.
inline std::int64_t expect_integer(const FunctionCall& call, std::size_t index) {
  const double number = expect_number(call, index);
  if (!std::isfinite(number) || number != std::floor(number) || std::fabs(number) > 9e15)
    fail(argument_label(index) + " must be a whole number, got " + format_number(number));
  return static_cast<std::int64_t>(number);
}

// The argument as a bool, with the automatic conversion of "true"/"false".
inline bool expect_bool(const FunctionCall& call, std::size_t index) {
  const Value& value = arg(call, index);
  expect_not_null(call, index);
  if (auto flag = to_bool(value)) return *flag;
  fail(argument_label(index) + " must be a bool, got " + std::string(type_name(value)));
}

// A list, tuple or set (all Value lists).
inline const Value::List& expect_list(const FunctionCall& call, std::size_t index) {
  const Value& value = arg(call, index);
  expect_not_null(call, index);
  if (!value.is_list())
    fail(argument_label(index) + " must be a list, got " + std::string(type_name(value)));
  return value.items();
}

// A map or object (Value maps).
inline const Value::Map& expect_map(const FunctionCall& call, std::size_t index) {
  const Value& value = arg(call, index);
  expect_not_null(call, index);
  if (!value.is_map())
    fail(argument_label(index) + " must be a map, got " + std::string(type_name(value)));
  return value.entries();
}

// `number` rounded to 15 significant digits when it has a fraction. Terraform computes in
// arbitrary precision, so 0.1 + 0.2 is 0.3 there; with doubles the sum needs this tidying to
// print the same. Whole numbers are left alone: they are exact up to 2^53.
inline double decimal_tidy(double number) {
  if (!std::isfinite(number) || number == std::floor(number)) return number;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", number);
  return std::strtod(buffer, nullptr);
}

// A map Value with its entries sorted by key, as Terraform iterates maps and objects.
inline Value sorted_map(Value::Map entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
  return Value::map(std::move(entries));
}

// The byte length of the UTF-8 character starting at text[pos]; 1 for a stray byte, so
// malformed input still advances.
inline std::size_t utf8_char_length(std::string_view text, std::size_t pos) noexcept {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 1;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = lead < 0xF8 ? 3 : 1;
  } else if (lead >= 0xC0) {
    length = 2;
  }
  if (pos + length > text.size()) return 1;
  for (std::size_t i = 1; i < length; ++i)
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 1;
  return length;
}

// `text` cut into characters (code points), each a view into `text`.
inline std::vector<std::string_view> utf8_characters(std::string_view text) {
  std::vector<std::string_view> characters;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8_char_length(text, pos);
    characters.push_back(text.substr(pos, length));
    pos += length;
  }
  return characters;
}

inline std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += utf8_char_length(text, pos)) ++count;
  return count;
}

// For functions with handles_unknown: the result when an argument they need is unknown.
inline Value unknown_result() {
  return Value::unknown("depends on an unknown value");
}

// Groups split over two files to keep each small; their group function appends them.
std::vector<FunctionSpec> format_functions();  // functions_format.cpp: format, formatlist
std::vector<FunctionSpec> set_functions();     // functions_set.cpp: set*, transpose, ...

}  // namespace iacscan::detail::tf
