// Typed reading of configuration values: each reader returns the value in the type ScanOptions
// wants or throws ConfigError naming the key path ("organization.approved_regions[1]"), what
// was expected and what was found, located at the value (or its key when the value has no
// position).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

// A value of the configuration document with the key path users read in errors.
struct Field {
  const Value& value;
  std::string path;  // "" for the document itself
  Span key_span;     // the key that holds the value; invalid for list items and the document
};

Field entry_field(const Field& map, const Value::Entry& entry);
Field item_field(const Field& list, std::size_t index);

[[noreturn]] void fail(const Field& field, const std::string& message);
[[noreturn]] void fail_at_key(const Field& field, const std::string& message);

// "a string", "a number", "a list", "nothing"...: what a value is, for "expected X, got Y".
std::string describe(const Value& value);

// A map of keys: null (a key left without a value, or whose children are all commented out)
// reads as an empty map. Unknown keys fail with the closest known one as a suggestion.
const Value::Map& read_map(const Field& field);
void check_known_keys(const Field& map, const std::vector<std::string_view>& known);

// A list: null reads as no list at all (is_set false), so that a key whose items are all
// commented out leaves the setting as it was.
bool is_set(const Field& field);
const Value::List& read_list(const Field& field);

bool read_bool(const Field& field);
// A non-empty string; numbers and booleans are refused so that a quoted value is never needed
// by surprise later.
std::string read_string(const Field& field);
// A string, number or boolean as written: values handed on as text (variables, parameters).
std::string read_scalar_text(const Field& field);
std::size_t read_positive_integer(const Field& field);
// A positive integer of bytes, or a string with a k, m or g suffix (powers of 1024): "20m".
std::size_t read_byte_size(const Field& field);
// One of `choices` (exact spelling); otherwise the error lists them and suggests the nearest.
std::string read_choice(const Field& field, const std::vector<std::string_view>& choices);

// Each item of a list through `read_item`; an unset (null) list leaves `out` untouched.
template <typename ReadItem>
void read_each(const Field& field, std::vector<std::string>& out, ReadItem read_item) {
  if (!is_set(field)) return;
  const Value::List& items = read_list(field);
  std::vector<std::string> values;
  values.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) values.push_back(read_item(item_field(field, i)));
  out = std::move(values);
}

}  // namespace iacscan::detail
