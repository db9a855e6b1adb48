// The Conditions section of one template, evaluated with three-valued logic: a condition is
// true, false or unknown (it depends on something known only at deployment). Each condition is
// evaluated once and memoised, so evaluation stays linear in the template's size; a cycle of
// conditions makes its members unknown, with a warning.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/truth.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

class TemplateEvaluator;

class ConditionTable {
 public:
  // `section` is the template's Conditions map, or nullptr.
  explicit ConditionTable(const Value* section);

  bool declares(const std::string& name) const { return index_.contains(name); }
  // The truth of a declared condition (callers warn about undeclared ones).
  Truth truth(const std::string& name, TemplateEvaluator& evaluator);
  // Evaluates every condition in declaration order, so cycles are reported even for
  // conditions that nothing uses.
  void evaluate_all(TemplateEvaluator& evaluator);

 private:
  enum class State { pending, active, done };
  struct Slot {
    std::string name;
    Span key_span;
    const Value* expression = nullptr;
    State state = State::pending;
    bool in_cycle = false;
    Truth truth = Truth::unknown;
  };

  Truth expression(const Value& node, TemplateEvaluator& evaluator);
  Truth function(const std::string& key, const Value& argument, const Span& span,
                 TemplateEvaluator& evaluator);
  void report_cycle(std::size_t from, TemplateEvaluator& evaluator);

  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::size_t> active_;  // slots being evaluated, outermost first
};

// Fn::Equals on two evaluated values: unknown when either is, unless an unknown's candidates
// (e.g. a parameter's AllowedValues) settle it. Scalars compare as text, as CloudFormation
// compares parameter strings with literals.
Truth values_equal(const Value& a, const Value& b);

}  // namespace iacscan::detail
