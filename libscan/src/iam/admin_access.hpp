// Administrator-level grants in an identity policy, each question a function that returns
// one hit per Allow statement that answers it (see analysis_hit.hpp for the three values).
//
// A grant counts when the statement is an Allow, its actions cover the question's actions
// (allowed_actions.hpp), its Resource reaches the question's resources (resource_scope.hpp)
// and its Condition restricts nothing (statement_checks.hpp). Deny statements are not
// subtracted here: an administrator grant with exceptions is still an administrator grant
// to review, and privilege_escalation.hpp is where denials are weighed.
#pragma once

#include <vector>

#include "iam/action_catalog.hpp"
#include "iam/analysis_hit.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

// Every action (Action "*", or a NotAction that leaves every known action) on every
// resource, unconditionally.
std::vector<AnalysisHit> find_full_admin(const Policy& policy, const ActionCatalog& catalog);

// "<service>:*" on every resource, unconditionally: one hit per such pattern, the detail
// naming the service. Action "*" itself is find_full_admin's.
std::vector<AnalysisHit> find_service_wide_admin(const Policy& policy);

// Allow statements with NotAction: they grant every action not listed, including those AWS
// adds later. Conditions and resources do not matter: the construct is the risk.
std::vector<AnalysisHit> find_not_action_allows(const Policy& policy);

// Allow statements with NotResource: they grant on every resource not listed, including
// those created later.
std::vector<AnalysisHit> find_not_resource_allows(const Policy& policy);

// iam:PassRole (or a pattern covering it) on every role: "*" or a wildcard IAM ARN,
// unconditionally (an iam:PassedToService condition restricts it).
std::vector<AnalysisHit> find_pass_role_on_all(const Policy& policy, const ActionCatalog& catalog);

// s3:ListAllMyBuckets granted (it takes no resource ARN, so the Resource must match "*").
std::vector<AnalysisHit> find_list_all_buckets(const Policy& policy, const ActionCatalog& catalog);

}  // namespace iacscan::detail::iam
