#include "iam/privilege_escalation.hpp"

#include <algorithm>
#include <string>

#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"
#include "iam/statement_checks.hpp"

namespace iacscan::detail::iam {
namespace {

// The service field of an ARN format ("iam" in "arn:${Partition}:iam::${Account}:role/...").
std::string arn_format_service(std::string_view arn) {
  const std::size_t partition_end = arn.find(':', arn.find(':') + 1);
  if (partition_end == std::string_view::npos) return {};
  const std::size_t service_end = arn.find(':', partition_end + 1);
  if (service_end == std::string_view::npos) return {};
  return ascii_lowercase(arn.substr(partition_end + 1, service_end - partition_end - 1));
}

ResourceTarget action_target(const ActionCatalog& catalog, std::optional<ActionId> id) {
  ResourceTarget target;
  if (!id) return target;
  for (const ActionCatalog::ResourceTypeRef& type : catalog.resource_types(*id)) {
    std::string service = arn_format_service(type.arn);
    if (service.empty() || service.find('$') != std::string::npos) continue;
    if (std::find(target.services.begin(), target.services.end(), service) == target.services.end())
      target.services.push_back(std::move(service));
  }
  // No ARN to name: requests carry "*" as their resource.
  target.star_only = target.services.empty();
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
    if (actions_[i].name == action) return i;
  const std::optional<ActionId> id = catalog_.find(action);
  actions_.push_back({action, id, action_target(catalog_, id)});
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
