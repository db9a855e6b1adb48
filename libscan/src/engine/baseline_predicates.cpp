#include "engine/baseline_predicates.hpp"

#include <optional>
#include <string_view>
#include <vector>

#include "engine/account_evaluator.hpp"
#include "engine/attribute_path.hpp"
#include "engine/predicate_support.hpp"
#include "graph/resource_graph.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kCfnPolicy = "AWS::Organizations::Policy";
constexpr std::string_view kTfPolicy = "aws_organizations_policy";
constexpr std::string_view kTfAttachment = "aws_organizations_policy_attachment";
constexpr std::string_view kDeclarativeEc2 = "DECLARATIVE_POLICY_EC2";

bool is_organizations_policy(const Resource& r) {
  return r.native_type == kCfnPolicy || r.native_type == kTfPolicy;
}

// A native attribute under its CloudFormation or Terraform name.
const Value* native(const Resource& r, std::string_view cfn, std::string_view tf) {
  return r.attributes.find(r.native_type == kCfnPolicy ? cfn : tf);
}

bool has_unknown_part(const Value& v) {
  return v.is_unknown() || (v.is_string() && v.text().find(kUnknownMarker) != std::string::npos);
}

// What the rule asks for: ec2_attributes.<setting> assigned <value>.
struct Wanted {
  std::vector<std::string> path;  // ec2_attributes, the setting's segments, @@assign
  std::string setting;            // "ec2_attributes.instance_metadata_defaults.http_tokens"
  std::string value;
};

Wanted wanted_from(const Value& arguments) {
  Wanted w;
  const std::string setting = arguments.find("setting")->text();
  w.setting = "ec2_attributes." + setting;
  w.path = split_path(w.setting);
  w.path.emplace_back("@@assign");
  w.value = arguments.find("value")->to_display_string();
  return w;
}

// The verdict on one Organizations policy.
struct PolicyVerdict {
  Truth truth = Truth::false_;
  bool near_miss = false;  // a declarative EC2 policy that does not (or may not) qualify
  Span span;               // the assigned value, or what is unknown
  std::string detail;
};

PolicyVerdict decided(Truth truth, const Span& span, std::string detail) {
  PolicyVerdict v;
  v.truth = truth;
  v.near_miss = truth != Truth::true_;
  v.span = span;
  v.detail = std::move(detail);
  return v;
}

// Whether anything attaches the policy to a root, OU or account. Terraform attachments may
// live in another module and name the policy through a module output or a variable: an
// attachment whose policy_id reaches no resource of the scan might be this policy's.
Truth attached(const Resource& policy, const EvalContext* context, Span& why_unknown) {
  if (policy.native_type == kCfnPolicy) {
    const Value* targets = policy.attributes.find("TargetIds");
    if (targets == nullptr) return Truth::false_;
    if (targets->is_unknown()) {
      why_unknown = targets->span;
      return Truth::unknown;
    }
    return truth_of(targets->is_list() && !targets->items().empty());
  }
  if (context == nullptr || context->graph == nullptr) return Truth::unknown;
  const ResourceGraph& graph = *context->graph;
  Truth result = Truth::false_;
  for (const Resource& attachment : graph.resources) {
    if (attachment.native_type != kTfAttachment) continue;
    const Value* policy_id = attachment.attributes.find("policy_id");
    if (policy_id == nullptr) continue;
    bool reaches_a_resource = false;
    for (const std::string& ref : policy_id->refs) {
      for (std::size_t target : graph.resolve(attachment.scope, ref)) {
        reaches_a_resource = true;
        if (&graph.resources[target] == &policy) return Truth::true_;
      }
    }
    if (!reaches_a_resource && policy_id->is_unknown() && result == Truth::false_) {
      why_unknown = policy_id->span;
      result = Truth::unknown;
    }
  }
  return result;
}

