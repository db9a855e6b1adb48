// Decides an AWS request against policies, three-valued: allowed, denied, or unknown when the
// answer depends on something the scan does not know (a Terraform value known only after
// apply, a context key the caller did not give).
//
// Statement matching (IAM's rules):
// - Action / NotAction: IAM wildcards (`*`, `?`) anywhere in the pattern, case-insensitive.
// - Resource / NotResource: ARNs part by part (arn_match.hpp), case-sensitive, with policy
//   variables substituted. A request for resource "*" under ResourceScope::every asks about
//   every resource at once: a Deny applies only when it covers all resources, an Allow when
//   it covers at least one.
// - Condition: condition_operators.hpp.
// - Principal / NotPrincipal are not part of identity or SCP evaluation and are ignored here
//   (the validator reports them where they do not belong).
//
// Unknown: an unknown element makes the answer unknown exactly where it could change it: an
// unknown Effect counts both as a possible Allow and a possible Deny; an unknown Statement
// list, an unknown or malformed policy as both; a statement IAM would refuse (no Action, both
// Action and NotAction, an operator IAM does not have) matches "unknown".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/policy.hpp"
#include "value/value.hpp"

namespace iacscan::detail::iam {

enum class ResourceScope : std::uint8_t {
  exact,  // `resource` is one resource, compared literally ("*" for wildcard-only actions)
  every,  // "is this true for every resource?"; `resource` is ignored
};

struct Request {
  std::string action;  // "s3:GetObject"
  std::string resource = "*";
  ResourceScope resource_scope = ResourceScope::exact;
  // aws:PrincipalArn and aws:RequestedRegion, when the context does not give them; empty:
  // unknown (absent when context_complete).
  std::string principal_arn;
  std::string region;
  // Lowercased condition keys ("aws:principaltag/team") and their values. A key in
  // `multivalued_keys`, or with other than one value, is a set: only ForAllValues /
  // ForAnyValue clauses match it.
  std::map<std::string, std::vector<std::string>> context;
  std::set<std::string> multivalued_keys;
  // True: a key not given is absent from the request (IAM semantics). False: its value is
  // unknown, and so is every clause that depends on it.
  bool context_complete = false;

  // Stores a key lowercased.
  void set(std::string_view key, std::vector<std::string> values, bool multivalued = false);
};

enum class Verdict : std::uint8_t { allowed, denied, unknown };
std::string_view verdict_name(Verdict verdict);  // "allowed", "denied", "unknown"

// A statement by position. `statement` is kNoStatement for what stands for a whole policy (an
// unknown or malformed document, or the unknown rest of a Statement list).
inline constexpr std::size_t kNoStatement = static_cast<std::size_t>(-1);
struct StatementRef {
  std::size_t level = 0;   // SCPs: index into the levels; identity: 0
  std::size_t policy = 0;  // index into the level's (or the identity) policies
  std::size_t statement = kNoStatement;
  Span span;
  friend bool operator==(const StatementRef&, const StatementRef&) = default;
};

struct Decision {
  Verdict verdict = Verdict::unknown;
  // Denied because a Deny statement matched (rather than because nothing allowed).
  bool explicit_deny = false;
  // What decided it: denied explicitly, the matching Deny statements; allowed, the matching
  // Allow statements; unknown, the statements whose match is unknown and could change the
  // answer. Empty for an implicit deny.
  std::vector<StatementRef> decisive;
  // Unknown only: the context keys (lowercased) the decisive statements depend on.
  std::vector<std::string> unknown_keys;
};

// Identity evaluation: an explicit Deny wins, then any Allow, else implicit deny.
Decision evaluate_identity(const Request& request, const std::vector<const Policy*>& policies);

// The SCPs attached at one node of the path root -> OUs -> account.
struct ScpLevel {
  std::string name;                     // for messages: "Root", an OU id, "account"
  std::vector<const Policy*> policies;  // not owned; must outlive the evaluation
};

struct ScpDecision : Decision {
  // Denied implicitly: the first level with no Allow statement for the request.
  std::optional<std::size_t> level_without_allow;
};

// SCPs permit a request iff no statement at any level denies it and every level has at least
// one Allow statement that matches it. No levels: nothing restricts the request (allowed). A
// level without policies allows nothing.
ScpDecision evaluate_scps(const Request& request, const std::vector<ScpLevel>& levels);

}  // namespace iacscan::detail::iam
