#include "engine/builtin_predicates.hpp"

#include <algorithm>
#include <array>

#include "engine/iam_predicates.hpp"

namespace iacscan::detail {
namespace {

using namespace predicates;

// The registry: every built-in predicate, sorted by name.
constexpr auto kPredicates = std::to_array<BuiltinPredicate>({
    {"ai-opt-out-default-not-opted-out",
     "an AI services opt-out policy that does not opt the default (every service) out",
     ai_opt_out_default_not_opted_out, no_arguments},
    {"ai-opt-out-default-unlocked",
     "an AI services opt-out policy whose default setting child policies may change",
     ai_opt_out_default_unlocked, no_arguments},
    {"ai-opt-out-invalid",
     "an AI services opt-out policy with values other than optOut/optIn, IAM syntax, unknown "
     "service keys or operators, or above 2,500 characters",
     ai_opt_out_invalid, no_arguments},
    {"iam-full-admin", "an identity policy allowing every action on every resource", iam_full_admin,
     no_arguments},
    {"iam-list-all-my-buckets", "an identity policy granting s3:ListAllMyBuckets",
     iam_list_all_my_buckets, no_arguments},
    {"iam-not-action-allow",
     "an identity policy with an Allow written with NotAction or NotResource", iam_not_action_allow,
     no_arguments},
    {"iam-pass-role-on-all", "an identity policy allowing iam:PassRole on every role",
     iam_pass_role_on_all, no_arguments},
    {"iam-policy-invalid",
     "a malformed IAM policy: bad Version or Effect, unknown actions or condition operators, "
     "wrong value types, elements its policy type forbids",
     iam_policy_invalid, no_arguments},
    {"iam-privilege-escalation",
     "an identity policy granting a known privilege-escalation path (after wildcard expansion)",
     iam_privilege_escalation, no_arguments},
    {"iam-public-principal",
     "a resource or trust policy allowing a public principal without a restricting condition "
     "(with: {policy_type: resource | trust, except_types: [native types judged elsewhere]})",
     iam_public_principal, public_principal_arguments},
    {"iam-service-wildcard", "an identity policy allowing <service>:* on every resource",
     iam_service_wildcard, no_arguments},
    {"scp-invalid",
     "an SCP using what SCPs refuse (Principal, bad Version or Effect, malformed actions), or "
     "under the legacy profile what they refused before September 2025 "
     "(with: {profile: 2025 | legacy})",
     scp_invalid, scp_invalid_arguments},
    {"scp-size-limit",
     "an SCP above the size limit as AWS counts it, or within 10% of it "
     "(with: {limit: 5120, near_percent: 90})",
     scp_size_limit, scp_size_arguments},
});

static_assert(std::is_sorted(kPredicates.begin(), kPredicates.end(),
                             [](const BuiltinPredicate& a, const BuiltinPredicate& b) {
                               return a.name < b.name;
                             }),
              "keep the registry sorted by name");

}  // namespace

std::span<const BuiltinPredicate> builtin_predicates() {
  return kPredicates;
}

const BuiltinPredicate* find_builtin_predicate(std::string_view name) {
  auto it =
      std::lower_bound(kPredicates.begin(), kPredicates.end(), name,
                       [](const BuiltinPredicate& p, std::string_view n) { return p.name < n; });
  return it != kPredicates.end() && it->name == name ? &*it : nullptr;
}

}  // namespace iacscan::detail
