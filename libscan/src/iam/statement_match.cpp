#include "iam/statement_match.hpp"

#include "iam/arn_match.hpp"
#include "iam/condition_operators.hpp"
#include "iam/iam_pattern.hpp"
#include "iam/policy_variables.hpp"

namespace iacscan::detail::iam {
namespace {

// Action / NotAction: exactly one must be there, and every pattern is "*" or "service:action"
// (IAM refuses anything else, so what it would do is unknown).
Truth action_matches(const Statement& s, std::string_view action) {
  if (s.action.present == s.not_action.present) return Truth::unknown;
  const ElementList& list = s.action.present ? s.action : s.not_action;
  if (list.unknown) return Truth::unknown;
  Truth listed = Truth::false_;
  for (const Element& item : list.items) {
    const bool well_formed = !item.unknown && item.is_string &&
                             (item.text == "*" || item.text.find(':') != std::string::npos);
    listed = truth_or(listed, well_formed
                                  ? truth_of(pattern_match(plain_pattern(item.text), action, true))
                                  : Truth::unknown);
    if (listed == Truth::true_) break;
  }
  return s.action.present ? listed : truth_not(listed);
}

// How one Resource / NotResource pattern compares with the request.
enum class ItemMatch : std::uint8_t {
  match,
  no_match,
  // A policy variable without a value in a pattern whose partition, service, region and
  // account match the resource: the pattern matches nothing, and a NotResource holding it does
  // not match either (as for negated condition operators). A pattern for another service or
  // account does not match, whatever the variable would have been (iam-simulate's rule too).
  cannot_match,
  unknown,
};

// Under ResourceScope::every, "does it match" means "covers every resource" when the answer
// must hold for all resources (a Deny's Resource, an Allow's NotResource) and "matches some
// resource" otherwise.
ItemMatch resource_item_matches(const Element& item, const RequestTarget& target,
                                bool must_cover_all, const ContextLookup& context,
                                const EvalOptions& options, EvalTrace& trace) {
  if (item.unknown || !item.is_string) return ItemMatch::unknown;
  const ResolvedPattern resolved = resolve_policy_variables(item.text, context, options, trace);
  if (resolved.status == Resolution::unknown) return ItemMatch::unknown;
  if (resolved.status == Resolution::no_value) {
    const bool elsewhere = target.scope == ResourceScope::exact &&
                           !arn_prefix_match(resolved.pattern, target.resource);
    return elsewhere ? ItemMatch::no_match : ItemMatch::cannot_match;
  }
  // Not "*" and not an ARN: IAM refuses the policy, so what it would do is unknown.
  if (!is_resource_pattern(resolved.pattern)) return ItemMatch::unknown;
  bool matched = true;
  if (target.scope == ResourceScope::exact)
    matched = resource_pattern_match(resolved.pattern, target.resource);
  else if (must_cover_all)
    matched = resource_pattern_covers_all(resolved.pattern);
  return matched ? ItemMatch::match : ItemMatch::no_match;
}

Truth resource_matches(const Statement& s, const RequestTarget& target, StatementRole role,
                       const ContextLookup& context, const EvalOptions& options, EvalTrace& trace) {
  if (s.resource.present == s.not_resource.present) return Truth::unknown;
  const bool negated = s.not_resource.present;
  const ElementList& list = negated ? s.not_resource : s.resource;
  if (list.unknown) return Truth::unknown;
  // A Deny must cover all resources; NotResource turns "covers all" into "excludes some".
  const bool must_cover_all = (role == StatementRole::deny) != negated;
  bool any_match = false;
  bool any_unknown = false;
  bool any_cannot_match = false;
  for (const Element& item : list.items) {
    switch (resource_item_matches(item, target, must_cover_all, context, options, trace)) {
      case ItemMatch::match:
        any_match = true;
        break;
      case ItemMatch::no_match:
        break;
      case ItemMatch::cannot_match:
        any_cannot_match = true;
        break;
      case ItemMatch::unknown:
        any_unknown = true;
        break;
    }
  }
  if (!negated) return any_match ? Truth::true_ : any_unknown ? Truth::unknown : Truth::false_;
  if (any_match || any_cannot_match) return Truth::false_;
  return any_unknown ? Truth::unknown : Truth::true_;
}

bool substitutes_variables(const Policy& policy) {
  // Documents without a Version are 2008-10-17, where "${...}" is literal text.
  if (!policy.has_version) return false;
  return policy.version.unknown || policy.version.text == "2012-10-17";
}

Contribution whole_policy_unknown(StatementRef where) {
  Contribution c;
  c.ref = where;
  c.denies = Truth::unknown;
  c.allows = Truth::unknown;
  return c;
}

}  // namespace

Truth statement_matches(const Statement& statement, const RequestTarget& target, StatementRole role,
                        const ContextLookup& context, const EvalOptions& options,
                        EvalTrace& trace) {
  if (statement.unknown || statement.malformed) return Truth::unknown;
  Truth result = action_matches(statement, target.action);
  if (result == Truth::false_) return result;
  result = truth_and(result, resource_matches(statement, target, role, context, options, trace));
  if (result == Truth::false_) return result;
  return truth_and(result, evaluate_condition_block(statement.condition, context, options, trace));
}

void policy_contributions(const Policy& policy, StatementRef where, const RequestTarget& target,
                          const ContextLookup& context, const ClauseOverride* clause_override,
                          std::vector<Contribution>& out) {
  // A document without a Statement element is one IAM refuses; what it would be is unknown.
  if (policy.unknown || policy.malformed || !policy.has_statement) {
    where.span = policy.span;
    out.push_back(whole_policy_unknown(where));
    return;
  }
  EvalOptions options;
  options.substitute_variables = substitutes_variables(policy);
  options.clause_override = clause_override;
  for (const Statement& statement : policy.statements) {
    Contribution c;
    c.ref = where;
    c.ref.statement = statement.index;
    c.ref.span = statement.span;
    EvalTrace trace;
    const bool deny = statement.effect == Effect::deny;
    const bool allow = statement.effect == Effect::allow;
    const Truth as_deny =
        allow ? Truth::false_
              : statement_matches(statement, target, StatementRole::deny, context, options, trace);
    const Truth as_allow = deny ? Truth::false_
                                : (target.scope == ResourceScope::exact && !allow
                                       ? as_deny
                                       : statement_matches(statement, target, StatementRole::allow,
                                                           context, options, trace));
    if (deny || allow) {
      c.denies = as_deny;
      c.allows = as_allow;
    } else {
      // Effect unknown, missing or invalid: it could be either.
      c.denies = truth_and(Truth::unknown, as_deny);
      c.allows = truth_and(Truth::unknown, as_allow);
    }
    c.unknown_keys = std::move(trace.unknown_keys);
    out.push_back(std::move(c));
  }
  if (policy.statement_unknown) {
    where.span = policy.statement_span;
    out.push_back(whole_policy_unknown(where));
  }
}

}  // namespace iacscan::detail::iam
