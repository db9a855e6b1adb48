// Runs the rules judged per resource over the graph, in parallel, and returns raw findings in
// a deterministic order (resource order, then rule order). Rules judged over the whole set are
// account_evaluator.hpp's.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/policy_set.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail {

inline constexpr std::size_t kWholeSet = static_cast<std::size_t>(-1);

struct RawFinding {
  std::size_t rule = 0;      // index into PolicySet::rules
  std::size_t resource = 0;  // index into ResourceGraph::resources; kWholeSet for an account
                             // rule's finding about the scanned set as a whole
  Span span;                 // the deciding value, or the resource's name
  std::string attribute;     // canonical attribute path that decided
  std::string message;
  std::shared_ptr<const Provenance> origin;  // where the deciding value came from
  // The rule could not decide because a decisive value is unknown (reported only on request):
  // `message` then says which value and why.
  bool review = false;
};

struct EvaluationOptions {
  unsigned jobs = 0;
  bool report_unknowns = false;  // undecided rules become review findings
  bool profile = false;          // measure the time spent per rule
  // Organization facts and limits; rules whose `requires-config` facts it lacks do not run.
  const ScanOptions* scan = nullptr;
};

// Why an undecided rule could not decide, for review findings: the unknown value's own reason
// ("variable \"acl\" has no value") where there is one.
std::string unknown_reason(const Outcome& outcome);

// Whether a rule's configuration needs are met (always, for rules that need nothing).
bool has_required_configuration(const Rule& rule, const ScanOptions* scan);

// Whether a scan with these options runs the rule at all: its configuration needs are met and,
// for a rule judged over the whole set, account rules are on.
bool rule_runs(const Rule& rule, const ScanOptions* scan);

struct Evaluation {
  std::vector<RawFinding> findings;
  std::vector<double> rule_seconds;  // per PolicySet::rules index, summed over threads; empty
                                     // unless profiling
};

Evaluation evaluate_rules(const PolicySet& policies, const ResourceGraph& graph,
                          const EvaluationOptions& options);

}  // namespace iacscan::detail
