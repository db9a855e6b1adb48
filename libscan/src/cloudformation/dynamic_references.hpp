// CloudFormation dynamic references (`{{resolve:secretsmanager:...}}`,
// `{{resolve:ssm-secure:...}}`,
// `{{resolve:ssm:...}}`): a string holding one is resolved at deployment from a secret or
// parameter store, so it becomes an unknown marked as a dynamic reference
// (value/dynamic_reference.hpp), never a literal.
#pragma once

#include <optional>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

// The marked unknown at `span` when `text` holds a dynamic reference of a known service.
std::optional<Value> find_dynamic_reference(std::string_view text, const Span& span);

}  // namespace iacscan::detail
