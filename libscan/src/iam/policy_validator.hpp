// Structural validation of an IAM policy document, in the manner of Parliament and IAM Access
// Analyzer's policy checks, for the iam-policy-invalid rule. Each issue has a stable code, a
// message and the span of the offending element; issues never come from unknown elements.
//
// Document (this file):
//  malformed-policy (error)         not a JSON object, or text that is not JSON
//  missing-version (warning)        no Version: IAM reads the policy as 2008-10-17, where
//                                   policy variables (${aws:username}) are plain text. A
//                                   warning, not an error: AWS accepts the policy.
//  invalid-version (error)          a Version other than 2012-10-17 and 2008-10-17
//  outdated-version (note)          2008-10-17
//  policy-variables-need-version    a ${...} variable in a Resource or Condition while the
//    (warning)                      Version is not 2012-10-17: it is matched literally
//  missing-statement (error)        no Statement element
//  empty-statement (warning)        a Statement list with no statements
//  unexpected-key (error)           a top-level key other than Version, Id, Statement
// Statements (this file):
//  malformed-statement (error)      a statement that is not an object
//  missing-effect, invalid-effect (error)   Effect absent, or not "Allow" / "Deny"
//  missing-action (error)           neither Action nor NotAction
//  empty-action (error)             Action / NotAction with an empty list
//  action-and-not-action (error), resource-and-not-resource (error)
//  missing-resource (error)         no Resource / NotResource in an identity, resource or
//                                   resource control policy (a warning for SCPs)
//  resource-not-allowed (error)     Resource / NotResource in a role trust policy
//  principal-not-allowed (error)    Principal / NotPrincipal in an identity policy or SCP,
//                                   NotPrincipal in an RCP
//  missing-principal (error)        no Principal / NotPrincipal in a resource or trust
//                                   policy or an RCP
//  allow-with-not-principal (warning)   Allow with NotPrincipal: everyone not listed
//  unexpected-statement-key (error) a statement key that is not an IAM element
//  duplicate-sid (error)            two statements with the same Sid
//  invalid-sid (error)              a Sid that is not a string, or (identity and trust
//                                   policies, which IAM checks) not alphanumeric
// Elements: element_validator.hpp; conditions: condition_validator.hpp.
#pragma once

#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"
#include "iam/policy_issue.hpp"

namespace iacscan::detail::iam {

// Issues in document order of their checks (not sorted by position).
PolicyIssues validate_policy(const Policy& policy, PolicyType type, const ActionCatalog& catalog);

}  // namespace iacscan::detail::iam
