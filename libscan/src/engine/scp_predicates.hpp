// Predicates that judge what a service control policy does, beyond its syntax and size
// (iam_predicates.hpp): whether a guardrail's exceptions are narrow enough to mean anything, and
// whether a region restriction cuts the organization off from the global services. Both read
// every SCP of the resource (standalone files, AWS::Organizations::Policy,
// aws_organizations_policy) and point at the statement element that decides.
#pragma once

#include <span>
#include <string_view>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// A Deny statement whose exception (a negated condition on who or where the caller is) exempts
// too much: an aws:PrincipalArn pattern that matches every role or any role a creator can name
// into it (`*`, `arn:aws:iam::*:role/*`, `*Admin*`), an exception covering every principal the
// statement targets, or an exception keyed on aws:userid, aws:username or aws:SourceIp instead
// of aws:PrincipalArn. A network perimeter (aws:SourceIp beside a VPC key or the
// aws:ViaAWSService guard) is not a guardrail exception and is left alone.
Outcome scp_exception_weak(const PredicateInput& input);

// A Deny conditioned on aws:RequestedRegion that denies, in the region their endpoint lives in,
// actions of the essential global services (IAM, Organizations, STS, Route 53, CloudFront,
// Support, Budgets): everyone outside the allowed regions loses them. The finding also names
// the other global services it denies (Cost Explorer, Health, Global Accelerator ...).
Outcome scp_region_deny_breaks_global_services(const PredicateInput& input);

// A service whose control plane answers in one region whatever region the caller works in,
// so aws:RequestedRegion is that region for all its calls.
struct GlobalService {
  std::string_view prefix;  // IAM service prefix: "iam"
  std::string_view region;  // where its endpoint is: "us-east-1"
  bool essential = false;   // every account needs it: denying it alone makes a finding
};
std::span<const GlobalService> global_services();

}  // namespace iacscan::detail::predicates
