// Presence tests read the whole graph, not one scope: a landing zone spreads its baseline over
// stacks, modules and policy folders, and any of them may hold the control.
#include "engine/presence.hpp"

#include <optional>

#include "graph/resource_graph.hpp"

namespace iacscan::detail {

Outcome evaluate_present(const Condition& c, const EvalContext& context) {
  Outcome result;
  if (!context.graph) {
    result.truth = Truth::unknown;
    return result;
  }
  const RelatedSpec& spec = *c.related;
  std::optional<Outcome> first_unknown;
  std::string near_miss;  // "aws_cloudtrail.main: is_multi_region_trail = false"
  Span near_miss_value;   // where the first near miss falls short, when a value says so
  bool found = false;
  for (std::size_t i = 0; i < context.graph->resources.size(); ++i) {
    const Resource& r = context.graph->resources[i];
    // A folded split resource is judged through the resource it configures.
    if (r.folded || (r.kind != spec.kind && r.native_type != spec.kind)) continue;
    Truth holds = Truth::true_;
    if (spec.has_where) {
      EvalContext around(&r, context.graph, i);
      around.options = context.options;
      const Value& view = r.native_type == spec.kind ? r.attributes : r.canonical;
      Outcome inner = evaluate(c.children.front(), view, around);
      holds = inner.truth;
      if (holds == Truth::false_ && near_miss.empty()) {
        near_miss = r.address;
        if (inner.witness && !inner.attribute.empty()) {
          near_miss += ": " + inner.attribute + " = " + inner.witness->to_display_string();
          near_miss_value = inner.witness->span;
        } else if (!inner.detail.empty())
          near_miss += ": " + inner.detail;
        else
          near_miss += " does not qualify";
      }
      if (holds == Truth::unknown && !first_unknown) {
        inner.detail = inner.detail.empty() ? r.address : r.address + ": " + inner.detail;
        first_unknown = std::move(inner);
      }
    }
    if (holds == Truth::true_) {
      found = true;
      if (!context.evidence) break;
      context.evidence->met.push_back(i);
    } else if (context.evidence) {
      context.evidence->near_miss.push_back(i);
    }
  }
  if (found) {
    result.truth = Truth::true_;
    result.attribute = "present " + spec.kind;
    return result;
  }
  if (first_unknown) return std::move(*first_unknown);
  result.truth = Truth::false_;
  result.attribute = "present " + spec.kind;
  result.detail = std::move(near_miss);
  result.span = near_miss_value;
  return result;
}

}  // namespace iacscan::detail
