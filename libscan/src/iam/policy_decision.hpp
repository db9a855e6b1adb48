// The decisions of request_evaluator.hpp over any view of the request context: the public
// functions use the request's own context, the guardrail query its probe principal.
#pragma once

#include <vector>

#include "iam/request_context.hpp"
#include "iam/request_evaluator.hpp"
#include "iam/statement_match.hpp"

namespace iacscan::detail::iam {

Decision decide_identity(const RequestTarget& target, const std::vector<const Policy*>& policies,
                         const ContextLookup& context);

ScpDecision decide_scps(const RequestTarget& target, const std::vector<ScpLevel>& levels,
                        const ContextLookup& context, const ClauseOverride* clause_override);

}  // namespace iacscan::detail::iam
