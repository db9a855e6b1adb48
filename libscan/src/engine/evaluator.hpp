// Runs resource-scope rules over the graph, in parallel, and returns raw findings in a
// deterministic order (resource order, then rule order).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/policy_set.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail {

struct RawFinding {
  std::size_t rule = 0;      // index into PolicySet::rules
  std::size_t resource = 0;  // index into ResourceGraph::resources
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
};

struct Evaluation {
  std::vector<RawFinding> findings;
  std::vector<double> rule_seconds;  // per PolicySet::rules index, summed over threads; empty
                                     // unless profiling
};

Evaluation evaluate_rules(const PolicySet& policies, const ResourceGraph& graph,
                          const EvaluationOptions& options);

}  // namespace iacscan::detail
