// The guardrail query: "do these SCPs deny this action to every principal, except the
// principals their Deny statements name as exceptions?", e.g. "is leaving the organization
// denied, except to the OrgAdmin role?". The exceptions come back with the answer so that a
// rule can judge them: one that excepts `*`, arn:aws:iam::*:role/*, *Admin*, or is keyed on
// aws:userid / aws:username / aws:SourceIp is no guardrail at all.
//
// How it is answered: the SCPs are evaluated for a probe request from an ordinary principal,
// the role kProbePrincipalArn calling directly (not through an AWS service), for the action
// on every resource (resource "*", see ResourceScope::every) or on the resource given.
//
// - Exception clauses: in a Deny statement, a negated operator (StringNotLike, ArnNotLike,
//   StringNotEquals..., NotIpAddress) without ForAnyValue/ForAllValues, on a key that names who
//   or where the caller is (aws:PrincipalArn, aws:PrincipalAccount, aws:userid, aws:username,
//   aws:PrincipalTag/..., aws:PrincipalType, aws:SourceIdentity, aws:SourceIp, aws:SourceVpc,
//   aws:SourceVpce, aws:VpcSourceIp) or whether a service calls (aws:ViaAWSService,
//   aws:PrincipalIsAWSService, aws:CalledVia..., aws:PrincipalServiceName...), holds for the
//   probe: by definition the probe is none of the excepted principals. Every clause on such a
//   key in a denying statement is reported in `exceptions`, whatever its operator.
// - The probe's own context: aws:PrincipalArn is kProbePrincipalArn, aws:PrincipalAccount its
//   account, aws:ViaAWSService and aws:PrincipalIsAWSService are false, aws:CalledVia...,
//   aws:PrincipalServiceName... and aws:PrincipalTag/... are absent, and aws:userid,
//   aws:username, aws:PrincipalType, aws:SourceIdentity and the network keys have a value that
//   is none of the specific values a policy names (it matches only `*` patterns and /0
//   ranges). So `Bool aws:ViaAWSService false` holds for the probe (and is reported as a
//   service exception), and `StringEquals aws:PrincipalTag/team: x` in a Deny does not (that
//   Deny targets some principals only).
// - Every other key (aws:RequestedRegion unless the query gives a region, aws:ResourceTag/...,
//   a service's keys) is unknown unless the query's context gives it: a Deny conditioned on
//   it is "maybe", and unknown_keys says which keys the answer depends on.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/request_evaluator.hpp"

namespace iacscan::detail::iam {

inline constexpr std::string_view kProbePrincipalArn =
    "arn:aws:iam::111122223333:role/iacscan-probe";

struct GuardrailQuery {
  std::string action;
  std::string resource = "*";  // "*": every resource
  std::string region;          // empty: any region
  // Further context keys the guardrail fixes (lowercased keys); they override the probe's.
  std::map<std::string, std::vector<std::string>> context;
};

enum class ExceptionKind : std::uint8_t {
  principal,  // who the caller is
  network,    // where the call comes from
  service,    // whether an AWS service makes the call
};
std::string_view exception_kind_name(ExceptionKind kind);  // "principal", "network", "service"

// One condition clause on a denying statement that exempts some callers.
struct GuardrailException {
  ExceptionKind kind = ExceptionKind::principal;
  StatementRef statement;
  std::string op;  // as written: "ArnNotLike", "StringNotEqualsIfExists"
  Span op_span;
  std::string key;  // as written: "aws:PrincipalARN"
  Span key_span;
  std::vector<std::string> values;  // the known values as written
  std::vector<Span> value_spans;
  bool values_unknown = false;  // the list or some value is unknown
};

struct GuardrailResult {
  Truth denied = Truth::unknown;
  bool explicit_deny = false;
  // true: the Deny statements that deny the probe; unknown: the statements that may decide it.
  std::vector<StatementRef> denying_statements;
  // Denied because this level has no Allow statement for the action (an allow list).
  std::optional<std::size_t> level_without_allow;
  std::vector<GuardrailException> exceptions;
  std::vector<std::string> unknown_keys;
};

GuardrailResult is_denied_except(const std::vector<ScpLevel>& levels, std::string_view action,
                                 std::string_view resource = "*");
GuardrailResult is_denied_except(const std::vector<ScpLevel>& levels, const GuardrailQuery& query);

}  // namespace iacscan::detail::iam
