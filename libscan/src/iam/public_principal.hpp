// Resource and trust policies that let anyone in: an Allow whose principal is public and
// whose Condition does not limit the callers (caller_restriction.hpp says which conditions
// do). Public principals:
//  - "Principal": "*", {"AWS": "*"}, {"AWS": ["*"]};
//  - an AWS principal whose account is a wildcard ("arn:aws:iam::*:root", "arn:aws:iam::*:*");
//  - an Allow with NotPrincipal: everyone but the listed principals;
//  - a web-identity provider anyone can get tokens from (GitHub Actions, GitLab, HCP
//    Terraform, Cognito identity pools, Google, Facebook, Login with Amazon), named by
//    Federated, unless a ":sub" (or, where it identifies the customer, ":aud") condition
//    picks the customer's identities. SAML providers and single-tenant OIDC providers (an
//    EKS cluster's, a company's IdP) are the account's own and not public.
// One hit per statement, at the statement, with the public principal's element span.
#pragma once

#include <vector>

#include "iam/analysis_hit.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

std::vector<AnalysisHit> find_public_principals(const Policy& policy, PolicyType type);

}  // namespace iacscan::detail::iam
