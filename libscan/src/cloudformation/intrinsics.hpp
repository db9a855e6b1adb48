// First-version handling of CloudFormation intrinsic functions inside resource Properties:
// parameter defaults are substituted, references become unknowns that remember the resources
// they point at, and AWS::NoValue removes the property. Kept apart so that full evaluation
// (Fn::Sub, Fn::If with conditions, mappings) can replace it wholesale.
#pragma once

#include <string>
#include <unordered_set>

#include "value/value.hpp"

namespace iacscan::detail {

// What intrinsic functions in one template may refer to.
struct TemplateSymbols {
  const Value* parameters = nullptr;          // the template's Parameters map, if any
  std::unordered_set<std::string> resources;  // logical ids declared under Resources
};

// Returns `properties` with every intrinsic function (a map whose single key is "Ref" or starts
// with "Fn::") replaced by what this version knows of it, spanning the intrinsic. A parameter
// default substituted for a Ref records the default's place in `origin`.
// A property whose value is AWS::NoValue is dropped; if the whole value is, an empty map
// remains.
Value resolve_intrinsics(Value properties, const TemplateSymbols& symbols);

}  // namespace iacscan::detail
