// Whole-set tests for account rules: `{present: {kind: k, where: c}}` is true when the scanned
// set holds a resource of kind k (anywhere: any template, module or policy folder) that
// satisfies c, unknown when none does but one might (c is unknown for it), false otherwise.
#pragma once

#include "engine/condition.hpp"

namespace iacscan::detail {

// Records what it looked at in context.evidence when there is one.
Outcome evaluate_present(const Condition& condition, const EvalContext& context);

}  // namespace iacscan::detail
