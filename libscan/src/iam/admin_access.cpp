#include "iam/admin_access.hpp"

#include <optional>
#include <string>

#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"
#include "iam/pattern_text.hpp"
#include "iam/resource_scope.hpp"
#include "iam/statement_checks.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {
namespace {

// An Allow that grants what `actions` says on what `resources` says, with no Condition
// that could stop it.
Truth unconditional_grant(const Statement& statement, Truth actions, Truth resources) {
  Truth truth = truth_and(effect_is(statement, Effect::allow), actions);
  truth = truth_and(truth, resources);
  if (truth == Truth::false_) return truth;
  return truth_and(truth, truth_not(condition_restricts(statement.condition)));
}

Span action_span(const Statement& statement) {
  if (statement.action.present) return statement.action.span;
  if (statement.not_action.present) return statement.not_action.span;
  return statement.span;
}

// One action on the resources of `target`: the hits of the Allow statements granting it.
std::vector<AnalysisHit> find_action_grants(const Policy& policy, const ActionCatalog& catalog,
                                            std::string_view action_name,
                                            const ResourceTarget& target) {
  std::vector<AnalysisHit> hits;
  const std::optional<ActionId> action = catalog.find(action_name);
  for (const Statement& statement : policy.statements) {
    const Truth actions = names_action(statement_actions(statement, catalog), action);
    const Truth truth = unconditional_grant(statement, actions, allow_reaches(statement, target));
    if (truth != Truth::false_)
      hits.push_back(statement_hit(statement, action_span(statement),
                                   "grants " + std::string(action_name), truth));
  }
  add_policy_unknowns(policy, "whether " + std::string(action_name) + " is granted", hits);
  return hits;
}

// "arn:aws:iam::123456789012:role/*" and the like: every role (of an account).
bool covers_every_role(std::string_view pattern) {
  if (covers_all_resources(pattern)) return true;
  if (!pattern.starts_with("arn:")) return false;
  std::size_t at = 0;
  for (int colon = 0; colon < 5; ++colon) {
    at = pattern.find(':', at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  const std::string service = ascii_lowercase(pattern.substr(pattern.find(':', 4) + 1));
  if (!wildcard_match(service.substr(0, service.find(':')), "iam")) return false;
  std::string_view resource = pattern.substr(at);
  while (resource.ends_with('*')) resource.remove_suffix(1);
  return resource.empty() || resource == "role" || resource == "role/";
}

// `roles`: iam:PassRole's resources, so a NotResource naming users or policies takes away no
// role.
Truth reaches_every_role(const Statement& statement, const ResourceTarget& roles) {
  if (statement.unknown) return Truth::unknown;
  if (!statement.resource.present) {
    // NotResource reaches every role only when no listed pattern could be one.
    return statement.not_resource.present ? none_could_be_target(statement.not_resource, roles)
                                          : Truth::false_;
  }
  if (statement.resource.unknown) return Truth::unknown;
  Truth result = Truth::false_;
  for (const Element& item : statement.resource.items) {
    if (!item.is_string || !covers_every_role(widest_pattern(item))) continue;
    if (!item.unknown) return Truth::true_;
    result = Truth::unknown;
  }
  return result;
}

// Whether an Action item is "<service>:*": True, Unknown (an unknown item could be), False.
Truth is_service_wildcard(const Element& item) {
  if (!item.is_string) return Truth::false_;
  const std::string pattern = widest_pattern(item);
  const std::size_t colon = pattern.find(':');
  if (colon == std::string::npos)
    return item.unknown ? truth_of(only_stars(pattern)) : Truth::false_;
  const std::string_view service = std::string_view(pattern).substr(0, colon);
  const std::string_view name = std::string_view(pattern).substr(colon + 1);
  if (!only_stars(name)) return Truth::false_;
  if (item.unknown) return Truth::unknown;
  return truth_of(!service.empty() && !has_wildcard(service));
}

}  // namespace

std::vector<AnalysisHit> find_full_admin(const Policy& policy, const ActionCatalog& catalog) {
  std::vector<AnalysisHit> hits;
  for (const Statement& statement : policy.statements) {
    const ActionCoverage coverage = statement_actions(statement, catalog);
    const Truth actions = coverage.actions.is_full()    ? Truth::true_
                          : coverage.possible.is_full() ? Truth::unknown
                                                        : Truth::false_;
    const Truth truth = unconditional_grant(statement, actions, allow_reaches(statement, {}));
    if (truth == Truth::false_) continue;
    const char* detail = statement.not_action.present && !statement.action.present
                             ? "NotAction leaves every action, on every resource"
                             : "every action on every resource";
    hits.push_back(statement_hit(statement, action_span(statement), detail, truth));
  }
  add_policy_unknowns(policy, "whether every action is granted", hits);
  return hits;
}

std::vector<AnalysisHit> find_service_wide_admin(const Policy& policy) {
  std::vector<AnalysisHit> hits;
  for (const Statement& statement : policy.statements) {
    const Truth resources = allow_reaches(statement, {});
    if (statement.unknown || statement.action.unknown) {
      const Truth truth = unconditional_grant(statement, Truth::unknown, resources);
      if (truth != Truth::false_)
        hits.push_back(statement_hit(statement, action_span(statement),
                                     "an unknown action could be a service wildcard", truth));
      continue;
    }
    for (const Element& item : statement.action.items) {
      const Truth truth = unconditional_grant(statement, is_service_wildcard(item), resources);
      if (truth == Truth::false_) continue;
      const std::string detail = item.unknown ? "an unknown action could be a service wildcard"
                                              : item.text + " on every resource";
      hits.push_back(statement_hit(statement, item.span, detail, truth));
    }
  }
  add_policy_unknowns(policy, "whether a service's every action is granted", hits);
  return hits;
}

std::vector<AnalysisHit> find_not_action_allows(const Policy& policy) {
  std::vector<AnalysisHit> hits;
  for (const Statement& statement : policy.statements) {
    if (!statement.unknown && !statement.not_action.present) continue;
    const Truth truth = effect_is(statement, Effect::allow);
    if (truth == Truth::false_) continue;
    const Span at = statement.unknown ? statement.span : statement.not_action.span;
    hits.push_back(statement_hit(statement, at, "Allow with NotAction", truth));
  }
  add_policy_unknowns(policy, "whether an Allow uses NotAction", hits);
  return hits;
}

std::vector<AnalysisHit> find_not_resource_allows(const Policy& policy) {
  std::vector<AnalysisHit> hits;
  for (const Statement& statement : policy.statements) {
    if (!statement.unknown && !statement.not_resource.present) continue;
    const Truth truth = effect_is(statement, Effect::allow);
    if (truth == Truth::false_) continue;
    const Span at = statement.unknown ? statement.span : statement.not_resource.span;
    hits.push_back(statement_hit(statement, at, "Allow with NotResource", truth));
  }
  add_policy_unknowns(policy, "whether an Allow uses NotResource", hits);
  return hits;
}

std::vector<AnalysisHit> find_pass_role_on_all(const Policy& policy, const ActionCatalog& catalog) {
  std::vector<AnalysisHit> hits;
  const std::optional<ActionId> pass_role = catalog.find("iam:PassRole");
  const ResourceTarget roles =
      pass_role ? action_resources(catalog, *pass_role) : ResourceTarget{{"iam"}, false};
  for (const Statement& statement : policy.statements) {
    const Truth actions = names_action(statement_actions(statement, catalog), pass_role);
    const Truth truth =
        unconditional_grant(statement, actions, reaches_every_role(statement, roles));
    if (truth != Truth::false_)
      hits.push_back(
          statement_hit(statement, action_span(statement), "iam:PassRole on every role", truth));
  }
  add_policy_unknowns(policy, "whether iam:PassRole is granted on every role", hits);
  return hits;
}

std::vector<AnalysisHit> find_list_all_buckets(const Policy& policy, const ActionCatalog& catalog) {
  return find_action_grants(policy, catalog, "s3:ListAllMyBuckets", {{}, true});
}

}  // namespace iacscan::detail::iam
