// Points plan resources at their .tf sources. A plan's values are what Terraform will
// deploy, but a finding is only useful where the user can change something: the .tf line.
// When the sources are scanned too, plan resources keep their values and take the sources'
// positions; otherwise they keep the plan file's.
#pragma once

#include <vector>

#include "graph/resource.hpp"

namespace iacscan::detail::tf {

// `source_resources`: resources loaded from the .tf files of the plan's root module, with
// absolute, module-prefixed addresses like the plan's (`module.vpc.aws_vpc.this["a"]`, or
// without instance keys when not expanded). A plan resource matches the source with the same
// address, else the one whose address is the plan address without instance keys, else the
// first one whose address without instance keys is the same. For a matched resource:
// span and name_span become the source's; every value (through maps by key, and lists by
// content since Terraform keeps sets in its own order) takes the span of its counterpart in the
// source; values inside an opaque source expression (a reference, a function call) take the
// expression's span; values the source does not set (defaults, computed attributes) take the
// source's name_span (inside a nested block the source writes, that block's span). Values, refs and
// scope stay the plan's; skips come from the source when the plan resource has none. Invalid source
// spans are never copied, so nothing ends up at line 0. Unmatched plan resources are left alone.
void map_plan_to_sources(std::vector<Resource>& plan_resources,
                         const std::vector<const Resource*>& source_resources);

}  // namespace iacscan::detail::tf
