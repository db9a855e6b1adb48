// Rule conditions: a small, closed language evaluated with three-valued logic over a
// resource's canonical attributes. See docs/writing-policies.md for the YAML syntax.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/truth.hpp"
#include "value/value.hpp"

namespace re2 {
class RE2;
}
namespace iacscan {
struct ScanOptions;
}

namespace iacscan::detail {

struct Resource;
struct ResourceGraph;
struct BuiltinPredicate;

enum class ConditionOp { all, any, not_, some, each, test, builtin, related, guard, present };

// A graph test: is there a resource of `kind` linked to this one by reference?
struct RelatedSpec {
  std::string kind;                // canonical kind or native type of the other resource
  bool referenced_by = true;       // the other resource references this one (else the reverse)
  std::vector<std::string> via;    // attribute holding the reference; empty: any attribute
  std::vector<std::string> match;  // this resource's attribute a literal in `via` may equal
  bool has_where = false;          // children.front() is the `where` condition
};

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
  std::vector<Condition> children;  // all/any: operands; not/some/each/guard: one child
  std::string attribute;            // dotted path, for test/some/each
  std::vector<std::string> path;    // attribute, split
  TestOp test = TestOp::exists;
  std::vector<Value> operands;                  // equals/in/contains/comparisons; exists: one bool
  std::shared_ptr<const re2::RE2> regex;        // matches
  const BuiltinPredicate* predicate = nullptr;  // builtin: the named C++ predicate
  Value arguments = Value::map({});             // builtin: its `with` map
  std::shared_ptr<const RelatedSpec> related;   // related, present: the graph test (present
                                                // uses only kind and where)
};

// The outcome of evaluating a condition: its truth, and the value that decided it (the
// finding points there) with its attribute path. No witness: the finding points at the
// resource itself (e.g. a required attribute is missing).
struct Outcome {
  Truth truth = Truth::false_;
  const Value* witness = nullptr;
  std::string attribute;
  // Built-in predicates judge values they derive (a statement inside a policy's JSON text):
  // where the finding points, and what to show as its value, when there is no witness.
  Span span;
  std::string detail;
};

// The resources a whole-set test (`present`) looked at, for account rules: those that define
// the control prove it met; near misses (a trail that exists but is single-region) show where
// it falls short.
struct PresenceEvidence {
  std::vector<std::size_t> met;        // indexes into the graph's resources
  std::vector<std::size_t> near_miss;  // of the kind, but failing (or undecided on) `where`
};

// What a condition may look at beyond its subject: the resource being judged (built-in
// predicates read its native attributes), the graph around it (graph tests), and the scan's
// options (organization facts and limits from the configuration). Conditions that need what
// is missing are unknown.
struct EvalContext {
  EvalContext(const Resource* judged = nullptr, const ResourceGraph* in_graph = nullptr,
              std::size_t at = 0)
      : resource(judged), graph(in_graph), index(at) {}

  const Resource* resource = nullptr;
  const ResourceGraph* graph = nullptr;
  std::size_t index = 0;  // the resource's index in graph->resources
  const ScanOptions* options = nullptr;
  PresenceEvidence* evidence = nullptr;  // account rules: where `present` records what it saw
};

Outcome evaluate(const Condition& condition, const Value& subject, const EvalContext& context);
inline Outcome evaluate(const Condition& condition, const Value& subject,
                        const Resource* resource = nullptr) {
  return evaluate(condition, subject, EvalContext{resource, nullptr, 0});
}

// Loose equality for IaC values: CloudFormation writes booleans and numbers as strings,
// Terraform as native values; "true" equals true and "5" equals 5.
bool loosely_equal(const Value& a, const Value& b);

}  // namespace iacscan::detail
