#include "iam/scp_validator.hpp"

#include <string>

#include "iam/policy_validator.hpp"

namespace iacscan::detail::iam {
namespace {

// Legacy SCPs allow wildcards only as the action's trailing characters.
bool wildcard_only_at_end(std::string_view action) {
  std::size_t end = action.size();
  while (end > 0 && (action[end - 1] == '*' || action[end - 1] == '?')) --end;
  return action.substr(0, end).find_first_of("*?") == std::string_view::npos;
}

void check_action_wildcards(const ElementList& list, PolicyIssues& issues) {
  if (list.unknown) return;
  for (const Element& item : list.items) {
    if (item.unknown || !item.is_string || wildcard_only_at_end(item.text)) continue;
    add_issue(
        issues, "scp-action-wildcard-position",
        "legacy SCP syntax allows a wildcard only alone or at the end of an action, not in \"" +
            item.text + "\"",
        item.span);
  }
}

void check_legacy(const Statement& s, PolicyIssues& issues) {
  if (s.unknown || s.malformed) return;
  check_action_wildcards(s.action, issues);
  check_action_wildcards(s.not_action, issues);
  if (s.not_resource.present)
    add_issue(issues, "scp-not-resource", "legacy SCP syntax has no NotResource",
              s.not_resource.span);
  if (s.effect != Effect::allow) return;
  if (s.not_action.present)
    add_issue(issues, "scp-not-action-in-allow",
              "legacy SCP syntax allows NotAction only in Deny statements", s.not_action.span);
  if (s.condition.present)
    add_issue(issues, "scp-condition-in-allow",
              "legacy SCP syntax allows Condition only in Deny statements", s.condition.span);
  if (s.resource.present && !s.resource.unknown) {
    for (const Element& item : s.resource.items) {
      if (item.unknown || (item.is_string && item.text == "*")) continue;
      add_issue(issues, "scp-resource-in-allow",
                "legacy SCP syntax allows only \"*\" as the Resource of an Allow statement",
                item.span);
    }
  }
}

}  // namespace

std::optional<ScpProfile> parse_scp_profile(std::string_view name) {
  if (name == "legacy") return ScpProfile::legacy;
  if (name == "2025") return ScpProfile::iam2025;
  return std::nullopt;
}

std::string_view scp_profile_name(ScpProfile profile) {
  return profile == ScpProfile::legacy ? "legacy" : "2025";
}

PolicyIssues validate_scp(const Policy& policy, const ActionCatalog& catalog, ScpProfile profile) {
  PolicyIssues issues = validate_policy(policy, PolicyType::scp, catalog);
  if (profile == ScpProfile::legacy && !policy.unknown && !policy.malformed)
    for (const Statement& s : policy.statements) check_legacy(s, issues);
  return issues;
}

}  // namespace iacscan::detail::iam
