// Condition language: parsing, three-valued evaluation, witnesses.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "engine/condition.hpp"
#include "engine/condition_parser.hpp"
#include "engine/yaml_node.hpp"

using namespace iacscan::detail;

namespace {

Condition parse(const char* yaml) {
  return parse_condition(YAML::Load(yaml));
}

Value subject(std::initializer_list<std::pair<const char*, Value>> entries) {
  Value m = Value::map({});
  for (const auto& [k, v] : entries) m.set(k, v);
  return m;
}

Truth eval(const char* yaml, const Value& s) {
  return evaluate(parse(yaml), s).truth;
}

}  // namespace

TEST_CASE("attribute tests on known, absent and unknown values") {
  const Value known =
      subject({{"acl", Value::string("public-read")}, {"n", Value::number(5, "5")}});
  const Value unknown = subject({{"acl", Value::unknown("var.acl")}});
  const Value absent = subject({});

  CHECK(eval("{attribute: acl, equals: public-read}", known) == Truth::true_);
  CHECK(eval("{attribute: acl, equals: private}", known) == Truth::false_);
  CHECK(eval("{attribute: acl, equals: private}", unknown) == Truth::unknown);
  CHECK(eval("{attribute: acl, equals: private}", absent) == Truth::false_);

  CHECK(eval("{attribute: acl, not_equals: private}", known) == Truth::true_);
  CHECK(eval("{attribute: acl, not_equals: private}", absent) == Truth::true_);
  CHECK(eval("{attribute: acl, not_equals: private}", unknown) == Truth::unknown);

  CHECK(eval("{attribute: acl, exists: true}", unknown) == Truth::true_);
  CHECK(eval("{attribute: acl, exists: false}", absent) == Truth::true_);
  CHECK(eval("{attribute: acl, in: [a, public-read]}", known) == Truth::true_);
  CHECK(eval("{attribute: acl, matches: '^public-'}", known) == Truth::true_);
  CHECK(eval("{attribute: acl, matches: '^private'}", unknown) == Truth::unknown);
  CHECK(eval("{attribute: n, at_least: 5}", known) == Truth::true_);
  CHECK(eval("{attribute: n, greater_than: 5}", known) == Truth::false_);
}

TEST_CASE("loose equality: CloudFormation strings equal Terraform bools and numbers") {
  const Value cfn = subject({{"on", Value::string("True")}, {"days", Value::string("7")}});
  CHECK(eval("{attribute: on, equals: true}", cfn) == Truth::true_);
  CHECK(eval("{attribute: days, equals: 7}", cfn) == Truth::true_);
  CHECK(eval("{attribute: days, less_than: 10}", cfn) == Truth::true_);
  CHECK_FALSE(loosely_equal(Value::string("yes"), Value::boolean(true)));
}

TEST_CASE("junctions never turn unknown into a decision") {
  const Value s = subject({{"a", Value::unknown("x")}, {"b", Value::string("v")}});
  CHECK(eval("{any: [{attribute: a, equals: 1}, {attribute: b, equals: v}]}", s) == Truth::true_);
  CHECK(eval("{any: [{attribute: a, equals: 1}, {attribute: b, equals: w}]}", s) == Truth::unknown);
  CHECK(eval("{all: [{attribute: a, equals: 1}, {attribute: b, equals: w}]}", s) == Truth::false_);
  CHECK(eval("{all: [{attribute: a, equals: 1}, {attribute: b, equals: v}]}", s) == Truth::unknown);
  CHECK(eval("{not: {attribute: a, equals: 1}}", s) == Truth::unknown);
  CHECK(eval("{not: {attribute: b, equals: w}}", s) == Truth::true_);
}

TEST_CASE("quantifiers over lists, with a single map as a list of one") {
  Value grant_public = subject({{"uri", Value::string("AllUsers")}});
  Value grant_user = subject({{"uri", Value::string("user")}});
  const Value two = subject({{"grants", Value::list({grant_user, grant_public})}});
  const Value one = subject({{"grants", grant_user}});
  const Value with_unknown =
      subject({{"grants", Value::list({grant_user, Value::unknown("dynamic")})}});

  const char* some = "{some: {attribute: grants, where: {attribute: uri, equals: AllUsers}}}";
  const char* each = "{each: {attribute: grants, where: {attribute: uri, equals: user}}}";
  CHECK(eval(some, two) == Truth::true_);
  CHECK(eval(some, one) == Truth::false_);
  CHECK(eval(some, with_unknown) == Truth::unknown);
  CHECK(eval(some, subject({})) == Truth::false_);
  CHECK(eval(each, two) == Truth::false_);
  CHECK(eval(each, one) == Truth::true_);
  CHECK(eval(each, with_unknown) == Truth::unknown);
  CHECK(eval(each, subject({})) == Truth::true_);

  Outcome o = evaluate(parse(some), two);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->text() == "AllUsers");
  CHECK(o.attribute == "grants[].uri");
}

TEST_CASE("paths through block lists test every value reached") {
  Value block = subject({{"status", Value::string("Enabled")}});
  const Value s = subject({{"versioning", Value::list({block})}});
  CHECK(eval("{attribute: versioning.status, equals: Enabled}", s) == Truth::true_);
}

TEST_CASE("invalid conditions name their line") {
  auto line_of = [](const char* yaml) {
    try {
      parse(yaml);
    } catch (const PolicyFileError& e) {
      return e.line;
    }
    return -1;
  };
  CHECK(line_of("attribute: a\nsmells: b\n") == 1);
  CHECK(line_of("any:\n  - attribute: a\n    matches: '('\n") == 3);
  CHECK(line_of("all: []\n") == 1);
  CHECK(line_of("{attribute: a, equals: 1, in: [1]}") == 1);
  CHECK(line_of("{frobnicate: 1}") == 1);
}

TEST_CASE("a guard decides truth but never where the finding points") {
  const Value s = subject({{"tokens", Value::string("optional")},
                           {"image", Value::string("ami-0abc")},
                           {"later", Value::unknown("variable \"x\" has no value")}});
  const Condition plain =
      parse("{all: [{attribute: image, matches: '^ami-'}, {attribute: tokens, equals: optional}]}");
  const Outcome located = evaluate(plain, s);
  REQUIRE(located.truth == Truth::true_);
  CHECK(located.attribute == "image");
  const Condition guarded = parse(
      "{all: [{guard: {attribute: image, matches: '^ami-'}}, "
      "{attribute: tokens, equals: optional}]}");
  const Outcome o = evaluate(guarded, s);
  REQUIRE(o.truth == Truth::true_);
  CHECK(o.attribute == "tokens");
  CHECK(eval("{guard: {attribute: image, equals: nope}}", s) == Truth::false_);
  // Undecided guards keep the unknown value, so a review finding can say why.
  const Outcome undecided = evaluate(parse("{guard: {attribute: later, equals: 1}}"), s);
  CHECK(undecided.truth == Truth::unknown);
  REQUIRE(undecided.witness != nullptr);
  CHECK(undecided.witness->text() == "variable \"x\" has no value");
}
