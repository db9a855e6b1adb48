// CloudFormation Parameters as pseudo-resources, so rules can judge a template's parameter
// declarations (a secret-looking parameter without NoEcho) the way they judge resources. They
// have no kind: only rules that name their native type, or visit every resource, see them.
#pragma once

#include <string_view>

#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

inline constexpr std::string_view kParameterNativeType = "CloudFormation::Parameter";

// One resource per entry of the template's Parameters map (`root`): native type
// CloudFormation::Parameter, address "Parameters.<Name>", attributes the declaration as
// written (Type, NoEcho, Default, AllowedValues ...). Appended to `loaded.resources`.
void add_parameter_resources(const SourceFile& file, const Value& root, LoadedFile& loaded);

}  // namespace iacscan::detail
