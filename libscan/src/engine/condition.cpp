// Evaluation of rule conditions with three-valued logic.
#include "engine/condition.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "engine/attribute_path.hpp"
#include "engine/builtin_predicates.hpp"
#include "engine/presence.hpp"
#include "engine/related.hpp"

namespace iacscan::detail {
namespace {

Outcome decided(Truth truth, const Value* witness, std::string attribute) {
  Outcome o;
  o.truth = truth;
  o.witness = witness;
  o.attribute = std::move(attribute);
  return o;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<double> as_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.text();
  double out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return out;
}

std::optional<bool> as_bool(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_string()) {
    if (iequals(v.text(), "true")) return true;
    if (iequals(v.text(), "false")) return false;
  }
  return std::nullopt;
}

// Truth of a test on a present, known value.
bool compare(TestOp op, const Value& actual, const Condition& c) {
  switch (op) {
    case TestOp::equals:
      return loosely_equal(actual, c.operands.front());
    case TestOp::not_equals:
      return !loosely_equal(actual, c.operands.front());
    case TestOp::in:
      return std::any_of(c.operands.begin(), c.operands.end(),
                         [&](const Value& o) { return loosely_equal(actual, o); });
    case TestOp::matches:
      return (actual.is_string() || actual.is_number()) &&
             RE2::PartialMatch(actual.text(), *c.regex);
    case TestOp::contains:
      if (actual.is_list()) {
        return std::any_of(actual.items().begin(), actual.items().end(), [&](const Value& item) {
          return loosely_equal(item, c.operands.front());
        });
      }
      return actual.is_string() && c.operands.front().is_string() &&
             actual.text().find(c.operands.front().text()) != std::string::npos;
    case TestOp::less:
    case TestOp::less_equal:
    case TestOp::greater:
    case TestOp::greater_equal: {
      auto a = as_number(actual);
      auto b = as_number(c.operands.front());
      if (!a || !b) return false;
      if (op == TestOp::less) return *a < *b;
      if (op == TestOp::less_equal) return *a <= *b;
      if (op == TestOp::greater) return *a > *b;
      return *a >= *b;
    }
    case TestOp::exists:
      break;
  }
  return false;
}

// A value taken from another resource's attribute (an ARN or id the provider fills at apply
// time) is unknown, but it is set: comparing it with "" is decided.
bool set_by_reference(const Value& v) {
  return !v.refs.empty() && !v.candidates;
}

bool only_empty_operands(const Condition& c) {
  if (c.test != TestOp::equals && c.test != TestOp::not_equals && c.test != TestOp::in)
    return false;
  return !c.operands.empty() &&
         std::all_of(c.operands.begin(), c.operands.end(),
                     [](const Value& o) { return o.is_string() && o.text().empty(); });
}

// A list test is unknown when an element is unknown and no known element decides it.
bool depends_on_unknown_element(TestOp op, const Value& actual) {
  return (op == TestOp::contains) && actual.is_list() && !actual.is_fully_known();
}

// When the path crosses lists and reaches several values, the test holds if any value
// satisfies it (use `each` to require all of them).
Outcome evaluate_test(const Condition& c, const Value& subject) {
  const std::vector<const Value*> hits = resolve_all(subject, c.path);
  if (c.test == TestOp::exists) {
    const bool want = c.operands.empty() || as_bool(c.operands.front()).value_or(true);
    const Value* witness = hits.empty() ? nullptr : hits.front();
    return decided(truth_of(!hits.empty() == want), witness, c.attribute);
  }
  if (hits.empty()) return decided(truth_of(c.test == TestOp::not_equals), nullptr, c.attribute);
  const Value* unknown = nullptr;
  for (const Value* hit : hits) {
    if (hit->is_unknown() && set_by_reference(*hit) && only_empty_operands(c)) {
      // `kms_key_id = aws_kms_key.trail.arn` is unknown until apply, but never empty.
      if (c.test == TestOp::not_equals) return decided(Truth::true_, hit, c.attribute);
      continue;
    }
    if (hit->is_unknown()) {
      if (!unknown) unknown = hit;
      continue;
    }
    if (compare(c.test, *hit, c)) return decided(Truth::true_, hit, c.attribute);
    if (depends_on_unknown_element(c.test, *hit) && !unknown) unknown = hit;
  }
  if (unknown) return decided(Truth::unknown, unknown, c.attribute);
  return decided(Truth::false_, hits.front(), c.attribute);
}

// some: true when an element satisfies `where`; each: false when one does not. A single
// map where a list is expected counts as a list of one (one Terraform block).
Outcome evaluate_quantifier(const Condition& c, const Value& subject, const EvalContext& context) {
  const bool is_some = c.op == ConditionOp::some;
  const Truth decisive = is_some ? Truth::true_ : Truth::false_;
  const std::vector<const Value*> hits = resolve_all(subject, c.path);
  if (hits.empty()) return decided(truth_of(!is_some), nullptr, c.attribute);
  std::vector<const Value*> items;
  for (const Value* hit : hits) {
    if (hit->is_list()) {
      for (const Value& item : hit->items()) items.push_back(&item);
    } else {
      items.push_back(hit);
    }
  }
  const Value* unknown = nullptr;
  for (const Value* item : items) {
    if (item->is_unknown()) {
      if (!unknown) unknown = item;
      continue;
    }
    Outcome inner = evaluate(c.children.front(), *item, context);
    if (inner.truth == decisive) {
      if (!inner.witness) inner.witness = item;
      inner.attribute = c.attribute + "[]." + inner.attribute;
      return inner;
    }
    if (inner.truth == Truth::unknown && !unknown) unknown = item;
  }
  if (unknown) return decided(Truth::unknown, unknown, c.attribute);
  return decided(truth_of(!is_some), hits.front(), c.attribute);
}

Outcome evaluate_junction(const Condition& c, const Value& subject, const EvalContext& context) {
  const bool is_any = c.op == ConditionOp::any;
  const Truth decisive = is_any ? Truth::true_ : Truth::false_;
  std::optional<Outcome> first_unknown;  // says which value kept the junction undecided
  Outcome last;
  for (const Condition& child : c.children) {
    Outcome o = evaluate(child, subject, context);
    if (o.truth == decisive) return o;
    if (o.truth == Truth::unknown && !first_unknown) first_unknown = o;
    if (!last.witness && o.witness) {
      last = o;
    } else if (is_any && !last.witness && !last.span.valid() && last.detail.empty() &&
               (o.span.valid() || !o.detail.empty())) {
      last = o;  // an account rule's near miss (presence.cpp) says where the control falls short
    }
  }
  if (first_unknown) return std::move(*first_unknown);
  last.truth = truth_of(!is_any);
  return last;
}

}  // namespace

