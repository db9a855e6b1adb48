// Whether one policy statement applies to a request, three-valued, and what each statement of
// a policy contributes to a decision (a possible Deny, a possible Allow). Private to the
// request evaluator and the guardrail query.
#pragma once

#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/policy.hpp"
#include "iam/request_context.hpp"
#include "iam/request_evaluator.hpp"

namespace iacscan::detail::iam {

struct RequestTarget {
  std::string_view action;
  std::string_view resource;
  ResourceScope scope = ResourceScope::exact;
};

// Under ResourceScope::every a Deny must cover every resource and an Allow some resource, so
// the question depends on the role the statement plays.
enum class StatementRole : std::uint8_t { deny, allow };

Truth statement_matches(const Statement& statement, const RequestTarget& target, StatementRole role,
                        const ContextLookup& context, const EvalOptions& options, EvalTrace& trace);

// What one statement (or what stands for an unknown part of a policy) may do to the request.
struct Contribution {
  StatementRef ref;
  Truth denies = Truth::false_;
  Truth allows = Truth::false_;
  std::set<std::string> unknown_keys;
};

// Appends the contributions of every statement of `policy`.
void policy_contributions(const Policy& policy, StatementRef where, const RequestTarget& target,
                          const ContextLookup& context, const ClauseOverride* clause_override,
                          std::vector<Contribution>& out);

}  // namespace iacscan::detail::iam
