// Collection functions over lists (Terraform's lists, tuples and sets) and maps (maps and
// objects). Functions that only rearrange elements handle unknowns themselves, so a known
// list with an unknown element still has a known length, keys and order.
#include <algorithm>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

bool equal(const Value& a, const Value& b) {
  auto same = values_equal(a, b);
  return same && *same;
}

Value merge(FunctionCall& call) {
  Value::Map merged;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    const Value& a = arg(call, i);
    if (a.is_null()) continue;
    if (a.is_unknown()) return unknown_result();
    if (!a.is_map()) fail("arguments must be maps or objects, got " + std::string(type_name(a)));
    for (const Value::Entry& entry : a.entries()) {
      auto existing = std::find_if(merged.begin(), merged.end(),
                                   [&](const Value::Entry& e) { return e.key == entry.key; });
      if (existing != merged.end())
        *existing = entry;
      else
        merged.push_back(entry);
    }
  }
  return sorted_map(std::move(merged));
}

Value concat(FunctionCall& call) {
  Value::List items;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    if (arg(call, i).is_unknown()) return unknown_result();
    const Value::List& list = expect_list(call, i);
    items.insert(items.end(), list.begin(), list.end());
  }
  return Value::list(std::move(items));
}

Value lookup(FunctionCall& call) {
  if (arg(call, 0).is_unknown() || !arg(call, 1).is_fully_known()) return unknown_result();
  const Value::Map& map = expect_map(call, 0);
  const std::string key = expect_string(call, 1);
  for (const Value::Entry& entry : map)
    if (entry.key == key) return entry.value;
  if (call.args.size() == 3) return arg(call, 2);
  fail("lookup failed to find key \"" + key + "\"");
}

Value element(FunctionCall& call) {
  if (arg(call, 0).is_unknown() || !arg(call, 1).is_fully_known()) return unknown_result();
  const Value::List& list = expect_list(call, 0);
  const std::int64_t index = expect_integer(call, 1);
  if (list.empty()) fail("cannot use element function with an empty list");
  if (index < 0) fail("cannot use element function with a negative index");
  return list[static_cast<std::size_t>(index % static_cast<std::int64_t>(list.size()))];
}

Value length(FunctionCall& call) {
  const Value& value = arg(call, 0);
  if (value.is_unknown()) return unknown_result();
  expect_not_null(call, 0);
  if (value.is_list()) return make_number(static_cast<double>(value.items().size()));
  if (value.is_map()) return make_number(static_cast<double>(value.entries().size()));
  if (value.is_string()) return make_number(static_cast<double>(utf8_length(value.text())));
  fail("argument must be a string, a collection type, or a structural type, got " +
       std::string(type_name(value)));
}

// Terraform converts coalesce's arguments to one type: mixing strings with numbers or bools
// gives a string.
Value coalesce(FunctionCall& call) {
  const bool any_string =
      std::any_of(call.args.begin(), call.args.end(), [](const Value& v) { return v.is_string(); });
  for (const Value& value : call.args) {
    if (value.is_unknown()) return unknown_result();
    if (value.is_null() || (value.is_string() && value.text().empty())) continue;
    if (any_string && (value.is_number() || value.is_bool()))
      return Value::string(*to_string(value));
    return value;
  }
  fail("no non-null, non-empty-string arguments");
}

Value coalescelist(FunctionCall& call) {
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    const Value& value = arg(call, i);
    if (value.is_unknown()) return unknown_result();
    if (value.is_null()) continue;
    if (!expect_list(call, i).empty()) return value;
  }
  fail("no non-null arguments");
}

Value compact(FunctionCall& call) {
  Value::List kept;
  for (const Value& item : expect_list(call, 0)) {
    if (item.is_null()) continue;
    auto text = to_string(item);
    if (!text) fail("argument must be a list of strings");
    if (!text->empty()) kept.push_back(Value::string(*text));
  }
  return Value::list(std::move(kept));
}

Value contains(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  return Value::boolean(std::any_of(list.begin(), list.end(),
                                    [&](const Value& v) { return equal(v, arg(call, 1)); }));
}

Value distinct(FunctionCall& call) {
  Value::List unique;
  for (const Value& item : expect_list(call, 0))
    if (std::none_of(unique.begin(), unique.end(), [&](const Value& u) { return equal(u, item); }))
      unique.push_back(item);
  return Value::list(std::move(unique));
}

void flatten_into(Value::List& out, const Value::List& items) {
  for (const Value& item : items) {
    if (item.is_list())
      flatten_into(out, item.items());
    else
      out.push_back(item);
  }
}

Value flatten(FunctionCall& call) {
  Value::List flat;
  flatten_into(flat, expect_list(call, 0));
  return Value::list(std::move(flat));
}

Value keys(FunctionCall& call) {
  if (arg(call, 0).is_unknown()) return unknown_result();
  Value::List names;
  const Value sorted = sorted_map(expect_map(call, 0));
  for (const Value::Entry& entry : sorted.entries())
    names.push_back(Value::string(entry.key, entry.key_span));
  return Value::list(std::move(names));
}

Value values(FunctionCall& call) {
  if (arg(call, 0).is_unknown()) return unknown_result();
  Value::List items;
  const Value sorted = sorted_map(expect_map(call, 0));
  for (const Value::Entry& entry : sorted.entries()) items.push_back(entry.value);
  return Value::list(std::move(items));
}

Value zipmap(FunctionCall& call) {
  if (!arg(call, 0).is_fully_known() || arg(call, 1).is_unknown()) return unknown_result();
  const Value::List& names = expect_list(call, 0);
  const Value::List& items = expect_list(call, 1);
  if (names.size() != items.size())
    fail("number of keys (" + std::to_string(names.size()) + ") does not match number of values (" +
         std::to_string(items.size()) + ")");
  Value result = Value::map({});
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto key = to_string(names[i]);
    if (!key) fail("keys must be strings, got " + std::string(type_name(names[i])));
    result.set(*key, items[i]);  // a repeated key: the later value wins
  }
  return sorted_map(std::move(result.entries()));
}

