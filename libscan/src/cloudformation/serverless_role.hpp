// Execution roles SAM generates for a function or state machine that names no Role: an
// AWS::IAM::Role "<Owner>Role" with the trust policy, managed policy ARNs and inline policies
// (policy templates expanded) SAM would write, positioned at the SAM source they came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/resource.hpp"

namespace iacscan::detail {

struct ExecutionRoleSpec {
  std::string service;                     // trusted service principal, "lambda.amazonaws.com"
  std::vector<Value> managed_policy_arns;  // SAM's own, listed before those from Policies
  std::vector<Value> inline_policies;      // SAM's own {PolicyName, PolicyDocument} entries
};

// The role built from the owner's Policies, AssumeRolePolicyDocument, PermissionsBoundary and
// RolePath. It shares the owner's scope, spans and skips, so findings point at the SAM
// resource and the SAM resource's suppressions apply to them.
Resource make_execution_role(const Resource& owner, ExecutionRoleSpec spec);

// What the owner's Role becomes: the generated role's ARN, unknown until deployment, with a
// reference that turns into a graph edge.
Value execution_role_arn(const Resource& owner);

// "arn:aws:iam::aws:policy/<name>" for an AWS managed policy name (with the service-role/ path
// for the Lambda execution policies that live there); an ARN stays as it is.
std::string managed_policy_arn(std::string_view name_or_arn);

}  // namespace iacscan::detail
