// How the request evaluator sees a request's context keys: present with values, absent,
// unknown (the scan was not told), or opaque (present, with a value known to be none of the
// specific values a policy names: the guardrail query's ordinary principal). Private to the
// evaluator (request_evaluator.cpp, condition_operators.cpp, scp_guardrail.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

struct KeyLookup {
  enum class State : std::uint8_t { absent, present, unknown, opaque };
  State state = State::unknown;
  const std::vector<std::string>* values = nullptr;  // present only
  // A set-valued key (ForAllValues / ForAnyValue territory): an operator without a set
  // qualifier does not match it, even with one value.
  bool multivalued = false;
};

class ContextLookup {
 public:
  // `key` is lowercased; IAM compares condition keys case-insensitively.
  virtual KeyLookup find(std::string_view key) const = 0;

 protected:
  ~ContextLookup() = default;
};

// What an evaluation learnt beyond its answer: the context keys whose unknown value made a part
// of it unknown.
struct EvalTrace {
  std::set<std::string> unknown_keys;
};

// Lets a caller decide a clause itself (the guardrail query's exception clauses); nullopt
// means "evaluate it normally".
using ClauseOverride = std::function<std::optional<Truth>(const ConditionClause&)>;

struct EvalOptions {
  // Policy variables are substituted only in policies of Version 2012-10-17; older documents
  // take "${...}" literally.
  bool substitute_variables = true;
  const ClauseOverride* clause_override = nullptr;
};

}  // namespace iacscan::detail::iam
