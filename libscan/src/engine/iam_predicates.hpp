// The IAM policy engine's predicates (libscan/src/iam/), as the rule engine calls them. Each
// reads every policy document of the resource that its analysis applies to (find_policies:
// identity, trust, resource, SCP, AI opt-out) and points at the first offending statement.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

Outcome ai_opt_out_default_not_opted_out(const PredicateInput& input);
Outcome ai_opt_out_default_unlocked(const PredicateInput& input);
Outcome ai_opt_out_invalid(const PredicateInput& input);
Outcome iam_full_admin(const PredicateInput& input);
Outcome iam_list_all_my_buckets(const PredicateInput& input);
Outcome iam_not_action_allow(const PredicateInput& input);
Outcome iam_pass_role_on_all(const PredicateInput& input);
Outcome iam_policy_invalid(const PredicateInput& input);
Outcome iam_privilege_escalation(const PredicateInput& input);
Outcome iam_public_principal(const PredicateInput& input);
Outcome iam_service_wildcard(const PredicateInput& input);
Outcome scp_invalid(const PredicateInput& input);
Outcome scp_size_limit(const PredicateInput& input);

std::string no_arguments(const Value& arguments);
std::string public_principal_arguments(const Value& arguments);
std::string scp_invalid_arguments(const Value& arguments);
std::string scp_size_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
