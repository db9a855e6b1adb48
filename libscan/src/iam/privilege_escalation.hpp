// Privilege-escalation paths an identity policy grants: sets of actions that together let
// the holder gain permissions it was not given (attach a policy to itself, pass a powerful
// role to a service it controls, run code where a powerful role lives). The paths are data
// (escalation_paths.cpp), each citing where it was published.
//
// A path is granted when every action in it is:
//  - allowed by an Allow statement, through any pattern (a wildcard, NotAction), whose
//    Resource could reach the resource the attacker needs: "*" or a wildcard ARN that could
//    name a resource of one of the action's resource types, judged against the ARN formats
//    of the IAM data (resource_scope.hpp): "arn:aws:iam::*:role/*" reaches iam:PassRole's
//    roles but not iam:AddUserToGroup's groups. A specific ARN is not counted (we cannot know
//    whether that resource is worth escalating through). An action that takes no resource ARN
//    is reached only by a Resource matching "*". For the paths that work only on another
//    principal (iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateLoginProfile: a key or
//    password of one's own user gives nothing new), a Resource scoped to the caller through
//    ${aws:username} or ${aws:userid} ("arn:aws:iam::*:user/${aws:username}", AWS's "manage
//    your own credentials" policy) does not reach; iam:AttachUserPolicy and
//    iam:PutUserPolicy on oneself still escalate and still count. Allow
//    statements with a Condition that can fail do not count, as in admin_access.hpp: a
//    condition's effect is a question about requests, not about the policy;
//  - not explicitly denied by a Deny statement of the same policy whose Resource covers
//    every such resource ("*"; a wildcard ARN of the service may or may not: Unknown) and
//    that has no Condition that can fail (a conditional Deny leaves the requests it does not
//    match allowed). Only statements whose Effect is known to be Deny can deny: an unknown
//    statement does not cancel a known grant.
// Unknown parts give Unknown steps; a path is the Kleene AND of its steps.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "iam/action_catalog.hpp"
#include "iam/analysis_hit.hpp"
#include "iam/policy.hpp"
#include "iam/resource_scope.hpp"

namespace iacscan::detail::iam {

inline constexpr std::size_t kMaxPathActions = 4;

struct EscalationPath {
  std::string_view id;  // stable, kebab-case: "iam-create-policy-version"
  std::array<std::string_view, kMaxPathActions> actions;  // unused entries are empty
  std::string_view description;
  std::string_view reference;  // URL of the publication that describes it

  std::size_t action_count() const {
    std::size_t n = 0;
    while (n < actions.size() && !actions[n].empty()) ++n;
    return n;
  }
};

// Every path, sorted by id.
std::span<const EscalationPath> escalation_paths();

struct EscalationStep {
  std::string_view action;
  Truth truth = Truth::false_;
  std::vector<AnalysisHit> grants;   // Allow statements granting it (True or Unknown)
  std::vector<AnalysisHit> denials;  // Deny statements denying it (True or Unknown)
};

struct EscalationHit {
  const EscalationPath* path = nullptr;
  Truth truth = Truth::false_;        // true_ or unknown
  std::vector<EscalationStep> steps;  // in the path's order
  // Where a finding points: the first statement that grants a step definitely (else the
  // first that may), or the policy.
  std::size_t statement_index = kWholePolicy;
  Span span;
};

// Resolves the path table against a catalog once, so analysing a policy expands each
// statement's patterns once and then only tests set membership.
class EscalationAnalyzer {
 public:
  explicit EscalationAnalyzer(const ActionCatalog& catalog);

  // Paths whose every step is granted (True) or may be (Unknown).
  std::vector<EscalationHit> analyze(const Policy& policy) const;

 private:
  struct ResolvedAction {
    std::string_view spec;  // as the path table writes it: "ssm:SendCommand/instance"
    std::string_view name;
    std::optional<ActionId> id;  // nullopt: the catalog does not know it (never granted)
    ResourceTarget target;
  };
  std::size_t resolve(std::string_view action);

  const ActionCatalog& catalog_;
  std::vector<ResolvedAction> actions_;
  // Per path, indexes into actions_.
  std::vector<std::array<std::size_t, kMaxPathActions>> path_actions_;
};

}  // namespace iacscan::detail::iam
