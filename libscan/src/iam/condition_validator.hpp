// Validation of a statement's Condition block, for policy_validator.hpp. Issue codes:
//  malformed-condition (error)          the block, or an operator's value, is not an object
//  unknown-condition-operator (error)   not one of IAM's operators, with or without the
//                                       ForAllValues: / ForAnyValue: prefix and IfExists
//  if-exists-on-null (error)            Null cannot take IfExists
//  empty-condition-values (error)       a key with an empty list of values
//  condition-value-type (error)         a value its operator cannot compare: Bool / Null with
//                                       other than true or false, Numeric with a non-number,
//                                       Date with a non-date, IpAddress with an invalid
//                                       address or CIDR, Arn* with a non-ARN (wildcards and
//                                       policy variables are allowed), BinaryEquals with
//                                       non-base64, a list or object as a value
//  mismatched-condition-type (warning)  the key's documented type differs from the
//                                       operator's (NumericEquals on aws:SourceIp); String
//                                       operators on ARN keys and Arn operators on String
//                                       keys are fine
//  set-operator-on-single-valued-key    ForAllValues: / ForAnyValue: on a key with one value
//    (warning)                          per request: ForAllValues then also passes when the
//                                       key is absent
//  unknown-condition-key (note)         a key the IAM data does not know; web-identity
//                                       (host:claim) and SAML keys are not checked
// Unknown parts (a value known after apply, an operator map that is unknown) are skipped;
// values with policy variables (${...}) are not type-checked.
#pragma once

#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"
#include "iam/policy_issue.hpp"

namespace iacscan::detail::iam {

void validate_condition(const ConditionBlock& condition, const ActionCatalog& catalog,
                        PolicyIssues& issues);

}  // namespace iacscan::detail::iam
