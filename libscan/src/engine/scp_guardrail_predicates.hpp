// Account-rule predicates that decide whether the scanned SCP set provides a guardrail, by
// evaluating it (iam::is_denied_except) for an ordinary principal, not by matching strings:
// wildcards, NotAction, allow lists and conditions all count, and a Deny whose exception names
// a few principals (ArnNotLike aws:PrincipalArn) still counts as the guardrail. Each is true
// when the control is met; false points at the first target that lacks it and names them all;
// unknown when a decisive SCP, condition or attachment is known only at deployment. Where the
// guardrail must hold: scp_guardrail_scope.hpp. They read the whole graph through
// PredicateInput::context (the account rule's subject is a stand-in) and the organization facts
// from its options.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// The requests of `with` (scp_guardrail_spec.hpp) are denied on every target it selects.
Outcome scp_guardrail(const PredicateInput& input);
std::string scp_guardrail_arguments(const Value& arguments);

// Every target is region-restricted: a Deny conditioned on aws:RequestedRegion denies
// `with: {action}` (default ec2:RunInstances) in a region no SCP names. With
// organization.approved_regions, the regions the SCPs leave open must all be approved.
Outcome scp_regions_restricted(const PredicateInput& input);
std::string scp_regions_restricted_arguments(const Value& arguments);

// Every target is denied each service outside organization.approved_services (by an allow list
// or a Deny with NotAction); unknown without that fact.
Outcome scp_services_restricted(const PredicateInput& input);

}  // namespace iacscan::detail::predicates
