// Predicates for the account baseline rules whose evidence is a document rather than an
// attribute: an EC2 declarative policy (AWS Organizations policy type DECLARATIVE_POLICY_EC2)
// sets account attributes such as the instance metadata defaults for every account it is
// attached to, in its JSON content, with the management-policy syntax
// ({"ec2_attributes": {"instance_metadata_defaults": {"http_tokens": {"@@assign": "required"}}}}).
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// with: {setting: dotted path under ec2_attributes, value: the value it must be assigned}.
// True when an EC2 declarative policy (CloudFormation AWS::Organizations::Policy, Terraform
// aws_organizations_policy) assigns `value` to `setting` with @@assign and is attached to some
// root, OU or account (CloudFormation TargetIds; a Terraform aws_organizations_policy_attachment
// whose policy_id references it).
//
// Judging the scanned set (an account rule's control), every such policy of the graph counts;
// the ones it looked at are recorded as evidence (met, or near misses), and a false outcome
// names the first near miss in its detail without a span of its own, so that the account rule
// points at that policy. Judging one resource, only that resource counts. Unknown when the
// type, the content, the assigned value or the attachment of a policy that might qualify is.
Outcome ec2_declarative_policy_assigns(const PredicateInput& input);
std::string ec2_declarative_policy_assigns_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
