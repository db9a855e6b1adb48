// Validation of service control policies: the common checks of policy_validator.hpp for the
// SCP type (Principal / NotPrincipal not allowed, Version, Effect, actions) plus what the SCP
// syntax profile in force forbids.
//
// Profiles:
//  - iam2025 (the default): since September 2025 SCPs accept the full IAM policy language
//    ("AWS Organizations supports full IAM policy language for service control policies";
//    AWS Security Blog, "Unlock new possibilities: AWS Organizations service control policy
//    now supports full IAM language"): conditions, resource ARNs and NotAction in Allow
//    statements, wildcards anywhere in an action, NotResource. Still no Principal or
//    NotPrincipal.
//  - legacy: the syntax before that, for organizations or tools that still hold policies to
//    it. Issue codes (all errors):
//      scp-not-action-in-allow        NotAction in an Allow statement
//      scp-condition-in-allow         Condition in an Allow statement
//      scp-resource-in-allow          an Allow Resource other than "*"
//      scp-not-resource               NotResource in any statement
//      scp-action-wildcard-position   a wildcard that is not alone or at the end of the
//                                     action ("s3:*Object", "*:Describe*")
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"
#include "iam/policy_issue.hpp"

namespace iacscan::detail::iam {

enum class ScpProfile : std::uint8_t { legacy, iam2025 };

// "legacy" or "2025".
std::optional<ScpProfile> parse_scp_profile(std::string_view name);
std::string_view scp_profile_name(ScpProfile profile);

PolicyIssues validate_scp(const Policy& policy, const ActionCatalog& catalog,
                          ScpProfile profile = ScpProfile::iam2025);

}  // namespace iacscan::detail::iam
