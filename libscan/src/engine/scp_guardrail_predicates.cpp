#include "engine/scp_guardrail_predicates.hpp"

#include <algorithm>
#include <vector>

#include "engine/predicate_support.hpp"
#include "engine/scp_guardrail_judge.hpp"
#include "iam/action_catalog.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kDefaultRegionalAction = "ec2:RunInstances";
// Enough names to act on; the count says how many more.
constexpr std::size_t kListedServices = 8;

const ScanOptions* options_of(const PredicateInput& input) {
  return input.context != nullptr ? input.context->options : nullptr;
}

std::string joined(const std::vector<std::string>& items, std::size_t at_most = SIZE_MAX) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < at_most; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > at_most) out += " and " + std::to_string(items.size() - at_most) + " more";
  return out;
}

// Whether one of the Deny statements that decided `result` is conditioned on the region.
bool denied_by_region(const std::vector<iam::ScpLevel>& path, const iam::GuardrailResult& result) {
  for (const iam::StatementRef& ref : result.denying_statements) {
    if (ref.level >= path.size() || ref.policy >= path[ref.level].policies.size()) continue;
    const iam::Policy& policy = *path[ref.level].policies[ref.policy];
    if (ref.statement >= policy.statements.size()) continue;
    for (const iam::ConditionClause& clause : policy.statements[ref.statement].condition.clauses)
      if (iam::ascii_lowercase(clause.key) == "aws:requestedregion") return true;
  }
  return false;
}

// The regions the SCPs name that a path leaves open to the action.
std::vector<std::string> open_regions(const ScpScope& scope, const std::vector<iam::ScpLevel>& path,
                                      const std::string& action) {
  std::vector<std::string> open;
  for (const std::string& pattern : scope.named_regions()) {
    const iam::GuardrailQuery query = query_for(DenyProbe{action, "*", {}}, region_for(pattern));
    if (denied_whatever_tags(path, query).denied == Truth::false_) open.push_back(pattern);
  }
  return open;
}

std::vector<std::string> unapproved(const std::vector<std::string>& open,
                                    const ScanOptions* options) {
  std::vector<std::string> out;
  if (options == nullptr) return out;
  const auto& approved = options->organization.approved_regions;
  for (const std::string& region : open)
    if (!approved.empty() && std::find(approved.begin(), approved.end(), region) == approved.end())
      out.push_back(region);
  return out;
}

// A path restricts regions when a Deny on aws:RequestedRegion denies the action in a region no
// SCP names; it does so well enough when the regions it leaves open are all approved. Paths
// are alternatives (one per scanned document): one that restricts well is enough.
SubjectVerdict judge_regions(const ScpScope& scope, const ScpSubject& subject,
                             const ScanOptions* options, const std::string& action) {
  const std::string outside = unlisted_region(scope, options);
  const iam::GuardrailQuery query = query_for(DenyProbe{action, "*", {}}, outside);
  SubjectVerdict verdict;
  verdict.met = Truth::false_;
  verdict.shortfall = "no region restriction (" + action + " is not denied in " + outside + ")";
  bool restricted = false;
  for (const auto& path : subject.paths) {
    const iam::GuardrailResult result = denied_whatever_tags(path, query);
    if (result.denied == Truth::unknown && verdict.met == Truth::false_ && !restricted) {
      verdict.met = Truth::unknown;
      verdict.shortfall = "whether " + action + " is denied in " + outside + " is unknown";
    }
    if (result.denied != Truth::true_ || !result.explicit_deny || !denied_by_region(path, result))
      continue;
    const std::vector<std::string> open = open_regions(scope, path, action);
    const std::vector<std::string> outside_approved = unapproved(open, options);
    if (outside_approved.empty()) {
      verdict.met = Truth::true_;
      verdict.shortfall = open.empty() ? "no named region stays open" : "open: " + joined(open);
      for (const iam::StatementRef& ref : result.denying_statements)
        if (ref.level < path.size() && ref.policy < path[ref.level].policies.size())
          verdict.proof.push_back(path[ref.level].policies[ref.policy]);
      return verdict;
    }
    if (!restricted) {
      restricted = true;
      verdict.met = Truth::false_;
      verdict.shortfall =
          "leaves " + joined(outside_approved) + " open, outside organization.approved_regions";
    }
  }
  return verdict;
}

// One action of each service the catalog knows, for asking whether the service is denied.
struct ServiceProbe {
  std::string prefix;
  iam::ActionId id = 0;
  std::string action;
};

const std::vector<ServiceProbe>& service_probes() {
  static const std::vector<ServiceProbe> probes = [] {
    const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
    std::vector<ServiceProbe> out;
    for (iam::ActionId id = 0; id < catalog.size(); ++id) {
      const std::string_view service = catalog.service(id);
      if (!out.empty() && out.back().prefix == service) continue;
      out.push_back(ServiceProbe{std::string(service), id, catalog.qualified_name(id)});
    }
    return out;
  }();
  return probes;
}

