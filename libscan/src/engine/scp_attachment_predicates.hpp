// Account-rule predicates on the declared Organizations policy attachments themselves rather
// than on what the SCPs deny. Each is true when the control is met.
//
// FullAWSAccess: AWS attaches it to every root, OU and account, and a scan cannot see it
// detached outside the code. Code that attaches p-FullAWSAccess itself (Terraform
// aws_organizations_policy_attachment with policy_id "p-FullAWSAccess") manages it: a target
// that code attaches SCPs to without FullAWSAccess has had it detached (removing such an
// attachment from the code detaches it). Otherwise every target keeps FullAWSAccess unless its
// SCPs declare an Allow of their own, an allow list that replaces it.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// No declared target is left without an Allow statement (FullAWSAccess detached and no allow
// list attached), which would deny everything below it.
Outcome scp_targets_keep_allow(const PredicateInput& input);

// No declared target has more SCPs attached than the limit (FullAWSAccess counted where it
// applies): ScanOptions::scp_max_attachments, or `with: {limit}` where the configuration keeps
// AWS's default.
Outcome scp_attachments_within_limit(const PredicateInput& input);
std::string scp_attachments_within_limit_arguments(const Value& arguments);

// An Organizations policy of `with: {type}` (AISERVICES_OPT_OUT_POLICY,
// SERVICE_CONTROL_POLICY...) is attached to the organization's root: a root id ("r-...") or a
// reference to the organization among CloudFormation TargetIds or a Terraform attachment's
// target_id. Standalone policy files of that type count when the code declares no such policy.
Outcome org_policy_attached_to_root(const PredicateInput& input);
std::string org_policy_attached_to_root_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
