// Rule conditions: a small, closed language evaluated with three-valued logic over a
// resource's canonical attributes. See docs/writing-policies.md for the YAML syntax.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/truth.hpp"
#include "value/value.hpp"

namespace re2 {
class RE2;
}

namespace iacscan::detail {

enum class ConditionOp { all, any, not_, some, each, test };

enum class TestOp {
  exists,
  equals,
  not_equals,
  in,
  matches,
  contains,
  less,
  less_equal,
  greater,
  greater_equal
};

struct Condition {
  ConditionOp op = ConditionOp::all;
  std::vector<Condition> children;  // all/any: operands; not/some/each: one child ("where")
  std::string attribute;            // dotted path, for test/some/each
  std::vector<std::string> path;    // attribute, split
  TestOp test = TestOp::exists;
  std::vector<Value> operands;            // equals/in/contains/comparisons; exists: one bool
  std::shared_ptr<const re2::RE2> regex;  // matches
};

// The outcome of evaluating a condition: its truth, and the value that decided it (the
// finding points there) with its attribute path. No witness: the finding points at the
// resource itself (e.g. a required attribute is missing).
struct Outcome {
  Truth truth = Truth::false_;
  const Value* witness = nullptr;
  std::string attribute;
};

Outcome evaluate(const Condition& condition, const Value& subject);

// Loose equality for IaC values: CloudFormation writes booleans and numbers as strings,
// Terraform as native values; "true" equals true and "5" equals 5.
bool loosely_equal(const Value& a, const Value& b);

}  // namespace iacscan::detail
