// Type conversion functions. Terraform's list, set and map types hold one element type, so
// converting a mixed collection unifies it: strings with numbers or bools become strings.
#include <algorithm>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

bool is_scalar(const Value& v) {
  return v.is_string() || v.is_number() || v.is_bool();
}

// Gives `items` (the elements of a list, set or map) one element type, or fails.
void unify(std::vector<Value*> items) {
  bool strings = false, numbers = false, bools = false, collections = false;
  for (const Value* item : items) {
    strings = strings || item->is_string();
    numbers = numbers || item->is_number();
    bools = bools || item->is_bool();
    collections = collections || item->is_list() || item->is_map();
  }
  const int scalar_kinds = int{strings} + int{numbers} + int{bools};
  if (collections && scalar_kinds > 0)
    fail("all elements must have the same type (collections cannot mix with primitives)");
  if (scalar_kinds <= 1) return;
  if (!strings) fail("all elements must have the same type (cannot mix numbers and bools)");
  for (Value* item : items)
    if (is_scalar(*item) && !item->is_string()) *item = convert_to_string(*item);
}

Value tostring(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_null()) return value;
  if (!is_scalar(value)) fail("cannot convert " + std::string(type_name(value)) + " to string");
  return Value::string(*to_string(value));
}

Value tonumber(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_null()) return value;
  if (auto number = to_number(value)) return make_number(*number);
  if (value.is_string()) fail("cannot convert \"" + value.text() + "\" to number");
  fail("cannot convert " + std::string(type_name(value)) + " to number");
}

Value tobool(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_null()) return value;
  if (auto flag = to_bool(value)) return Value::boolean(*flag);
  if (value.is_string()) fail("cannot convert \"" + value.text() + "\" to bool");
  fail("cannot convert " + std::string(type_name(value)) + " to bool");
}

Value::List unified_items(FunctionCall& call) {
  Value::List items = expect_list(call, 0);
  std::vector<Value*> pointers;
  for (Value& item : items) pointers.push_back(&item);
  unify(pointers);
  return items;
}

// A list of unknown elements still converts: the elements stay unknown in place.
Value tolist(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_unknown()) return unknown_result();
  if (value.is_null()) return value;
  return Value::list(unified_items(call));
}

Value toset(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_null()) return value;
  return Value::list(make_set(unified_items(call)));
}

Value tomap(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_unknown()) return unknown_result();
  if (value.is_null()) return value;
  Value::Map entries = expect_map(call, 0);
  std::vector<Value*> pointers;
  for (Value::Entry& entry : entries) pointers.push_back(&entry.value);
  unify(pointers);
  return sorted_map(std::move(entries));
}

// Sensitivity changes how Terraform displays a value, not the value, so both pass it on.
Value pass_through(FunctionCall& call) {
  return arg(call, 0);
}

// type() exists for the console; no configuration value can depend on it meaningfully.
Value type(FunctionCall&) {
  return Value::unknown("type() describes a type, not a value");
}

}  // namespace

std::vector<FunctionSpec> conversion_functions() {
  return {
      {"nonsensitive", pass_through, 1, 1, true},
      {"sensitive", pass_through, 1, 1, true},
      {"tobool", tobool, 1, 1, false},
      {"tolist", tolist, 1, 1, true},
      {"tomap", tomap, 1, 1, true},
      {"tonumber", tonumber, 1, 1, false},
      {"toset", toset, 1, 1, false},
      {"tostring", tostring, 1, 1, false},
      {"type", type, 1, 1, true},
  };
}

}  // namespace iacscan::detail::tf
