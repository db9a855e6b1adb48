// count and for_each: the instances a resource, data source or module call expands to, the
// keys Terraform prints in their addresses, and the names (count.index, each.key,
// each.value) bound while each instance is evaluated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "terraform/ast.hpp"
#include "terraform/expr_evaluator.hpp"

namespace iacscan::detail::tf {

struct InstanceKey {
  enum class Mode { single, count, each };
  Mode mode = Mode::single;
  std::string suffix;  // "", "[0]", "[\"a\"]"; empty too when count/for_each is unknown
  Value key;           // count.index or each.key (unknown when the collection is)
  Value value;         // each.value
  bool known = true;   // false: one stand-in instance for an unknown count / for_each
};

struct Expansion {
  std::vector<InstanceKey> keys;
  InstanceKey::Mode mode = InstanceKey::Mode::single;
  bool known = true;
  std::optional<std::string> problem;  // over the limit, wrong type: for a diagnostic
};

// Expands a block by its `count` / `for_each` attribute, evaluated with `evaluator`.
// More than `limit` instances gives one unknown stand-in and a problem.
Expansion expand_instances(const Body& body, Evaluator& evaluator, std::size_t limit);

// The names count / each stand for while `key` is evaluated (none for a single instance).
std::vector<std::pair<std::string, Value>> instance_bindings(const InstanceKey& key);
// Binds them on `evaluator`; returns how many names were bound.
int bind_instance(Evaluator& evaluator, const InstanceKey& key);

// `"a"` as Terraform prints an instance key: a JSON-style quoted string.
std::string quote_key(const std::string& key);

}  // namespace iacscan::detail::tf