bool loosely_equal(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return false;
  if (a.is_bool() || b.is_bool()) {
    auto x = as_bool(a);
    auto y = as_bool(b);
    return x && y && *x == *y;
  }
  if (a.is_number() || b.is_number()) {
    auto x = as_number(a);
    auto y = as_number(b);
    return x && y && *x == *y;
  }
  if (a.is_string() && b.is_string()) return a.text() == b.text();
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return false;
}

Outcome evaluate(const Condition& c, const Value& subject, const EvalContext& context) {
  switch (c.op) {
    case ConditionOp::all:
    case ConditionOp::any:
      return evaluate_junction(c, subject, context);
    case ConditionOp::not_: {
      Outcome o = evaluate(c.children.front(), subject, context);
      o.truth = truth_not(o.truth);
      return o;
    }
    case ConditionOp::some:
    case ConditionOp::each:
      return evaluate_quantifier(c, subject, context);
    case ConditionOp::test:
      return evaluate_test(c, subject);
    case ConditionOp::builtin:
      // Without a resource there is nothing to judge: unknown, never a finding.
      if (context.resource == nullptr) return decided(Truth::unknown, nullptr, {});
      return c.predicate->evaluate(
          PredicateInput{*context.resource, subject, c.arguments, &context});
    case ConditionOp::related:
      return evaluate_related(c, subject, context);
    case ConditionOp::present:
      return evaluate_present(c, context);
    case ConditionOp::guard: {
      // A precondition (which resources, which modes) decides truth, never where the finding
      // points or what it shows; an undecided guard still says why, for review findings.
      Outcome o = evaluate(c.children.front(), subject, context);
      if (o.truth != Truth::unknown) return decided(o.truth, nullptr, {});
      return o;
    }
  }
  return {};
}

}  // namespace iacscan::detail
