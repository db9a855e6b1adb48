// The actions a statement (or a policy's Allow or Deny statements) applies to, after IAM's
// wildcards and NotAction, as sets over the action catalog. Unknown parts give two sets: the
// actions certainly matched, and those matched if every unknown part turns out as wide as it
// can be (an unknown part inside a pattern read as "*", see unknown_pattern.hpp).
//
// Resources and conditions are not considered here: these are the actions the statements
// name. Analyses that care about resources (admin_access, privilege_escalation) ask
// resource_scope.hpp as well.
#pragma once

#include <optional>
#include <vector>

#include "engine/truth.hpp"
#include "iam/action_catalog.hpp"
#include "iam/action_set.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

struct ActionCoverage {
  ActionSet actions;   // certainly matched
  ActionSet possible;  // matched if unknown parts are as wide as they can be; ⊇ actions
  // Known patterns that match no action the catalog knows (a typo, a retired action, an
  // unknown service, a name without ':'), with their spans.
  std::vector<Element> unmatched;

  bool could_be_more() const { return possible != actions; }
};

// True when the coverage certainly names `action`, Unknown when it may; False otherwise and
// for an action the catalog does not know (nullopt).
Truth names_action(const ActionCoverage& coverage, std::optional<ActionId> action);

// What one statement's Action, or the complement of its NotAction, matches, whatever its
// Effect. A statement with neither (malformed) matches nothing; an unknown statement may
// match anything.
ActionCoverage statement_actions(const Statement& statement, const ActionCatalog& catalog);

// The union over the statements whose Effect is `effect` (Allow by default); a statement
// whose Effect is unknown, or an unknown Statement element, adds to `possible` only.
ActionCoverage policy_actions(const Policy& policy, const ActionCatalog& catalog,
                              Effect effect = Effect::allow);

}  // namespace iacscan::detail::iam
