// The two rules about suppressions themselves. They are defined here rather than as policy
// files because no resource condition expresses them: their findings point at a suppression
// (a comment, a Metadata entry, a configuration entry), not at a resource. Being ordinary
// loaded rules, the configuration can turn them off or change their severity, and reports
// describe them like any other rule.
#pragma once

#include <string_view>
#include <vector>

#include "engine/policy_set.hpp"
#include "engine/rule.hpp"

namespace iacscan::detail {

inline constexpr std::string_view kUnusedSuppressionRule = "unused-suppression";
inline constexpr std::string_view kSuppressionWithoutReasonRule = "suppression-without-reason";

std::vector<Rule> suppression_rules();

inline bool is_suppression_rule(const RuleInfo& rule) {
  return rule.source_path == "builtin:suppressions";
}

// Adds them to a loaded set, keeping it sorted by id (a user rule of the same id wins).
void add_suppression_rules(PolicySet& policies);

}  // namespace iacscan::detail
