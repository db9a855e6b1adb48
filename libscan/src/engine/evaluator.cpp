// Rule evaluation: each resource is judged by the rules that visit its kind (or, when a rule
// names one, its native type). Folded split resources are judged through their owner.
#include "engine/evaluator.hpp"

#include <unordered_map>

#include "core/thread_pool.hpp"
#include "iam/embedded_policies.hpp"

namespace iacscan::detail {
namespace {

using RuleIndex = std::unordered_map<std::string, std::vector<std::size_t>>;

RuleIndex index_rules(const PolicySet& policies) {
  RuleIndex index;
  for (std::size_t i = 0; i < policies.rules.size(); ++i) {
    const Rule& rule = policies.rules[i];
    if (rule.info.scope != RuleScope::resource) continue;
    for (const std::string& kind : rule.kinds) index[kind].push_back(i);
  }
  return index;
}

void judge(const Rule& rule, std::size_t rule_index, const Resource& r, std::size_t resource_index,
           bool native, std::vector<RawFinding>& out) {
  const Value& subject = native ? r.attributes : r.canonical;
  Outcome outcome = evaluate(rule.condition, subject, &r);
  if (outcome.truth != Truth::true_) return;
  RawFinding f;
  f.rule = rule_index;
  f.resource = resource_index;
  const Value* w = outcome.witness;
  if (w && w->span.valid())
    f.span = w->span;
  else if (outcome.span.valid())
    f.span = outcome.span;  // a built-in predicate's statement
  else
    f.span = r.name_span.valid() ? r.name_span : r.span;
  f.attribute = std::move(outcome.attribute);
  if (w) f.origin = w->origin;
  const std::string value = w                         ? w->to_display_string()
                            : !outcome.detail.empty() ? outcome.detail
                                                      : std::string("not set");
  f.message = render_message(rule.message, r.address, r.native_type, value, f.attribute);
  out.push_back(std::move(f));
}

// Rules that visit `policy-documents` judge every resource that can hold a policy document
// (iam/embedded_policies.hpp), on its own native attributes, folded or not: a policy belongs
// to the resource that declares it.
void judge_policy_holders(const PolicySet& policies, const RuleIndex& index, const Resource& r,
                          std::size_t resource_index, std::vector<RawFinding>& out) {
  auto it = index.find(std::string(kPolicyDocumentsSelector));
  if (it == index.end() || !iam::may_hold_policies(r.native_type)) return;
  for (std::size_t rule : it->second)
    judge(policies.rules[rule], rule, r, resource_index, true, out);
}

}  // namespace

std::vector<RawFinding> evaluate_rules(const PolicySet& policies, const ResourceGraph& graph,
                                       unsigned jobs) {
  const RuleIndex index = index_rules(policies);
  std::vector<std::vector<RawFinding>> per_resource(graph.resources.size());
  parallel_for(graph.resources.size(), jobs, [&](std::size_t i) {
    const Resource& r = graph.resources[i];
    judge_policy_holders(policies, index, r, i, per_resource[i]);
    if (r.folded) return;
    if (!r.kind.empty()) {
      if (auto it = index.find(r.kind); it != index.end()) {
        for (std::size_t rule : it->second)
          judge(policies.rules[rule], rule, r, i, false, per_resource[i]);
      }
    }
    if (auto it = index.find(r.native_type); it != index.end()) {
      for (std::size_t rule : it->second)
        judge(policies.rules[rule], rule, r, i, true, per_resource[i]);
    }
  });
  std::vector<RawFinding> all;
  for (auto& list : per_resource) {
    for (RawFinding& f : list) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace iacscan::detail
