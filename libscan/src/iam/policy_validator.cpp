#include "iam/policy_validator.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "iam/condition_validator.hpp"
#include "iam/element_validator.hpp"

namespace iacscan::detail::iam {
namespace {

constexpr std::string_view kCurrentVersion = "2012-10-17";
constexpr std::string_view kOldVersion = "2008-10-17";

bool needs_principal(PolicyType type) {
  return type == PolicyType::resource || type == PolicyType::endpoint ||
         type == PolicyType::trust || type == PolicyType::rcp;
}

void check_version(const Policy& policy, PolicyIssues& issues) {
  if (!policy.has_version) {
    add_issue(issues, "missing-version",
              "no Version: IAM reads the policy as 2008-10-17, where policy variables are plain "
              "text; add \"Version\": \"2012-10-17\"",
              policy.span, IssueLevel::warning);
    return;
  }
  const Element& version = policy.version;
  if (version.unknown) return;
  if (version.is_string && version.text == kCurrentVersion) return;
  if (version.is_string && version.text == kOldVersion) {
    add_issue(issues, "outdated-version",
              "Version 2008-10-17 has no policy variables; use \"2012-10-17\"", version.span,
              IssueLevel::note);
    return;
  }
  add_issue(issues, "invalid-version",
            "Version must be \"2012-10-17\" (or \"2008-10-17\"), not \"" + version.text + "\"",
            version.span);
}

// Policy variables are text, not variables, unless the Version is 2012-10-17.
void check_policy_variables(const Policy& policy, PolicyIssues& issues) {
  if (policy.has_version && (policy.version.unknown || policy.version.text == kCurrentVersion))
    return;
  const auto check = [&](const Element& e) {
    if (!e.unknown && e.text.find("${") != std::string::npos)
      add_issue(
          issues, "policy-variables-need-version",
          "\"" + e.text + "\" uses a policy variable, which needs \"Version\": \"2012-10-17\"",
          e.span, IssueLevel::warning);
  };
  for (const Statement& s : policy.statements) {
    for (const Element& e : s.resource.items) check(e);
    for (const Element& e : s.not_resource.items) check(e);
    for (const ConditionClause& clause : s.condition.clauses)
      for (const Element& e : clause.values.items) check(e);
  }
}

bool is_alphanumeric(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

void check_sids(const Policy& policy, PolicyType type, PolicyIssues& issues) {
  std::unordered_map<std::string, std::size_t> seen;
  for (const Statement& s : policy.statements) {
    if (!s.has_sid || s.sid.unknown) continue;
    if (!s.sid.is_string) {
      add_issue(issues, "invalid-sid", "Sid must be a string", s.sid.span);
      continue;
    }
    const bool iam_checked = type == PolicyType::identity || type == PolicyType::trust;
    if (iam_checked && !is_alphanumeric(s.sid.text))
      add_issue(issues, "invalid-sid",
                "Sid \"" + s.sid.text + "\" may hold only letters and digits in IAM policies",
                s.sid.span);
    if (s.sid.text.empty()) continue;
    const auto [at, inserted] = seen.emplace(s.sid.text, s.index);
    if (!inserted)
      add_issue(issues, "duplicate-sid",
                "Sid \"" + s.sid.text + "\" is already used by statement " +
                    std::to_string(at->second + 1),
                s.sid.span);
  }
}

void check_effect(const Statement& s, PolicyIssues& issues) {
  if (s.effect == Effect::missing)
    add_issue(issues, "missing-effect", "the statement has no Effect", s.span);
  else if (s.effect == Effect::invalid)
    add_issue(issues, "invalid-effect",
              s.effect_element.is_string
                  ? "Effect must be \"Allow\" or \"Deny\" (case matters), not \"" +
                        s.effect_element.text + "\""
                  : std::string("Effect must be the string \"Allow\" or \"Deny\""),
              s.effect_element.span);
}

void check_action_elements(const Statement& s, PolicyIssues& issues) {
  if (!s.action.present && !s.not_action.present)
    add_issue(issues, "missing-action", "the statement has neither Action nor NotAction", s.span);
  if (s.action.present && s.not_action.present)
    add_issue(issues, "action-and-not-action", "a statement takes Action or NotAction, not both",
              s.not_action.span);
  for (const ElementList* list : {&s.action, &s.not_action})
    if (list->present && !list->unknown && list->items.empty())
      add_issue(issues, "empty-action", "an empty action list matches nothing", list->span);
}

void check_resource_elements(const Statement& s, PolicyType type, PolicyIssues& issues) {
  const bool any = s.resource.present || s.not_resource.present;
  if (s.resource.present && s.not_resource.present)
    add_issue(issues, "resource-and-not-resource",
              "a statement takes Resource or NotResource, not both", s.not_resource.span);
  if (type == PolicyType::trust) {
    if (any)
      add_issue(issues, "resource-not-allowed", "a role trust policy takes no Resource",
                s.resource.present ? s.resource.span : s.not_resource.span);
    return;
  }
  if (!any)
    add_issue(issues, "missing-resource", "the statement has neither Resource nor NotResource",
              s.span, type == PolicyType::scp ? IssueLevel::warning : IssueLevel::error);
}

// The policy type as messages name it, with its article: "an SCP", "a resource policy".
std::string_view policy_kind_phrase(PolicyType type) {
  switch (type) {
    case PolicyType::identity:
      return "an identity policy";
    case PolicyType::trust:
      return "a role trust policy";
    case PolicyType::resource:
      return "a resource policy";
    case PolicyType::endpoint:
      return "a VPC endpoint policy";
    case PolicyType::scp:
      return "an SCP";
    case PolicyType::rcp:
      return "an RCP";
    case PolicyType::ai_opt_out:
      return "an AI services opt-out policy";
  }
  return "a policy";
}

void check_principal_elements(const Statement& s, PolicyType type, PolicyIssues& issues) {
  const std::string kind(policy_kind_phrase(type));
  const bool forbidden = type == PolicyType::identity || type == PolicyType::scp;
  if (forbidden && s.principal.present)
    add_issue(issues, "principal-not-allowed", kind + " takes no Principal", s.principal.span);
  if ((forbidden || type == PolicyType::rcp) && s.not_principal.present)
    add_issue(issues, "principal-not-allowed", kind + " takes no NotPrincipal",
              s.not_principal.span);
  if (needs_principal(type) && !s.principal.present && !s.not_principal.present)
    add_issue(issues, "missing-principal", "a statement of " + kind + " needs a Principal", s.span);
  if (!forbidden && s.effect == Effect::allow && s.not_principal.present)
    add_issue(issues, "allow-with-not-principal",
              "Allow with NotPrincipal allows every principal not listed, anonymous users included",
              s.not_principal.span, IssueLevel::warning);
}

void check_statement(const Statement& s, PolicyType type, const ActionCatalog& catalog,
                     PolicyIssues& issues) {
  if (s.unknown) return;
  if (s.malformed) {
    add_issue(issues, "malformed-statement", "a statement must be a JSON object", s.span);
    return;
  }
  check_effect(s, issues);
  check_action_elements(s, issues);
  check_resource_elements(s, type, issues);
  check_principal_elements(s, type, issues);
  for (const auto& [key, span] : s.unexpected_keys)
    add_issue(issues, "unexpected-statement-key", "\"" + key + "\" is not a statement element",
              span);
  validate_actions(s.action, catalog, issues);
  validate_actions(s.not_action, catalog, issues);
  validate_resources(s.resource, issues);
  validate_resources(s.not_resource, issues);
  validate_principal(s.principal, issues);
  validate_principal(s.not_principal, issues);
  validate_condition(s.condition, catalog, issues);
}

}  // namespace

PolicyIssues validate_policy(const Policy& policy, PolicyType type, const ActionCatalog& catalog) {
  PolicyIssues issues;
  // AI services opt-out policies are not IAM syntax (ai_opt_out.hpp judges them).
  if (policy.unknown || type == PolicyType::ai_opt_out) return issues;
  if (policy.malformed) {
    add_issue(issues, "malformed-policy", policy.malformed_reason, policy.malformed_span);
    return issues;
  }
  check_version(policy, issues);
  if (!policy.has_statement)
    add_issue(issues, "missing-statement", "the policy has no Statement", policy.span);
  else if (!policy.statement_unknown && policy.statements.empty())
    add_issue(issues, "empty-statement", "the policy has no statements", policy.statement_span,
              IssueLevel::warning);
  for (const auto& [key, span] : policy.unexpected_keys)
    add_issue(issues, "unexpected-key",
              "\"" + key + "\" is not a policy element (Version, Id, Statement)", span);
  check_sids(policy, type, issues);
  for (const Statement& s : policy.statements) check_statement(s, type, catalog, issues);
  check_policy_variables(policy, issues);
  return issues;
}

}  // namespace iacscan::detail::iam
