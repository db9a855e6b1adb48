// A missing control has no line of its own: the finding points at the nearest miss (the trail
// that exists but is single-region, the SCP that denies too little) when there is one, else at
// the scanned set as a whole (no position; reports show the scanned path).
#include "engine/account_evaluator.hpp"

#include <algorithm>

#include "graph/resource_graph.hpp"

namespace iacscan::detail {
namespace {

Resource scanned_set_resource() {
  Resource r;
  r.native_type = kScannedSetType;
  r.address = "the scanned set";
  return r;
}

void sort_unique(std::vector<std::size_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

RawFinding finding_for(const Rule& rule, std::size_t rule_index, const AccountVerdict& verdict,
                       const ResourceGraph& graph) {
  RawFinding f;
  f.rule = rule_index;
  f.resource = kWholeSet;
  const Outcome& o = verdict.outcome;
  std::string where = "the scanned set";
  if (o.span.valid()) {
    f.span = o.span;  // a built-in predicate's own pointer (an SCP statement, a target)
  } else if (o.witness && o.witness->span.valid()) {
    f.span = o.witness->span;
    f.origin = o.witness->origin;
  } else if (!verdict.evidence.near_miss.empty()) {
    const Resource& near = graph.resources[verdict.evidence.near_miss.front()];
    f.span = near.name_span.valid() ? near.name_span : near.span;
    where = near.address;
  }
  f.attribute = o.attribute;
  if (verdict.holds == Truth::unknown) {
    f.review = true;
    f.message = "Could not decide \"" + rule.info.title + "\": " + unknown_reason(o);
    return f;
  }
  const std::string value = o.detail.empty() ? std::string("not defined") : o.detail;
  f.message = render_message(rule.info.message, where, kScannedSetType, value, o.attribute);
  return f;
}

}  // namespace

AccountEvaluation evaluate_account_rules(const PolicySet& policies, const ResourceGraph& graph,
                                         const EvaluationOptions& options) {
  AccountEvaluation result;
  const Resource whole = scanned_set_resource();
  for (std::size_t i = 0; i < policies.rules.size(); ++i) {
    const Rule& rule = policies.rules[i];
    if (!rule.info.judges_whole_set) continue;
    AccountVerdict verdict;
    verdict.rule = i;
    if (rule_runs(rule, options.scan)) {
      verdict.ran = true;
      EvalContext context(&whole, &graph, kWholeSet);
      context.options = options.scan;
      context.evidence = &verdict.evidence;
      verdict.outcome = evaluate(rule.condition, whole.canonical, context);
      verdict.holds = verdict.outcome.truth;
      sort_unique(verdict.evidence.met);
      sort_unique(verdict.evidence.near_miss);
      if (verdict.holds == Truth::false_ ||
          (verdict.holds == Truth::unknown && options.report_unknowns))
        result.findings.push_back(finding_for(rule, i, verdict, graph));
    }
    result.verdicts.push_back(std::move(verdict));
  }
  return result;
}

}  // namespace iacscan::detail
