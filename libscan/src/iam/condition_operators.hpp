// IAM condition operators, evaluated three-valued against a request's context
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
//
// A Condition block holds when every clause holds (AND across operators and keys); a clause
// holds when the request value matches any of the policy's values (OR across values) for a
// positive operator, and none of them for a negated one (StringNotEquals, StringNotLike,
// StringNotEqualsIgnoreCase, NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals,
// ArnNotLike).
//
// A key absent from the request: false, except for ...IfExists, negated operators and
// ForAllValues (true) and Null (which tests exactly that). A key with several request values
// (or a set-valued key) needs ForAllValues / ForAnyValue: without one the clause is false,
// negated or not. ForAnyValue holds when some request value satisfies the base operator,
// ForAllValues when every one does (and for an absent key or an empty set).
//
// Unknown: a key the scan was not told, a policy value or operator map that is unknown, a
// value IAM would refuse (a number operator given "abc", an operator IAM does not have): the
// clause is unknown, and so is the block unless another clause is false.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/truth.hpp"
#include "iam/policy.hpp"
#include "iam/request_context.hpp"

namespace iacscan::detail::iam {

enum class OperatorFamily : std::uint8_t {
  string,
  numeric,
  date,
  boolean,
  binary,
  ip_address,
  arn,
  null
};

enum class Comparison : std::uint8_t {
  equals,
  equals_ignore_case,
  like,
  less,
  less_equal,
  greater,
  greater_equal,
  present,  // Null
};

struct OperatorSpec {
  OperatorFamily family = OperatorFamily::string;
  Comparison comparison = Comparison::equals;
  bool negated = false;
};

// The base operator ("StringNotLike", no ForAllValues: or IfExists), case-insensitive;
// nullopt for an operator IAM does not have.
std::optional<OperatorSpec> find_condition_operator(std::string_view base);

Truth evaluate_condition_clause(const ConditionClause& clause, const ContextLookup& context,
                                const EvalOptions& options, EvalTrace& trace);

// A missing block holds.
Truth evaluate_condition_block(const ConditionBlock& block, const ContextLookup& context,
                               const EvalOptions& options, EvalTrace& trace);

}  // namespace iacscan::detail::iam
