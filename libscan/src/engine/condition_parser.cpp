// Condition syntax:
//   {all: [c...]}  {any: [c...]}  {not: c}  {guard: c}
//   {some: {attribute: p, where: c}}  {each: {attribute: p, where: c}}
//   {attribute: p, <test>: operand}   where <test> is one of the names in kTests.
//   {builtin: name, with: {key: value}}  a C++ predicate (builtin_predicates.hpp).
//   {related: {kind: k, direction: referenced_by | references, via: p, match: p, where: c}}
//                                         a graph test (related.hpp).
//   {present: {kind: k, where: c}}        a whole-set test for account rules (presence.hpp).
#include "engine/condition_parser.hpp"

#include <re2/re2.h>

#include <array>
#include <utility>

#include "engine/attribute_path.hpp"
#include "engine/builtin_predicates.hpp"
#include "engine/yaml_node.hpp"

namespace iacscan::detail {
namespace {

constexpr std::array<std::pair<const char*, TestOp>, 10> kTests = {{
    {"exists", TestOp::exists},
    {"equals", TestOp::equals},
    {"not_equals", TestOp::not_equals},
    {"in", TestOp::in},
    {"matches", TestOp::matches},
    {"contains", TestOp::contains},
    {"less_than", TestOp::less},
    {"at_most", TestOp::less_equal},
    {"greater_than", TestOp::greater},
    {"at_least", TestOp::greater_equal},
}};

void set_attribute(Condition& c, const YAML::Node& node) {
  c.attribute = required_string(node, "attribute");
  c.path = split_path(c.attribute);
  if (c.path.empty()) fail_at(node["attribute"], "empty attribute path");
}

Condition parse_junction(ConditionOp op, const YAML::Node& list) {
  if (!list.IsSequence() || list.size() == 0) fail_at(list, "all/any need a non-empty list");
  Condition c;
  c.op = op;
  for (const YAML::Node& child : list) c.children.push_back(parse_condition(child));
  return c;
}

Condition parse_quantifier(ConditionOp op, const YAML::Node& body) {
  if (!body.IsMap() || !body["where"]) fail_at(body, "some/each need 'attribute' and 'where'");
  Condition c;
  c.op = op;
  set_attribute(c, body);
  c.children.push_back(parse_condition(body["where"]));
  return c;
}

Condition parse_test(const YAML::Node& node) {
  Condition c;
  c.op = ConditionOp::test;
  set_attribute(c, node);
  const YAML::Node* test_node = nullptr;
  YAML::Node found;
  for (const auto& [name, op] : kTests) {
    if (!node[name]) continue;
    if (test_node) fail_at(node, "one test per attribute condition; use 'all' to combine");
    found = node[name];
    test_node = &found;
    c.test = op;
  }
  if (!test_node) fail_at(node, "attribute condition without a test (exists, equals, in, ...)");
  if (node.size() != 2) fail_at(node, "unexpected key beside 'attribute' and its test");
  if (c.test == TestOp::in) {
    if (!found.IsSequence()) fail_at(found, "'in' needs a list");
    for (const YAML::Node& item : found) c.operands.push_back(node_to_value(item));
  } else {
    c.operands.push_back(node_to_value(found));
  }
  if (c.test == TestOp::matches) {
    auto re = std::make_shared<re2::RE2>(found.Scalar(), re2::RE2::Quiet);
    if (!re->ok()) fail_at(found, "invalid regular expression: " + re->error());
    c.regex = std::move(re);
  }
  return c;
}

Condition parse_builtin(const YAML::Node& node) {
  Condition c;
  c.op = ConditionOp::builtin;
  const std::string name = required_string(node, "builtin");
  c.predicate = find_builtin_predicate(name);
  if (c.predicate == nullptr) {
    std::string known;
    for (const BuiltinPredicate& p : builtin_predicates())
      known += (known.empty() ? "" : ", ") + std::string(p.name);
    fail_at(node["builtin"], "unknown built-in predicate \"" + name + "\"; known: " + known);
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key != "builtin" && key != "with")
      fail_at(entry.first, "unexpected key \"" + key + "\" beside 'builtin' (use 'with')");
  }
  if (const YAML::Node with = node["with"]) {
    if (!with.IsMap()) fail_at(with, "'with' must be a map");
    c.arguments = node_to_value(with);
  }
  if (std::string problem = c.predicate->check_arguments(c.arguments); !problem.empty())
    fail_at(node, "built-in predicate \"" + name + "\": " + problem);
  return c;
}

Condition parse_related(const YAML::Node& node) {
  if (node.size() != 1) fail_at(node, "unexpected key beside 'related'");
  const YAML::Node body = node["related"];
  if (!body.IsMap()) fail_at(body, "'related' needs a map with at least 'kind'");
  auto spec = std::make_shared<RelatedSpec>();
  Condition c;
  c.op = ConditionOp::related;
  for (const auto& entry : body) {
    const std::string key = entry.first.Scalar();
    if (key != "kind" && key != "direction" && key != "via" && key != "match" && key != "where")
      fail_at(entry.first,
              "unexpected key \"" + key + "\" in 'related' (kind, direction, via, match, where)");
  }
  spec->kind = required_string(body, "kind");
  if (body["direction"]) {
    const std::string direction = required_string(body, "direction");
    if (direction != "referenced_by" && direction != "references")
      fail_at(body["direction"], "direction is referenced_by or references");
    spec->referenced_by = direction == "referenced_by";
  }
  if (body["via"]) {
    spec->via = split_path(required_string(body, "via"));
    if (spec->via.empty()) fail_at(body["via"], "empty attribute path");
  }
  if (body["match"]) {
    spec->match = split_path(required_string(body, "match"));
    if (spec->match.empty()) fail_at(body["match"], "empty attribute path");
  }
  if (body["where"]) {
    c.children.push_back(parse_condition(body["where"]));
    spec->has_where = true;
  }
  c.attribute = "related " + spec->kind;
  c.related = std::move(spec);
  return c;
}

Condition parse_present(const YAML::Node& node) {
  if (node.size() != 1) fail_at(node, "unexpected key beside 'present'");
  const YAML::Node body = node["present"];
  if (!body.IsMap()) fail_at(body, "'present' needs a map with 'kind' and optionally 'where'");
  for (const auto& entry : body) {
    const std::string key = entry.first.Scalar();
    if (key != "kind" && key != "where")
      fail_at(entry.first, "unexpected key \"" + key + "\" in 'present' (kind, where)");
  }
  auto spec = std::make_shared<RelatedSpec>();
  Condition c;
  c.op = ConditionOp::present;
  spec->kind = required_string(body, "kind");
  if (body["where"]) {
    c.children.push_back(parse_condition(body["where"]));
    spec->has_where = true;
  }
  c.attribute = "present " + spec->kind;
  c.related = std::move(spec);
  return c;
}

}  // namespace

