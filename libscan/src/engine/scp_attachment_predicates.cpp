#include "engine/scp_attachment_predicates.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "engine/predicate_support.hpp"
#include "engine/scp_guardrail_scope.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy_file.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kFullAwsAccessName = "FullAWSAccess";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

Outcome needs_scan() {
  return undecided("", {}, "the SCP attachments are judged only in a scan");
}

// Whether a policy has an Allow statement: unknown when its content, or an Effect, is.
Truth allows_something(const iam::Policy& policy) {
  if (policy.unknown) return Truth::unknown;
  Truth out = policy.statement_unknown ? Truth::unknown : Truth::false_;
  for (const iam::Statement& s : policy.statements) {
    if (s.effect == iam::Effect::allow) return Truth::true_;
    if (s.unknown || s.effect == iam::Effect::unknown) out = Truth::unknown;
  }
  return out;
}

bool declares_allow(const iam::ScpTarget& target) {
  return std::any_of(target.policies.begin(), target.policies.end(),
                     [](const auto& scp) { return allows_something(*scp.policy) == Truth::true_; });
}

bool has_full_aws_access(const iam::ScpTarget& target) {
  return std::any_of(target.policies.begin(), target.policies.end(),
                     [](const iam::AttachedScp& scp) { return ScpScope::is_full_aws_access(scp); });
}

// An attachment the scan cannot follow that may reach this target.
bool may_reach(const UnresolvedAttachment& u, const iam::ScpTarget& target) {
  return u.target.empty() || u.target == target.id;
}

void note_near_miss(const PredicateInput& input, std::optional<std::size_t> resource) {
  if (input.context->evidence != nullptr && resource)
    input.context->evidence->near_miss.push_back(*resource);
}

// The SCPs on a target as AWS counts them: each attached policy once, FullAWSAccess included
// where it applies. Spans are where each is attached (none for an implicit FullAWSAccess).
struct Count {
  std::vector<std::string> names;
  std::vector<Span> spans;
};

Count count_attachments(const ScpScope& scope, const iam::ScpTarget& target) {
  Count count;
  if (!scope.manages_full_aws_access() && !has_full_aws_access(target) && !declares_allow(target)) {
    count.names.emplace_back(kFullAwsAccessName);
    count.spans.emplace_back();
  }
  std::set<std::string> seen;
  for (const iam::AttachedScp& scp : target.policies) {
    const bool full = ScpScope::is_full_aws_access(scp);
    if (!seen.insert(full ? std::string("*") : std::to_string(scp.resource)).second) continue;
    count.names.push_back(full ? std::string(kFullAwsAccessName) : scp.name);
    count.spans.push_back(scp.attachment);
  }
  return count;
}

std::size_t attachment_limit(const PredicateInput& input) {
  const std::size_t aws_default = ScanOptions{}.scp_max_attachments;
  const Value* limit = input.arguments.find("limit");
  const ScanOptions* options = input.context->options;
  // The configuration wins when it says something other than AWS's default.
  if (options != nullptr && (limit == nullptr || options->scp_max_attachments != aws_default))
    return options->scp_max_attachments;
  return limit != nullptr ? static_cast<std::size_t>(limit->as_number()) : aws_default;
}

enum class RootState : std::uint8_t { root, elsewhere, unknown };

// Whether a target value names the organization's root.
RootState root_state(const Value& target, const Resource& from, const ResourceGraph& graph,
                     const ReferenceResolver& resolver) {
  if (target.is_string())
    return target.text().starts_with("r-") ? RootState::root : RootState::elsewhere;
  const auto index = resolver.referenced(target, from);
  if (!index) return RootState::unknown;
  const std::string& type = graph.resources[*index].native_type;
  if (is_organization(type)) return RootState::root;
  return is_organizations_node(type) ? RootState::elsewhere : RootState::unknown;
}

bool holds_policy_of(const Resource& r, iam::PolicyType type) {
  for (const iam::EmbeddedPolicy& p : iam::find_policies(r))
    if (p.type == type) return true;
  return false;
}

}  // namespace

Outcome scp_targets_keep_allow(const PredicateInput& input) {
  if (input.context == nullptr || input.context->graph == nullptr) return needs_scan();
  const ScpScope scope(*input.context->graph, input.context->options);
  Outcome result;
  result.truth = Truth::true_;
  if (!scope.manages_full_aws_access()) return result;
  std::vector<std::string> offending;
  Span first;
  Outcome maybe;
  for (const iam::ScpTarget* target : scope.declared_targets()) {
    if (target->policies.empty() || has_full_aws_access(*target)) continue;
    Truth allows = Truth::false_;
    std::vector<std::string> names;
    for (const iam::AttachedScp& scp : target->policies) {
      allows = truth_or(allows, allows_something(*scp.policy));
      names.push_back(scp.name);
    }
    if (allows == Truth::false_) {
      for (const UnresolvedAttachment& u : scope.unresolved()) {
        if (!may_reach(u, *target)) continue;
        if (u.full_aws_access || u.policy == nullptr ||
            allows_something(*u.policy) != Truth::false_)
          allows = Truth::unknown;
      }
    }
    if (allows == Truth::false_) {
      if (offending.empty()) first = scope.where(*target);
      offending.push_back(target->id + " (only " + joined(names) + ", no Allow)");
      note_near_miss(input, scope.declaring_resource(*target));
    } else if (allows == Truth::unknown && maybe.truth != Truth::unknown) {
      maybe = undecided("", scope.where(*target),
                        target->id +
                            ": whether its SCPs allow anything is known only at "
                            "deployment");
    }
  }
  if (!offending.empty()) {
    Outcome missing;
    missing.span = first;
    missing.detail = joined(offending);
    return missing;
  }
  return maybe.truth == Truth::unknown ? maybe : result;
}

