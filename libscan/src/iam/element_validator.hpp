// Validation of a statement's Action / NotAction, Resource / NotResource and Principal /
// NotPrincipal values, for policy_validator.hpp. Issue codes:
//  invalid-action (error)          an action that is not a string
//  malformed-action (error)        not "*" and not "<service>:<action>" (one colon, both
//                                  parts non-empty, letters, digits, - _ . and wildcards)
//  unknown-service (warning)       a service prefix the IAM data does not know
//  unknown-action (warning)        a known service, but the pattern matches none of its
//                                  actions (a typo, a retired action)
//  invalid-resource (error)        a resource that is not a string
//  malformed-resource (error)      neither a wildcard nor an ARN ("arn:" and its parts) nor
//                                  a policy variable
//  malformed-principal (error)     a principal that is neither "*" nor an object
//  unknown-principal-type (error)  a principal key other than AWS, Service, Federated,
//                                  CanonicalUser
//  invalid-principal (error)       a principal value that is not a string
// "Warning" for the IAM data's verdicts: a newer service or action than our data knows is
// not wrong, and AWS accepts unknown actions in most policy types anyway.
#pragma once

#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"
#include "iam/policy_issue.hpp"

namespace iacscan::detail::iam {

void validate_actions(const ElementList& actions, const ActionCatalog& catalog,
                      PolicyIssues& issues);
void validate_resources(const ElementList& resources, PolicyIssues& issues);
void validate_principal(const PrincipalBlock& principal, PolicyIssues& issues);

// "<service>:<action>" with the characters IAM accepts, or only wildcards.
bool is_well_formed_action(std::string_view action);

}  // namespace iacscan::detail::iam
