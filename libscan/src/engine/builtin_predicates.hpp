// Built-in predicates: rule logic a declarative condition cannot say well (reading IAM policy
// documents, and later CIDR arithmetic and secret patterns), written in C++ and called by name
// from a rule: `{builtin: iam-full-admin}` or `{builtin: scp-size-limit, with: {limit: 5120}}`.
// The registry is one explicit list, sorted by name (builtin_predicates.cpp); a rule naming a
// predicate that is not there fails to load.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/condition.hpp"
#include "graph/resource.hpp"

namespace iacscan::detail {

struct PredicateInput {
  PredicateInput(const Resource& judged, const Value& seen, const Value& with,
                 const EvalContext* around = nullptr)
      : resource(judged), subject(seen), arguments(with), context(around) {}

  const Resource& resource;  // native type and attributes, whatever the rule's kind
  const Value& subject;      // what the rule's other conditions see (canonical attributes)
  const Value& arguments;    // the `with` map, checked by check_arguments at load time
  // The graph and the scan's options, when the rule runs inside a scan (null in unit tests
  // that judge one resource). Account rules judge a stand-in resource for the whole set
  // (kScannedSetType) and find everything through the graph.
  const EvalContext* context = nullptr;
};

struct BuiltinPredicate {
  std::string_view name;     // kebab-case, as rules write it
  std::string_view summary;  // one line, for docs/writing-policies.md and `iacscan explain`
  // Three-valued like every condition: True with where it points, Unknown when a decisive
  // value is unknown, never True from a guess.
  Outcome (*evaluate)(const PredicateInput& input);
  // "" when the arguments are acceptable, else what is wrong with them.
  std::string (*check_arguments)(const Value& arguments);
};

std::span<const BuiltinPredicate> builtin_predicates();
const BuiltinPredicate* find_builtin_predicate(std::string_view name);

}  // namespace iacscan::detail