// Terraform caps range at 1024 elements to bound memory; we keep its limit so a
// configuration Terraform rejects is rejected here too.
constexpr std::size_t kRangeLimit = 1024;

Value range(FunctionCall& call) {
  const std::size_t count = call.args.size();
  const double start = count == 1 ? 0 : expect_number(call, 0);
  const double limit = expect_number(call, count == 1 ? 0 : 1);
  const double step = count == 3 ? expect_number(call, 2) : (start <= limit ? 1 : -1);
  if (step == 0) fail("step must not be zero");
  if (step > 0 && limit < start) fail("end must be greater than start when step is positive");
  if (step < 0 && limit > start) fail("end must be less than start when step is negative");
  Value::List numbers;
  // Each value from start and its position, so rounding errors do not add up step by step.
  for (double i = 0, n = start; step > 0 ? n < limit : n > limit;
       ++i, n = decimal_tidy(start + i * step)) {
    if (numbers.size() >= kRangeLimit)
      fail(
          "more than 1024 values were generated; either decrease the difference between start "
          "and end or use a smaller step");
    numbers.push_back(make_number(n));
  }
  return Value::list(std::move(numbers));
}

Value one(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  if (list.size() > 1) fail("must be a list, set, or tuple value with either zero or one elements");
  return list.empty() ? Value::null() : list.front();
}

Value reverse(FunctionCall& call) {
  if (arg(call, 0).is_unknown()) return unknown_result();
  Value::List items = expect_list(call, 0);
  std::reverse(items.begin(), items.end());
  return Value::list(std::move(items));
}

Value sort(FunctionCall& call) {
  std::vector<std::string> texts;
  for (const Value& item : expect_list(call, 0)) {
    if (item.is_null()) fail("given list element is null; a null string cannot be sorted");
    auto text = to_string(item);
    if (!text) fail("argument must be a list of strings");
    texts.push_back(*text);
  }
  std::sort(texts.begin(), texts.end());
  Value::List sorted;
  for (std::string& text : texts) sorted.push_back(Value::string(std::move(text)));
  return Value::list(std::move(sorted));
}

Value slice(FunctionCall& call) {
  if (arg(call, 0).is_unknown() || !arg(call, 1).is_fully_known() || !arg(call, 2).is_fully_known())
    return unknown_result();
  const Value::List& list = expect_list(call, 0);
  const std::int64_t from = expect_integer(call, 1);
  const std::int64_t to = expect_integer(call, 2);
  if (from < 0) fail("start index must not be less than zero");
  if (to > static_cast<std::int64_t>(list.size()))
    fail("end index must not be greater than the length of the list");
  if (from > to) fail("start index must not be greater than end index");
  return Value::list(Value::List(list.begin() + from, list.begin() + to));
}

Value index(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  for (std::size_t i = 0; i < list.size(); ++i)
    if (equal(list[i], arg(call, 1))) return make_number(static_cast<double>(i));
  fail("item not found");
}

Value chunklist(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  const std::int64_t size = expect_integer(call, 1);
  if (size < 0) fail("the size argument must be positive");
  if (size == 0) return Value::list({arg(call, 0)});
  Value::List chunks;
  for (std::size_t i = 0; i < list.size(); i += static_cast<std::size_t>(size)) {
    const std::size_t end = std::min(list.size(), i + static_cast<std::size_t>(size));
    chunks.push_back(Value::list(Value::List(list.begin() + static_cast<std::ptrdiff_t>(i),
                                             list.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  return Value::list(std::move(chunks));
}

// alltrue/anytrue: elements are bools (or "true"/"false"); a null counts as false.
bool element_true(const Value& item) {
  if (item.is_null()) return false;
  auto flag = to_bool(item);
  if (!flag)
    fail("argument must be a list of bools, got an element of type " +
         std::string(type_name(item)));
  return *flag;
}

Value alltrue(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  return Value::boolean(std::all_of(list.begin(), list.end(), element_true));
}

Value anytrue(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  return Value::boolean(std::any_of(list.begin(), list.end(), element_true));
}

}  // namespace

std::vector<FunctionSpec> collection_functions() {
  std::vector<FunctionSpec> specs = {
      {"alltrue", alltrue, 1, 1, false},
      {"anytrue", anytrue, 1, 1, false},
      {"chunklist", chunklist, 2, 2, false},
      {"coalesce", coalesce, 1, -1, true},
      {"coalescelist", coalescelist, 1, -1, true},
      {"compact", compact, 1, 1, false},
      {"concat", concat, 1, -1, true},
      {"contains", contains, 2, 2, false},
      {"distinct", distinct, 1, 1, false},
      {"element", element, 2, 2, true},
      {"flatten", flatten, 1, 1, false},
      {"index", index, 2, 2, false},
      {"keys", keys, 1, 1, true},
      {"length", length, 1, 1, true},
      {"lookup", lookup, 2, 3, true},
      {"merge", merge, 0, -1, true},
      {"one", one, 1, 1, false},
      {"range", range, 1, 3, false},
      {"reverse", reverse, 1, 1, true},
      {"slice", slice, 3, 3, true},
      {"sort", sort, 1, 1, false},
      {"values", values, 1, 1, true},
      {"zipmap", zipmap, 2, 2, true},
  };
  std::vector<FunctionSpec> sets = set_functions();
  specs.insert(specs.end(), sets.begin(), sets.end());
  return specs;
}

}  // namespace iacscan::detail::tf
