// Three-valued questions about a statement that every analysis asks: is it an Allow (or a
// Deny), and can its Condition stop a request. Plus the hits an analysis owes for the parts of
// a policy it could not read at all.
#pragma once

#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/analysis_hit.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

// Unknown when the statement or its Effect is unknown; False for a malformed statement.
Truth effect_is(const Statement& statement, Effect effect);

// A clause no request can fail: a *Like operator with a value that is only stars.
bool clause_restricts_nothing(const ConditionClause& clause);

// Whether a Condition block may stop some request. Analyses do not judge how much a
// condition narrows access (whether a caller can meet aws:MultiFactorAuthPresent is a
// question about requests, not about the policy), so any clause that can fail counts;
// False without a Condition (or with one that restricts nothing); Unknown when the block
// or a clause's values are unknown and no known clause restricts.
Truth condition_restricts(const ConditionBlock& condition);

// One Unknown hit for an unknown document or Statement element (more statements may exist),
// with `what` saying which question it leaves open.
void add_policy_unknowns(const Policy& policy, std::string_view what,
                         std::vector<AnalysisHit>& hits);

// A hit at a statement.
AnalysisHit statement_hit(const Statement& statement, Span element, std::string detail,
                          Truth truth);

}  // namespace iacscan::detail::iam
