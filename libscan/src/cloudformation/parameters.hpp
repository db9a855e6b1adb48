// The Parameters of one template: what a Ref to each yields, from a given value
// (--parameter, --parameters-file), its Default, or its AllowedValues, typed as declared
// (CommaDelimitedList and List<...> become lists) and carrying where the value came from.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "cloudformation/context.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

class ParameterTable {
 public:
  // `section` is the template's Parameters map, or nullptr.
  ParameterTable(const Value* section, const CloudFormationContext& context);

  bool declares(const std::string& name) const;
  // The parameter's value at `use`; its origin names the default, allowed value or given
  // value it came from. Unknown when there is none, with AllowedValues as candidates.
  Value value(const std::string& name, const Span& use);

 private:
  Value resolve(const std::string& name) const;

  const Value* section_;
  const CloudFormationContext& context_;
  std::unordered_map<std::string, Value> resolved_;  // by name, before relocation to the use
};

// Values of list-typed parameters: "a, b,c" → ["a", "b", "c"], each trimmed, all at `span`.
Value split_list_parameter(const std::string& text, const Span& span);

}  // namespace iacscan::detail
