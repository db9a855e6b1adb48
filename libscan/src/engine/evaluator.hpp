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
};

std::vector<RawFinding> evaluate_rules(const PolicySet& policies, const ResourceGraph& graph,
                                       unsigned jobs);

}  // namespace iacscan::detail
