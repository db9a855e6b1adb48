// Set functions, transpose and matchkeys (part of the collection group). Sets are Value
// lists kept by make_set: unique, strings and numbers in order.
#include <algorithm>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

bool contains_value(const Value::List& list, const Value& value) {
  return std::any_of(list.begin(), list.end(), [&](const Value& item) {
    auto same = values_equal(item, value);
    return same && *same;
  });
}

Value setunion(FunctionCall& call) {
  Value::List all;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    const Value::List& set = expect_list(call, i);
    all.insert(all.end(), set.begin(), set.end());
  }
  return Value::list(make_set(std::move(all)));
}

Value setintersection(FunctionCall& call) {
  Value::List common = expect_list(call, 0);
  for (std::size_t i = 1; i < call.args.size(); ++i) {
    const Value::List& set = expect_list(call, i);
    std::erase_if(common, [&](const Value& item) { return !contains_value(set, item); });
  }
  return Value::list(make_set(std::move(common)));
}

Value setsubtract(FunctionCall& call) {
  Value::List remaining = expect_list(call, 0);
  const Value::List& removed = expect_list(call, 1);
  std::erase_if(remaining, [&](const Value& item) { return contains_value(removed, item); });
  return Value::list(make_set(std::move(remaining)));
}

// Every combination taking one element from each argument, first argument varying slowest.
// Capped like range so a large product cannot exhaust memory.
constexpr std::size_t kProductLimit = 100'000;

Value setproduct(FunctionCall& call) {
  std::vector<Value::List> sets;
  std::size_t total = 1;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    sets.push_back(expect_list(call, i));
    total *= sets.back().size();
    if (total > kProductLimit) fail("the product has more than 100000 elements");
  }
  Value::List product;
  if (total == 0) return Value::list(std::move(product));
  std::vector<std::size_t> position(sets.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    Value::List combination;
    for (std::size_t k = 0; k < sets.size(); ++k) combination.push_back(sets[k][position[k]]);
    product.push_back(Value::list(std::move(combination)));
    for (std::size_t k = sets.size(); k-- > 0;) {  // advance like an odometer
      if (++position[k] < sets[k].size()) break;
      position[k] = 0;
    }
  }
  return Value::list(std::move(product));
}

// {a = ["x", "y"], b = ["x"]} -> {x = ["a", "b"], y = ["a"]}.
Value transpose(FunctionCall& call) {
  Value result = Value::map({});
  const Value sorted = sorted_map(expect_map(call, 0));
  for (const Value::Entry& entry : sorted.entries()) {
    if (!entry.value.is_list())
      fail("the values of the map must be lists of strings, got " +
           std::string(type_name(entry.value)));
    for (const Value& item : entry.value.items()) {
      auto key = to_string(item);
      if (!key) fail("the lists in the map must contain only strings");
      Value* keys = result.find(*key);
      if (!keys) {
        result.set(*key, Value::list({}));
        keys = result.find(*key);
      }
      keys->items().push_back(Value::string(entry.key));
    }
  }
  return sorted_map(std::move(result.entries()));
}

Value matchkeys(FunctionCall& call) {
  const Value::List& values = expect_list(call, 0);
  const Value::List& keys = expect_list(call, 1);
  const Value::List& search = expect_list(call, 2);
  if (values.size() != keys.size()) fail("length of keys and values should be equal");
  Value::List matched;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (contains_value(search, keys[i])) matched.push_back(values[i]);
  return Value::list(std::move(matched));
}

}  // namespace

std::vector<FunctionSpec> set_functions() {
  return {
      {"matchkeys", matchkeys, 3, 3, false},    {"setintersection", setintersection, 1, -1, false},
      {"setproduct", setproduct, 2, -1, false}, {"setsubtract", setsubtract, 2, 2, false},
      {"setunion", setunion, 1, -1, false},     {"transpose", transpose, 1, 1, false},
  };
}

}  // namespace iacscan::detail::tf
