// Condition evaluation: Fn::Equals, Fn::And, Fn::Or, Fn::Not and Condition references.
#include "cloudformation/conditions.hpp"

#include <algorithm>
#include <string>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

// Conditions being evaluated at once (A uses B uses C ...), bounded so that a long chain
// written in reverse order cannot exhaust the stack.
constexpr std::size_t kMaxNesting = 100;

Truth all_of(const std::vector<Truth>& values) {
  if (std::find(values.begin(), values.end(), Truth::false_) != values.end()) return Truth::false_;
  if (std::find(values.begin(), values.end(), Truth::unknown) != values.end()) {
    return Truth::unknown;
  }
  return Truth::true_;
}

Truth any_of(const std::vector<Truth>& values) {
  std::vector<Truth> negated;
  for (Truth t : values) negated.push_back(truth_not(t));
  return truth_not(all_of(negated));
}

// An unknown with candidates against a known scalar: false when no candidate matches.
Truth candidates_equal(const Value& unknown, const Value& known) {
  if (unknown.candidates == nullptr || !scalar_text(known)) return Truth::unknown;
  bool any = false;
  bool all = true;
  for (const Value& candidate : *unknown.candidates) {
    const bool same = values_equal(candidate, known) == Truth::true_;
    any = any || same;
    all = all && same;
  }
  if (!any) return Truth::false_;
  return all ? Truth::true_ : Truth::unknown;
}

}  // namespace

Truth values_equal(const Value& a, const Value& b) {
  if (a.is_unknown() && b.is_unknown()) return Truth::unknown;
  if (a.is_unknown()) return candidates_equal(a, b);
  if (b.is_unknown()) return candidates_equal(b, a);
  const auto text_a = scalar_text(a);
  const auto text_b = scalar_text(b);
  if (text_a && text_b) return truth_of(*text_a == *text_b);
  if (a.is_list() && b.is_list()) {
    if (a.items().size() != b.items().size()) return Truth::false_;
    std::vector<Truth> each;
    for (std::size_t i = 0; i < a.items().size(); ++i) {
      each.push_back(values_equal(a.items()[i], b.items()[i]));
    }
    return all_of(each);
  }
  if (a.is_null() && b.is_null()) return Truth::true_;
  return a.kind() == b.kind() ? Truth::unknown : Truth::false_;
}

ConditionTable::ConditionTable(const Value* section) {
  if (section == nullptr || !section->is_map()) return;
  for (const Value::Entry& e : section->entries()) {
    index_.emplace(e.key, slots_.size());
    Slot& slot = slots_.emplace_back();
    slot.name = e.key;
    slot.key_span = e.key_span;
    slot.expression = &e.value;
  }
}

void ConditionTable::evaluate_all(TemplateEvaluator& evaluator) {
  for (const Slot& slot : slots_) truth(slot.name, evaluator);
}

Truth ConditionTable::truth(const std::string& name, TemplateEvaluator& evaluator) {
  const auto it = index_.find(name);
  if (it == index_.end()) return Truth::unknown;
  const std::size_t at = it->second;
  if (slots_[at].state == State::done) return slots_[at].truth;
  if (slots_[at].state == State::active) {
    report_cycle(at, evaluator);
    return Truth::unknown;
  }
  if (active_.size() >= kMaxNesting) {
    // Not memoised: evaluated again, from a shallower start, when declaration order reaches it.
    evaluator.warn(slots_[at].key_span, "conditions refer to each other more than " +
                                            std::to_string(kMaxNesting) +
                                            " deep; this one is unknown where that happens");
    return Truth::unknown;
  }
  slots_[at].state = State::active;
  active_.push_back(at);
  const Truth result = expression(*slots_[at].expression, evaluator);
  active_.pop_back();
  Slot& slot = slots_[at];
  slot.truth = slot.in_cycle ? Truth::unknown : result;
  slot.state = State::done;
  return slot.truth;
}

void ConditionTable::report_cycle(std::size_t from, TemplateEvaluator& evaluator) {
  const auto start = std::find(active_.begin(), active_.end(), from);
  std::string path;
  for (auto it = start; it != active_.end(); ++it) {
    slots_[*it].in_cycle = true;
    path += slots_[*it].name + " -> ";
  }
  path += slots_[from].name;
  evaluator.warn(slots_[from].key_span,
                 "conditions refer to each other in a cycle (" + path + "); they are unknown");
}

Truth ConditionTable::expression(const Value& node, TemplateEvaluator& evaluator) {
  if (node.is_bool()) return truth_of(node.as_bool());
  if (!is_intrinsic(node, true)) {
    evaluator.warn(node.span,
                   "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or "
                   "Condition; this one is unknown");
    return Truth::unknown;
  }
  const Value::Entry& call = node.entries().front();
  return function(call.key, call.value, node.span, evaluator);
}

Truth ConditionTable::function(const std::string& key, const Value& argument, const Span& span,
                               TemplateEvaluator& evaluator) {
  if (key == "Condition") {
    if (!argument.is_string()) {
      evaluator.warn(span, "Condition must name a condition");
      return Truth::unknown;
    }
    return evaluator.condition(argument.text(), argument.span);
  }
  const bool is_equals = key == "Fn::Equals";
  const bool is_not = key == "Fn::Not";
  if (!is_equals && !is_not && key != "Fn::And" && key != "Fn::Or") {
    evaluator.warn(span, key + " cannot be used in a condition; it is unknown");
    return Truth::unknown;
  }
  const std::size_t arity = argument.is_list() ? argument.items().size() : 0;
  if ((is_equals && arity != 2) || (is_not && arity != 1) || arity == 0) {
    evaluator.warn(span, key + " has the wrong number of arguments; it is unknown");
    return Truth::unknown;
  }
  const Value::List& items = argument.items();
  if (is_equals) {
    return values_equal(evaluator.argument(items[0], key), evaluator.argument(items[1], key));
  }
  std::vector<Truth> each;
  for (const Value& item : items) each.push_back(expression(item, evaluator));
  if (is_not) return truth_not(each.front());
  return key == "Fn::And" ? all_of(each) : any_of(each);
}

}  // namespace iacscan::detail