// Allow * on * without a condition, as FullAWSAccess.
bool allows_everything(const iam::Policy& policy) {
  return std::any_of(policy.statements.begin(), policy.statements.end(), [](const auto& s) {
    return s.effect == iam::Effect::allow && !s.condition.present && !s.not_action.present &&
           !s.not_resource.present && s.action.contains_text("*") && s.resource.contains_text("*");
  });
}

// What a path can deny at most, so that asking about hundreds of services skips the paths
// that cannot deny them: the actions its Deny statements may name, or everything when a
// level has no allow-everything policy (an allow list denies by leaving out) or a policy is
// unknown.
struct PathReach {
  bool everything = false;
  iam::ActionSet deny;
};

PathReach reach_of(const std::vector<iam::ScpLevel>& path) {
  const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
  PathReach reach{false, catalog.none()};
  for (const iam::ScpLevel& level : path) {
    bool open = false;
    for (const iam::Policy* policy : level.policies) {
      if (policy->unknown || policy->malformed || policy->statement_unknown)
        reach.everything = true;
      open = open || allows_everything(*policy);
      reach.deny |= iam::policy_actions(*policy, catalog, iam::Effect::deny).possible;
    }
    reach.everything = reach.everything || !open;
  }
  return reach;
}

SubjectVerdict judge_services(const ScpSubject& subject, const std::vector<std::string>& approved,
                              const std::vector<std::string>& regions) {
  std::vector<PathReach> reach;
  for (const auto& path : subject.paths) reach.push_back(reach_of(path));
  SubjectVerdict verdict;
  std::vector<std::string> open;
  for (const ServiceProbe& service : service_probes()) {
    const bool is_approved = std::any_of(approved.begin(), approved.end(), [&](const auto& a) {
      return iam::ascii_lowercase(a) == service.prefix;
    });
    if (is_approved) continue;
    ScpSubject reaching{subject.name, subject.where, subject.resource, {}};
    for (std::size_t i = 0; i < subject.paths.size(); ++i)
      if (reach[i].everything || reach[i].deny.contains(service.id))
        reaching.paths.push_back(subject.paths[i]);
    const DenialAnswer answer =
        denied_everywhere(reaching, DenyProbe{service.action, "*", {}}, regions);
    if (answer.denied == Truth::false_) open.push_back(service.prefix);
    if (answer.denied == Truth::unknown && verdict.met == Truth::true_) {
      verdict.met = Truth::unknown;
      verdict.shortfall = service.prefix + " depends on " + answer.why_unknown;
    }
    verdict.proof.insert(verdict.proof.end(), answer.proof.begin(), answer.proof.end());
  }
  if (!open.empty()) {
    verdict.met = Truth::false_;
    verdict.shortfall = "services outside organization.approved_services stay open: " +
                        joined(open, kListedServices);
  }
  return verdict;
}

}  // namespace

Outcome scp_guardrail(const PredicateInput& input) {
  const ScanOptions* options = options_of(input);
  const ResolvedSpec resolved = resolve_guardrail(input.arguments, options);
  if (!resolved.missing_fact.empty())
    return undecided("", {}, "needs " + resolved.missing_fact + " in the configuration");
  TargetSelection selection;
  selection.ou_role = resolved.spec.ou_role;
  for (const std::string& fact : resolved.spec.exempt_facts)
    if (std::string account = account_fact(options, fact); !account.empty())
      selection.exempt_accounts.push_back(std::move(account));
  const GuardrailSpec& spec = resolved.spec;
  return judge_subjects(input, selection, [&](const ScpScope& scope, const ScpSubject& subject) {
    return judge_requirements(subject, spec, probe_regions(scope, options));
  });
}

std::string scp_guardrail_arguments(const Value& arguments) {
  return guardrail_arguments(arguments);
}

Outcome scp_regions_restricted(const PredicateInput& input) {
  const ScanOptions* options = options_of(input);
  const Value* action = input.arguments.find("action");
  const std::string regional =
      action != nullptr ? action->text() : std::string(kDefaultRegionalAction);
  return judge_subjects(input, {}, [&](const ScpScope& scope, const ScpSubject& subject) {
    return judge_regions(scope, subject, options, regional);
  });
}

std::string scp_regions_restricted_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "action") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || e.value.text().find(':') == std::string::npos)
      return "action must be a regional action (service:Name)";
  }
  return "";
}

Outcome scp_services_restricted(const PredicateInput& input) {
  const ScanOptions* options = options_of(input);
  if (options == nullptr || options->organization.approved_services.empty())
    return undecided("", {}, "needs organization.approved_services in the configuration");
  const std::vector<std::string>& approved = options->organization.approved_services;
  return judge_subjects(input, {}, [&](const ScpScope& scope, const ScpSubject& subject) {
    return judge_services(subject, approved, probe_regions(scope, options));
  });
}

}  // namespace iacscan::detail::predicates