Condition parse_condition(const YAML::Node& node) {
  if (!node || !node.IsMap()) fail_at(node, "a condition must be a map");
  if (node["builtin"]) return parse_builtin(node);
  if (node["related"]) return parse_related(node);
  if (node["present"]) return parse_present(node);
  if (!node["attribute"] && node.size() != 1) {
    fail_at(node, "a condition map holds exactly one of all, any, not, guard, some, each");
  }
  if (node["all"]) return parse_junction(ConditionOp::all, node["all"]);
  if (node["any"]) return parse_junction(ConditionOp::any, node["any"]);
  if (node["not"]) {
    Condition c;
    c.op = ConditionOp::not_;
    c.children.push_back(parse_condition(node["not"]));
    return c;
  }
  if (node["guard"]) {
    Condition c;
    c.op = ConditionOp::guard;
    c.children.push_back(parse_condition(node["guard"]));
    return c;
  }
  if (node["some"]) return parse_quantifier(ConditionOp::some, node["some"]);
  if (node["each"]) return parse_quantifier(ConditionOp::each, node["each"]);
  if (node["attribute"]) return parse_test(node);
  fail_at(node,
          "unknown condition: expected all, any, not, guard, some, each, attribute, builtin, "
          "related or present");
}

}  // namespace iacscan::detail
