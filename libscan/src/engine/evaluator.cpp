// Rule evaluation: each resource is judged by the rules that visit its kind (or, when a rule
// names one, its native type). Folded split resources are judged through their owner.
// Resources are judged in parallel; each writes its own slot, so the order never depends on
// scheduling.
#include "engine/evaluator.hpp"

#include <atomic>
#include <chrono>
#include <unordered_map>

#include "core/thread_pool.hpp"
#include "engine/configuration_facts.hpp"
#include "iam/embedded_policies.hpp"

namespace iacscan::detail {
namespace {

using RuleIndex = std::unordered_map<std::string, std::vector<std::size_t>>;

RuleIndex index_rules(const PolicySet& policies, const ScanOptions* scan) {
  RuleIndex index;
  for (std::size_t i = 0; i < policies.rules.size(); ++i) {
    const Rule& rule = policies.rules[i];
    if (rule.info.judges_whole_set || !rule_runs(rule, scan)) continue;
    for (const std::string& kind : rule.info.kinds) index[kind].push_back(i);
  }
  return index;
}

class Judge {
 public:
  Judge(const PolicySet& policies, const ResourceGraph& graph, const EvaluationOptions& options)
      : policies_(policies),
        graph_(graph),
        options_(options),
        index_(index_rules(policies, options.scan)),
        nanoseconds_(options.profile ? policies.rules.size() : 0) {}

  // Every rule that applies to resource `i`.
  void resource(std::size_t i, std::vector<RawFinding>& out) {
    const Resource& r = graph_.resources[i];
    for_selector(kAllResourcesSelector, i, true, out);
    if (iam::may_hold_policies(r.native_type)) for_selector(kPolicyDocumentsSelector, i, true, out);
    if (r.folded) return;
    if (!r.kind.empty()) for_selector(r.kind, i, false, out);
    for_selector(r.native_type, i, true, out);
  }

  std::vector<double> rule_seconds() const {
    std::vector<double> out;
    for (const auto& ns : nanoseconds_) out.push_back(static_cast<double>(ns.load()) * 1e-9);
    return out;
  }

 private:
  void for_selector(std::string_view selector, std::size_t i, bool native,
                    std::vector<RawFinding>& out) {
    auto it = index_.find(std::string(selector));
    if (it == index_.end()) return;
    for (std::size_t rule : it->second) {
      if (!options_.profile) {
        judge(rule, i, native, out);
        continue;
      }
      const auto start = std::chrono::steady_clock::now();
      judge(rule, i, native, out);
      const auto spent = std::chrono::steady_clock::now() - start;
      nanoseconds_[rule].fetch_add(
          static_cast<std::uint64_t>(
              std::chrono::duration_cast<std::chrono::nanoseconds>(spent).count()),
          std::memory_order_relaxed);
    }
  }

  void judge(std::size_t rule_index, std::size_t resource_index, bool native,
             std::vector<RawFinding>& out) const {
    const Rule& rule = policies_.rules[rule_index];
    const Resource& r = graph_.resources[resource_index];
    const Value& subject = native ? r.attributes : r.canonical;
    EvalContext context(&r, &graph_, resource_index);
    context.options = options_.scan;
    Outcome outcome = evaluate(rule.condition, subject, context);
    if (outcome.truth == Truth::false_) return;
    if (outcome.truth == Truth::unknown && !options_.report_unknowns) return;
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
    if (w) f.origin = w->origin;
    if (outcome.truth == Truth::unknown) {
      f.review = true;
      f.message = "Could not decide \"" + rule.info.title + "\" for \"" + r.address +
                  "\": " + unknown_reason(outcome);
    } else {
      // A predicate's explanation says more than an unknown part of the value it judged
      // (an ARN built from a template is "(unknown)" as a whole).
      const bool prefer_detail = !outcome.detail.empty() && (!w || w->is_unknown());
      const std::string value = prefer_detail ? outcome.detail
                                : w           ? w->to_display_string()
                                              : std::string("not set");
      f.message =
          render_message(rule.info.message, r.address, r.native_type, value, outcome.attribute);
    }
    f.attribute = std::move(outcome.attribute);
    out.push_back(std::move(f));
  }

  const PolicySet& policies_;
  const ResourceGraph& graph_;
  const EvaluationOptions& options_;
  const RuleIndex index_;
  std::vector<std::atomic<std::uint64_t>> nanoseconds_;
};

}  // namespace

std::string unknown_reason(const Outcome& outcome) {
  std::string what =
      outcome.attribute.empty() ? std::string("a decisive value") : "\"" + outcome.attribute + "\"";
  const Value* w = outcome.witness;
  if (w && w->is_unknown() && !w->text().empty()) return what + " is unknown: " + w->text();
  if (!outcome.detail.empty() && outcome.detail != "unknown") return outcome.detail;
  return what + " is unknown";
}

bool has_required_configuration(const Rule& rule, const ScanOptions* scan) {
  for (const std::string& key : rule.info.requires_config) {
    if (!scan || !configuration_fact_is_set(*scan, key)) return false;
  }
  return true;
}

bool rule_runs(const Rule& rule, const ScanOptions* scan) {
  if (rule.info.judges_whole_set && !(scan && scan->account_rules)) return false;
  return has_required_configuration(rule, scan);
}

Evaluation evaluate_rules(const PolicySet& policies, const ResourceGraph& graph,
                          const EvaluationOptions& options) {
  Judge judge(policies, graph, options);
  std::vector<std::vector<RawFinding>> per_resource(graph.resources.size());
  parallel_for(graph.resources.size(), options.jobs,
               [&](std::size_t i) { judge.resource(i, per_resource[i]); });
  Evaluation result;
  for (auto& list : per_resource) {
    for (RawFinding& f : list) result.findings.push_back(std::move(f));
  }
  if (options.profile) result.rule_seconds = judge.rule_seconds();
  return result;
}

}  // namespace iacscan::detail
