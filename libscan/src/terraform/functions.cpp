// The function registry and the calling rules every function shares: argument counts,
// unknown and error arguments, the result's span and refs.
#include "terraform/functions.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"
#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {
namespace {

std::vector<FunctionSpec> build_registry() {
  std::vector<FunctionSpec> all;
  for (auto group : {string_functions, collection_functions, numeric_functions,
                     conversion_functions, encoding_functions, hash_functions, network_functions,
                     regex_functions, filesystem_functions, time_functions}) {
    std::vector<FunctionSpec> specs = group();
    all.insert(all.end(), specs.begin(), specs.end());
  }
  std::sort(all.begin(), all.end(),
            [](const FunctionSpec& a, const FunctionSpec& b) { return a.name < b.name; });
  // A name registered twice would make lookups pick one at random; the unit tests check
  // function_names() is strictly increasing, this catches it earlier in debug builds.
  assert(std::adjacent_find(all.begin(), all.end(), [](const auto& a, const auto& b) {
           return a.name == b.name;
         }) == all.end());
  return all;
}

// Built on first use; C++ makes the initialisation of a function-local static thread-safe.
const std::vector<FunctionSpec>& registry() {
  static const std::vector<FunctionSpec> specs = build_registry();
  return specs;
}

constexpr std::string_view kProviderPrefix = "provider::";
// Terraform 1.8 lets built-ins be called as core::name too.
constexpr std::string_view kCorePrefix = "core::";

// The first error inside `value` (depth first), or nullptr.
const Value* find_error(const Value& value) {
  if (is_error(value)) return &value;
  for (const Value& item : value.items())
    if (const Value* error = find_error(item)) return error;
  for (const Value::Entry& entry : value.entries())
    if (const Value* error = find_error(entry.value)) return error;
  return nullptr;
}

std::string count_message(const FunctionSpec& spec, std::size_t given) {
  std::string expected;
  if (spec.max_args < 0) {
    expected = "at least " + std::to_string(spec.min_args);
  } else if (spec.min_args == spec.max_args) {
    expected = std::to_string(spec.min_args);
  } else {
    expected = std::to_string(spec.min_args) + " to " + std::to_string(spec.max_args);
  }
  return std::string(spec.name) + ": expected " + expected + " argument" +
         (expected == "1" ? "" : "s") + ", got " + std::to_string(given);
}

Value run(const FunctionSpec& spec, std::vector<Value>& args, const Span& span,
          FunctionEnvironment& env) {
  const std::size_t count = args.size();
  if (count < static_cast<std::size_t>(spec.min_args) ||
      (spec.max_args >= 0 && count > static_cast<std::size_t>(spec.max_args)))
    return error_value(count_message(spec, count), span);
  for (const Value& a : args)
    if (const Value* error = find_error(a)) return *error;  // call_function re-spans it
  if (!spec.handles_unknown) {
    for (const Value& a : args)
      if (!a.is_fully_known()) return Value::unknown("depends on an unknown value", span);
  }
  FunctionCall call{spec.name, args, span, env};
  try {
    return spec.impl(call);
  } catch (const FunctionFailure& failure) {
    return error_value(std::string(spec.name) + ": " + failure.message, span);
  }
}

}  // namespace

const FunctionSpec* find_function(std::string_view name) {
  const auto& specs = registry();
  auto it = std::lower_bound(specs.begin(), specs.end(), name,
                             [](const FunctionSpec& s, std::string_view n) { return s.name < n; });
  if (it == specs.end() || it->name != name) return nullptr;
  return &*it;
}

std::vector<std::string_view> function_names() {
  std::vector<std::string_view> names;
  for (const FunctionSpec& spec : registry()) names.push_back(spec.name);
  return names;
}

Value call_function(std::string_view name, std::vector<Value> args, const Span& span,
                    FunctionEnvironment& env) {
  std::vector<const Value*> inputs;
  for (const Value& a : args) inputs.push_back(&a);
  std::vector<std::string> refs = merge_refs(inputs);

  Value result;
  if (name.starts_with(kCorePrefix)) name.remove_prefix(kCorePrefix.size());
  if (name.starts_with(kProviderPrefix)) {
    // Provider-defined functions run inside the provider: nothing here can know the result.
    result = Value::unknown("provider function", span);
  } else if (const FunctionSpec* spec = find_function(name)) {
    result = run(*spec, args, span, env);
  } else {
    result = error_value("call to unknown function \"" + std::string(name) + "\"", span);
  }
  result.span = span;
  if (!refs.empty()) {
    refs.insert(refs.end(), result.refs.begin(), result.refs.end());
    std::sort(refs.begin(), refs.end());
    refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
    result.refs = std::move(refs);
  }
  return result;
}

}  // namespace iacscan::detail::tf
