#include "iam/privilege_escalation.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"
#include "iam/statement_checks.hpp"

namespace iacscan::detail::iam {
namespace {

// Actions whose path needs a principal other than the caller: a new access key or console
// password of one's own user gives nothing one did not have. (iam:AttachUserPolicy and
// iam:PutUserPolicy are not here: changing one's own user is exactly how they escalate.)
constexpr std::array<std::string_view, 3> kNeedAnotherPrincipal = {
    "iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile"};

ResourceTarget action_target(const ActionCatalog& catalog, std::optional<ActionId> id,
                             std::string_view only_type) {
  if (!id) return {};
  ResourceTarget target = action_resources(catalog, *id, only_type);
  const std::string name = ascii_lowercase(catalog.qualified_name(*id));
  target.excludes_caller = std::find(kNeedAnotherPrincipal.begin(), kNeedAnotherPrincipal.end(),
                                     name) != kNeedAnotherPrincipal.end();
  return target;
}

}  // namespace

EscalationAnalyzer::EscalationAnalyzer(const ActionCatalog& catalog) : catalog_(catalog) {
  for (const EscalationPath& path : escalation_paths()) {
    std::array<std::size_t, kMaxPathActions> indexes{};
    for (std::size_t i = 0; i < path.action_count(); ++i) indexes[i] = resolve(path.actions[i]);
    path_actions_.push_back(indexes);
  }
}

std::size_t EscalationAnalyzer::resolve(std::string_view action) {
  for (std::size_t i = 0; i < actions_.size(); ++i)
    if (actions_[i].spec == action) return i;
  // "ssm:SendCommand/instance": the action, and the one resource type the attack needs.
  const std::size_t slash = action.find('/');
  const std::string_view name = action.substr(0, slash);
  const std::string_view only_type =
      slash == std::string_view::npos ? std::string_view{} : action.substr(slash + 1);
  const std::optional<ActionId> id = catalog_.find(name);
  actions_.push_back({action, name, id, action_target(catalog_, id, only_type)});
  return actions_.size() - 1;
}

std::vector<EscalationHit> EscalationAnalyzer::analyze(const Policy& policy) const {
  std::vector<EscalationStep> steps(actions_.size());
  for (std::size_t i = 0; i < actions_.size(); ++i) steps[i].action = actions_[i].name;

  for (const Statement& statement : policy.statements) {
    const Truth allow = effect_is(statement, Effect::allow);
    // Only a known Deny denies: an unknown statement never cancels a known grant.
    const bool deny = !statement.unknown && statement.effect == Effect::deny;
    if (allow == Truth::false_ && !deny) continue;
    const ActionCoverage coverage = statement_actions(statement, catalog_);
    const Truth unconditional = truth_not(condition_restricts(statement.condition));
    for (std::size_t i = 0; i < actions_.size(); ++i) {
      const ResolvedAction& action = actions_[i];
      const Truth named = names_action(coverage, action.id);
      if (named == Truth::false_) continue;
      const Span at = statement.action.present ? statement.action.span : statement.span;
      if (allow != Truth::false_) {
        Truth truth = truth_and(truth_and(allow, named), unconditional);
        if (truth != Truth::false_)
          truth = truth_and(truth, allow_reaches(statement, action.target));
        if (truth != Truth::false_)
          steps[i].grants.push_back(
              statement_hit(statement, at, "grants " + std::string(action.name), truth));
      } else {
        Truth truth = truth_and(named, unconditional);
        if (truth != Truth::false_) truth = truth_and(truth, deny_covers(statement, action.target));
        if (truth != Truth::false_)
          steps[i].denials.push_back(
              statement_hit(statement, at, "denies " + std::string(action.name), truth));
      }
    }
  }
  for (EscalationStep& step : steps) {
    add_policy_unknowns(policy, "whether " + std::string(step.action) + " is granted", step.grants);
    step.truth = truth_and(overall_truth(step.grants), truth_not(overall_truth(step.denials)));
  }

  std::vector<EscalationHit> hits;
  const std::span<const EscalationPath> paths = escalation_paths();
  for (std::size_t p = 0; p < paths.size(); ++p) {
    EscalationHit hit;
    hit.path = &paths[p];
    hit.truth = Truth::true_;
    for (std::size_t a = 0; a < paths[p].action_count(); ++a) {
      const EscalationStep& step = steps[path_actions_[p][a]];
      hit.truth = truth_and(hit.truth, step.truth);
      hit.steps.push_back(step);
    }
    if (hit.truth == Truth::false_) continue;
    // Point at the first definite grant, else the first possible one, else the policy.
    hit.span = policy.span;
    bool found = false;
    for (const Truth wanted : {Truth::true_, Truth::unknown}) {
      for (const EscalationStep& step : hit.steps) {
        const auto grant = std::find_if(step.grants.begin(), step.grants.end(),
                                        [&](const AnalysisHit& g) { return g.truth == wanted; });
        if (grant == step.grants.end()) continue;
        hit.statement_index = grant->statement_index;
        hit.span = grant->span;
        found = true;
        break;
      }
      if (found) break;
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace iacscan::detail::iam
