#include "iam/condition_operators.hpp"

#include <array>
#include <string>
#include <utility>

#include "iam/arn_match.hpp"
#include "iam/ascii_case.hpp"
#include "iam/condition_values.hpp"
#include "iam/iam_pattern.hpp"
#include "iam/policy_variables.hpp"

namespace iacscan::detail::iam {
namespace {

using Family = OperatorFamily;

struct NamedOperator {
  std::string_view name;
  OperatorSpec spec;
};

constexpr std::array<NamedOperator, 27> kOperators = {{
    {"StringEquals", {Family::string, Comparison::equals, false}},
    {"StringNotEquals", {Family::string, Comparison::equals, true}},
    {"StringEqualsIgnoreCase", {Family::string, Comparison::equals_ignore_case, false}},
    {"StringNotEqualsIgnoreCase", {Family::string, Comparison::equals_ignore_case, true}},
    {"StringLike", {Family::string, Comparison::like, false}},
    {"StringNotLike", {Family::string, Comparison::like, true}},
    {"NumericEquals", {Family::numeric, Comparison::equals, false}},
    {"NumericNotEquals", {Family::numeric, Comparison::equals, true}},
    {"NumericLessThan", {Family::numeric, Comparison::less, false}},
    {"NumericLessThanEquals", {Family::numeric, Comparison::less_equal, false}},
    {"NumericGreaterThan", {Family::numeric, Comparison::greater, false}},
    {"NumericGreaterThanEquals", {Family::numeric, Comparison::greater_equal, false}},
    {"DateEquals", {Family::date, Comparison::equals, false}},
    {"DateNotEquals", {Family::date, Comparison::equals, true}},
    {"DateLessThan", {Family::date, Comparison::less, false}},
    {"DateLessThanEquals", {Family::date, Comparison::less_equal, false}},
    {"DateGreaterThan", {Family::date, Comparison::greater, false}},
    {"DateGreaterThanEquals", {Family::date, Comparison::greater_equal, false}},
    {"Bool", {Family::boolean, Comparison::equals, false}},
    {"BinaryEquals", {Family::binary, Comparison::equals, false}},
    {"IpAddress", {Family::ip_address, Comparison::equals, false}},
    {"NotIpAddress", {Family::ip_address, Comparison::equals, true}},
    // IAM documents ArnEquals and ArnLike as the same comparison, wildcards included.
    {"ArnEquals", {Family::arn, Comparison::like, false}},
    {"ArnLike", {Family::arn, Comparison::like, false}},
    {"ArnNotEquals", {Family::arn, Comparison::like, true}},
    {"ArnNotLike", {Family::arn, Comparison::like, true}},
    {"Null", {Family::null, Comparison::present, false}},
}};

// How one policy value compares with one request value.
enum class Outcome : std::uint8_t {
  match,
  no_match,
  // Neither matches nor "does not match": an unresolved policy variable or a request value
  // of the wrong type. Fails a positive and a negated operator alike.
  cannot_match,
  unknown,
};

// The request's value for a key: a known string, or the opaque value of the guardrail probe
// (present, and equal to no specific value a policy names).
struct RequestValue {
  std::string_view text;
  bool opaque = false;
};

template <typename T>
bool compare_ordered(Comparison comparison, const T& request, const T& policy) {
  switch (comparison) {
    case Comparison::equals:
      return request == policy;
    case Comparison::less:
      return request < policy;
    case Comparison::less_equal:
      return request <= policy;
    case Comparison::greater:
      return request > policy;
    case Comparison::greater_equal:
      return request >= policy;
    default:
      return false;
  }
}

Outcome outcome_of(bool matched) {
  return matched ? Outcome::match : Outcome::no_match;
}

// String, Bool, Binary and Arn values take policy variables; the others are parsed as written.
bool takes_variables(Family family) {
  return family == Family::string || family == Family::boolean || family == Family::binary ||
         family == Family::arn;
}

Outcome compare_resolved(const OperatorSpec& spec, const RequestValue& request,
                         const Pattern& policy) {
  const std::string& text = policy.text;
  switch (spec.family) {
    case Family::string:
      if (spec.comparison == Comparison::like) {
        if (request.opaque) return outcome_of(pattern_matches_everything(policy));
        return outcome_of(pattern_match(policy, request.text));
      }
      if (request.opaque) return Outcome::no_match;
      if (spec.comparison == Comparison::equals_ignore_case)
        return outcome_of(ascii_iequals(text, request.text));
      return outcome_of(text == request.text);
    case Family::arn: {
      if (request.opaque) return outcome_of(pattern_matches_everything(policy));
      const auto matched = arn_condition_match(policy, request.text);
      return matched ? outcome_of(*matched) : Outcome::cannot_match;
    }
    case Family::numeric: {
      const auto want = parse_iam_number(text);
      if (!want) return Outcome::unknown;  // IAM refuses the policy
      if (request.opaque) return Outcome::unknown;
      const auto have = parse_iam_number(request.text);
      if (!have) return Outcome::cannot_match;
      return outcome_of(compare_ordered(spec.comparison, *have, *want));
    }
    case Family::date: {
      const auto want = parse_iam_date(text);
      if (!want) return Outcome::unknown;
      if (request.opaque) return Outcome::unknown;
      const auto have = parse_iam_date(request.text);
      if (!have) return Outcome::cannot_match;
      return outcome_of(compare_ordered(spec.comparison, *have, *want));
    }
    case Family::boolean: {
      const auto want = parse_iam_bool(text);
      if (!want) return Outcome::unknown;
      if (request.opaque) return Outcome::unknown;
      const auto have = parse_iam_bool(request.text);
      if (!have) return Outcome::cannot_match;
      return outcome_of(*have == *want);
    }
    case Family::binary:
      if (request.opaque) return Outcome::no_match;
      return outcome_of(text == request.text);
    case Family::ip_address: {
      const auto range = parse_ip_range(text);
      if (!range) return Outcome::unknown;
      if (request.opaque) return outcome_of(range->prefix == 0);
      const auto address = parse_ip_address(request.text);
      if (!address) return Outcome::cannot_match;
      return outcome_of(ip_in_range(*address, *range));
    }
    case Family::null:
      break;
  }
  return Outcome::unknown;
}

Outcome compare_one(const OperatorSpec& spec, const RequestValue& request, const Element& value,
                    const ContextLookup& context, const EvalOptions& options, EvalTrace& trace) {
  if (value.unknown || !value.is_string) return Outcome::unknown;
  if (!takes_variables(spec.family))
    return compare_resolved(spec, request, plain_pattern(value.text));
  const ResolvedPattern resolved = resolve_policy_variables(value.text, context, options, trace);
  switch (resolved.status) {
    case Resolution::no_value:
      return Outcome::cannot_match;
    case Resolution::unknown:
      return Outcome::unknown;
    case Resolution::resolved:
      break;
  }
  return compare_resolved(spec, request, resolved.pattern);
}

// The base operator against one request value: any policy value for a positive operator,
// none of them (and every one resolvable and comparable) for a negated one.
Truth operator_holds(const OperatorSpec& spec, const RequestValue& request,
                     const ElementList& values, const ContextLookup& context,
                     const EvalOptions& options, EvalTrace& trace) {
  bool saw_unknown = false;
  for (const Element& value : values.items) {
    const Outcome outcome = compare_one(spec, request, value, context, options, trace);
    if (outcome == Outcome::unknown) {
      saw_unknown = true;
    } else if (!spec.negated && outcome == Outcome::match) {
      return Truth::true_;
    } else if (spec.negated && outcome != Outcome::no_match) {
      return Truth::false_;
    }
  }
  if (saw_unknown) return Truth::unknown;
  return truth_of(spec.negated);
}

// Null: "true" asks for the key to be absent, "false" for it to be present.
Truth null_holds(const ElementList& values, bool present) {
  bool saw_unknown = false;
  for (const Element& value : values.items) {
    const auto wanted_absent =
        value.unknown || !value.is_string ? std::nullopt : parse_iam_bool(value.text);
    if (!wanted_absent) {
      saw_unknown = true;
    } else if (*wanted_absent != present) {
      return Truth::true_;
    }
  }
  return saw_unknown ? Truth::unknown : Truth::false_;
}

Truth absent_key_result(const ConditionOperator& op, const OperatorSpec& spec) {
  using Qualifier = ConditionOperator::SetQualifier;
  if (op.qualifier == Qualifier::for_all_values) return Truth::true_;
  if (op.qualifier == Qualifier::for_any_value) return Truth::false_;
  return truth_of(op.if_exists || spec.negated);
}

}  // namespace

std::optional<OperatorSpec> find_condition_operator(std::string_view base) {
  for (const NamedOperator& op : kOperators) {
    if (ascii_iequals(op.name, base)) return op.spec;
  }
  return std::nullopt;
}

Truth evaluate_condition_clause(const ConditionClause& clause, const ContextLookup& context,
                                const EvalOptions& options, EvalTrace& trace) {
  if (options.clause_override) {
    if (const auto decided = (*options.clause_override)(clause)) return *decided;
  }
  const ConditionOperator& op = clause.op;
  const auto spec = find_condition_operator(op.base);
  if (!spec) return Truth::unknown;
  if (spec->family == Family::null && op.if_exists) return Truth::unknown;

  const std::string key = ascii_lowercase(clause.key);
  const KeyLookup found = context.find(key);
  if (found.state == KeyLookup::State::unknown) {
    trace.unknown_keys.insert(key);
    return Truth::unknown;
  }
  const bool present = found.state != KeyLookup::State::absent;
  if (spec->family == Family::null) {
    if (clause.values.unknown) return Truth::unknown;
    return null_holds(clause.values, present);
  }
  // An absent key decides most clauses without looking at the policy's values.
  if (!present) return absent_key_result(op, *spec);
  if (clause.values.unknown) return Truth::unknown;

  if (found.state == KeyLookup::State::opaque)
    return operator_holds(*spec, RequestValue{{}, true}, clause.values, context, options, trace);

  const std::vector<std::string>& values = *found.values;
  using Qualifier = ConditionOperator::SetQualifier;
  if (op.qualifier == Qualifier::none) {
    if (found.multivalued || values.size() != 1) return Truth::false_;
    return operator_holds(*spec, RequestValue{values.front()}, clause.values, context, options,
                          trace);
  }
  const bool any = op.qualifier == Qualifier::for_any_value;
  Truth result = truth_of(!any);  // ForAnyValue over nothing is false, ForAllValues true
  for (const std::string& value : values) {
    const Truth one =
        operator_holds(*spec, RequestValue{value}, clause.values, context, options, trace);
    result = any ? truth_or(result, one) : truth_and(result, one);
  }
  return result;
}

Truth evaluate_condition_block(const ConditionBlock& block, const ContextLookup& context,
                               const EvalOptions& options, EvalTrace& trace) {
  if (!block.present) return Truth::true_;
  if (block.malformed) return Truth::unknown;
  Truth result = block.unknown ? Truth::unknown : Truth::true_;
  for (const ConditionClause& clause : block.clauses) {
    result = truth_and(result, evaluate_condition_clause(clause, context, options, trace));
    if (result == Truth::false_) break;
  }
  return result;
}

}  // namespace iacscan::detail::iam