PolicyVerdict judge_policy(const Resource& policy, const EvalContext* context,
                           const Wanted& wanted) {
  const Value* type = native(policy, "Type", "type");
  Truth declarative = Truth::false_;
  if (type != nullptr && type->is_unknown()) declarative = Truth::unknown;
  if (type != nullptr && type->is_string() && type->text() == kDeclarativeEc2)
    declarative = Truth::true_;
  if (declarative == Truth::false_) return {};  // another policy type: not ours to judge

  const std::string& address = policy.address;
  PolicyVerdict v;
  const Value* content = native(policy, "Content", "content");
  if (content == nullptr) {
    v = decided(Truth::false_, {}, address + ": no content");
  } else if (const iam::DecodedDocument document = iam::decode_document(*content);
             document.unknown) {
    v = decided(Truth::unknown, content->span, address + ": its content is unknown");
  } else if (document.malformed) {
    v = decided(Truth::false_, {}, address + ": " + document.malformed_reason);
  } else {
    const std::vector<const Value*> hits = resolve_all(*document.get(), wanted.path);
    const Value* assigned = hits.empty() ? nullptr : hits.front();
    if (assigned == nullptr) {
      v = decided(Truth::false_, {}, address + ": " + wanted.setting + " is not assigned");
    } else if (has_unknown_part(*assigned)) {
      v = decided(Truth::unknown, assigned->span, address + ": " + wanted.setting + " is unknown");
    } else if (assigned->to_display_string() != wanted.value) {
      v = decided(Truth::false_, {},
                  address + ": " + wanted.setting + " = " + assigned->to_display_string());
    } else {
      Span why;
      const Truth is_attached = attached(policy, context, why);
      if (is_attached == Truth::true_)
        v = decided(Truth::true_, assigned->span, address);
      else if (is_attached == Truth::unknown)
        v = decided(Truth::unknown, why.valid() ? why : assigned->span,
                    address + ": whether it is attached is unknown");
      else
        v = decided(Truth::false_, {}, address + " is not attached to any root, OU or account");
    }
  }
  // A policy of unknown type qualifies only if it turns out declarative; it is nobody's near
  // miss before that.
  if (declarative == Truth::unknown) {
    if (v.truth == Truth::true_) {
      v.truth = Truth::unknown;
      v.span = type->span;
      v.detail = address + ": its policy type is unknown";
    }
    if (v.truth == Truth::false_) v.near_miss = false;
  }
  return v;
}

Outcome outcome_of(const PolicyVerdict& v, const Wanted& wanted) {
  if (v.truth == Truth::true_) return found(wanted.setting, v.span, v.detail);
  if (v.truth == Truth::unknown) return undecided(wanted.setting, v.span, v.detail);
  Outcome o;
  o.attribute = wanted.setting;
  o.detail = v.detail;
  return o;
}

// Every Organizations policy of the scan; the first that qualifies decides. All of them are
// judged when the caller collects evidence, as `present` tests do.
Outcome over_scanned_set(const EvalContext& context, const Wanted& wanted) {
  PresenceEvidence* evidence = context.evidence;
  std::optional<PolicyVerdict> met;
  std::optional<PolicyVerdict> first_unknown;
  std::optional<PolicyVerdict> first_miss;
  const std::vector<Resource>& resources = context.graph->resources;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    if (r.folded || !is_organizations_policy(r)) continue;
    EvalContext around(&r, context.graph, i);
    around.options = context.options;
    PolicyVerdict v = judge_policy(r, &around, wanted);
    if (v.truth == Truth::true_) {
      if (!met) met = v;
      if (evidence == nullptr) break;
      evidence->met.push_back(i);
      continue;
    }
    if (!v.near_miss) continue;
    if (evidence != nullptr) evidence->near_miss.push_back(i);
    if (v.truth == Truth::unknown && !first_unknown)
      first_unknown = std::move(v);
    else if (v.truth == Truth::false_ && !first_miss)
      first_miss = std::move(v);
  }
  if (met) return outcome_of(*met, wanted);
  if (first_unknown) return outcome_of(*first_unknown, wanted);
  if (first_miss) return outcome_of(*first_miss, wanted);
  return outcome_of(PolicyVerdict{}, wanted);
}

}  // namespace

Outcome ec2_declarative_policy_assigns(const PredicateInput& input) {
  const Wanted wanted = wanted_from(input.arguments);
  if (input.resource.native_type == kScannedSetType) {
    if (input.context == nullptr || input.context->graph == nullptr)
      return undecided(wanted.setting, {}, "the scanned set is not available");
    return over_scanned_set(*input.context, wanted);
  }
  if (!is_organizations_policy(input.resource)) return Outcome{};
  return outcome_of(judge_policy(input.resource, input.context, wanted), wanted);
}

std::string ec2_declarative_policy_assigns_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "setting" && e.key != "value") return "unknown argument \"" + e.key + "\"";
    if (e.key == "setting" && (!e.value.is_string() || split_path(e.value.text()).empty()))
      return "setting must be a dotted path under ec2_attributes";
    if (e.key == "value" && !e.value.is_string() && !e.value.is_number() && !e.value.is_bool())
      return "value must be a string, number or boolean";
  }
  if (!arguments.find("setting")) return "needs setting: a dotted path under ec2_attributes";
  if (!arguments.find("value")) return "needs value: the value the setting must be assigned";
  return "";
}

}  // namespace iacscan::detail::predicates