Outcome scp_attachments_within_limit(const PredicateInput& input) {
  if (input.context == nullptr || input.context->graph == nullptr) return needs_scan();
  const ScpScope scope(*input.context->graph, input.context->options);
  const std::size_t limit = attachment_limit(input);
  std::vector<std::string> offending;
  Span first;
  Outcome result;
  result.truth = Truth::true_;
  for (const iam::ScpTarget* target : scope.declared_targets()) {
    const Count count = count_attachments(scope, *target);
    if (count.names.size() > limit) {
      if (offending.empty())
        first = count.spans[limit].valid() ? count.spans[limit] : scope.where(*target);
      offending.push_back(target->id + " (" + std::to_string(count.names.size()) +
                          " SCPs: " + joined(count.names) + ")");
      note_near_miss(input, scope.declaring_resource(*target));
      continue;
    }
    const bool one_more_possible =
        count.names.size() == limit &&
        std::any_of(scope.unresolved().begin(), scope.unresolved().end(),
                    [&](const UnresolvedAttachment& u) { return may_reach(u, *target); });
    if (one_more_possible && result.truth != Truth::unknown)
      result = undecided("", scope.where(*target),
                         target->id + " has " + std::to_string(limit) +
                             " SCPs and may get another attachment known only at deployment");
  }
  if (!offending.empty()) {
    Outcome over;
    over.span = first;
    over.detail = joined(offending) + "; the limit is " + std::to_string(limit);
    return over;
  }
  return result;
}

std::string scp_attachments_within_limit_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "limit") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_number() || e.value.as_number() < 1) return "limit must be a positive number";
  }
  return "";
}

Outcome org_policy_attached_to_root(const PredicateInput& input) {
  if (input.context == nullptr || input.context->graph == nullptr) return needs_scan();
  const ResourceGraph& graph = *input.context->graph;
  const Value* type_name = input.arguments.find("type");
  const auto type =
      type_name != nullptr ? iam::organizations_policy_type(type_name->text()) : std::nullopt;
  if (!type) return Outcome{};  // refused when the rule loads
  const ReferenceResolver resolver(graph);
  std::vector<std::size_t> declared, standalone, attached;
  bool maybe = false;
  Outcome near_miss;
  auto judge_target = [&](const Value& target, const Resource& from, std::size_t policy) {
    switch (root_state(target, from, graph, resolver)) {
      case RootState::root:
        attached.push_back(policy);
        break;
      case RootState::unknown:
        maybe = true;
        break;
      case RootState::elsewhere:
        if (near_miss.detail.empty()) {
          near_miss.span = target.span;
          near_miss.detail =
              graph.resources[policy].address + " is attached to " +
              (target.is_string() ? target.text()
                                  : graph.resources[*resolver.referenced(target, from)].address) +
              ", not to the root";
        }
        break;
    }
  };
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& r = graph.resources[i];
    if (!holds_policy_of(r, *type)) continue;
    if (r.format == SourceFormat::policy_file) {
      standalone.push_back(i);
      continue;
    }
    declared.push_back(i);
    const Value* ids =
        r.native_type == "AWS::Organizations::Policy" ? r.attributes.find("TargetIds") : nullptr;
    if (ids == nullptr) continue;
    if (!ids->is_list()) {
      maybe = true;
      continue;
    }
    for (const Value& id : ids->items()) judge_target(id, r, i);
  }
  for (const Resource& r : graph.resources) {
    if (r.native_type != "aws_organizations_policy_attachment") continue;
    const Value* policy_id = r.attributes.find("policy_id");
    const Value* target_id = r.attributes.find("target_id");
    if (policy_id == nullptr || target_id == nullptr) continue;
    const auto policy = resolver.referenced(*policy_id, r);
    if (policy && std::find(declared.begin(), declared.end(), *policy) != declared.end()) {
      judge_target(*target_id, r, *policy);
    } else if (!policy && !policy_id->is_string()) {
      // A policy known only at deployment, attached to the root, may be this one.
      maybe = maybe || root_state(*target_id, r, graph, resolver) != RootState::elsewhere;
    }
  }
  PresenceEvidence* evidence = input.context->evidence;
  const std::vector<std::size_t>& proof = !attached.empty() ? attached : standalone;
  if (!attached.empty() || (declared.empty() && !standalone.empty())) {
    if (evidence != nullptr) evidence->met.insert(evidence->met.end(), proof.begin(), proof.end());
    Outcome met;
    met.truth = Truth::true_;
    return met;
  }
  if (maybe)
    return undecided("", {}, "an attachment known only at deployment may attach it to the root");
  if (!near_miss.detail.empty()) return near_miss;
  Outcome missing;
  if (!declared.empty()) {
    const Resource& policy = graph.resources[declared.front()];
    missing.span = policy.name_span;
    missing.detail = policy.address + " is not attached to the root";
    if (evidence != nullptr) evidence->near_miss.push_back(declared.front());
  }
  return missing;
}

std::string org_policy_attached_to_root_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "type") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || !iam::organizations_policy_type(e.value.text()))
      return "type must be an Organizations policy type iacscan reads "
             "(SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, AISERVICES_OPT_OUT_POLICY)";
  }
  return arguments.find("type") ? "" : "needs type: the Organizations policy type";
}

}  // namespace iacscan::detail::predicates
