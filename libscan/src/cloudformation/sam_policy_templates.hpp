// SAM policy templates (`S3ReadPolicy: {BucketName: x}` in a Policies list): the statements
// SAM's policy_templates.json defines for the templates teams use most, so an execution role
// generated from a SAM template grants what the deployed role would grant.
#pragma once

#include <optional>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

// The policy document ({Statement: [...]}) SAM substitutes for template `name` called with
// `arguments` (the value under the template name), every generated value positioned at `span`
// (the template entry) or at the argument it came from. nullopt for a template iacscan does not
// expand.
std::optional<Value> expand_policy_template(std::string_view name, const Value& arguments,
                                            const Span& span);

}  // namespace iacscan::detail
