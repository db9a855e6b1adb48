// Graph tests: `{related: {kind, direction, via, match, where}}` asks whether a resource of a
// kind is linked to the judged one by reference (a flow log that targets this VPC, an Elastic
// IP attached to this instance). See docs/writing-policies.md.
#pragma once

#include "engine/condition.hpp"

namespace iacscan::detail {

// True when a linked resource exists (and satisfies `where`); unknown when one might be
// linked through a value nobody can know yet, or `where` is unknown for a linked one.
Outcome evaluate_related(const Condition& condition, const Value& subject,
                         const EvalContext& context);

}  // namespace iacscan::detail
