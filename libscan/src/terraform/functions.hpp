// Terraform's built-in functions over Values. One registry, sorted by name; each function
// reads only its arguments and, for the file functions, the FunctionEnvironment, which
// confines them to the scanned tree. `try` and `can` are not here: they need their
// arguments unevaluated and live in the expression evaluator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail::tf {

// What a function may read besides its arguments.
class FunctionEnvironment {
 public:
  virtual ~FunctionEnvironment() = default;
  // The bytes of `path` (relative paths are relative to the module directory). nullopt
  // with `error` set when it is missing, unreadable, or outside the scanned tree.
  virtual std::optional<std::string> read_file(std::string_view path, std::string& error) = 0;
  virtual bool file_exists(std::string_view path) = 0;
  // `text` rendered as a Terraform string template with `variables` (a map) in scope.
  virtual Value render_template(std::string_view text, const Value& variables,
                                const Span& span) = 0;
};

struct FunctionCall {
  std::string_view name;
  std::vector<Value>& args;  // evaluated; an expanded final argument is already spread
  Span span;                 // the whole call, for the result
  FunctionEnvironment& env;
};

using FunctionImpl = Value (*)(FunctionCall& call);

struct FunctionSpec {
  std::string_view name;
  FunctionImpl impl;
  int min_args;
  int max_args;  // -1: variadic
  // False: if any argument is not fully known the result is unknown without calling impl
  // (the common case). True: impl sees unknowns and decides (length, coalesce, merge, ...).
  bool handles_unknown;
};

// The function called `name` (without a `provider::` namespace); nullptr when unknown.
const FunctionSpec* find_function(std::string_view name);
// Every registered name, sorted: documentation and tests list them from here.
std::vector<std::string_view> function_names();

// Calls `name`: checks the argument count, applies the unknown rule, runs it, and gives the
// result the call's span and the union of the arguments' refs. An unknown function or a
// wrong argument count is an error value.
Value call_function(std::string_view name, std::vector<Value> args, const Span& span,
                    FunctionEnvironment& env);

}  // namespace iacscan::detail::tf
