// The IAM policy model's reader (iam/policy.hpp): statement shapes, principals, conditions,
// JSON text inside strings with positions mapped back to the source, unknown parts.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "iam/policy.hpp"
#include "iam_test_support.hpp"
#include "test_support.hpp"

using iacscan::detail::Span;
using iacscan::detail::Value;
using iacscan::detail::iam::ConditionOperator;
using iacscan::detail::iam::Effect;
using iacscan::detail::iam::Policy;
using iacscan::detail::iam::read_policy;
using iacscan::testing::policy_from_json;
using iacscan::testing::where;
using iacscan::testing::with_unknowns;

namespace {

Span lines(std::uint32_t first, std::uint32_t last) {
  Span span;
  span.file = 3;
  span.range = {first, 5, last, 4};
  return span;
}

}  // namespace

TEST_CASE("iam reader: a statement as an object or as a list") {
  const Policy single = policy_from_json(
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}})");
  REQUIRE(single.statements.size() == 1);
  CHECK(single.statements[0].index == 0);
  CHECK(single.statements[0].effect == Effect::allow);
  CHECK_FALSE(single.statements[0].action.was_list);
  CHECK(single.statements[0].action.items[0].text == "s3:GetObject");

  const Policy listed = policy_from_json(R"({"Statement": [
    {"Sid": "One", "Effect": "Deny", "Action": ["s3:*", "ec2:*"], "Resource": "*"},
    {"Effect": "Allow", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::x"], "Extra": 1}
  ]})");
  REQUIRE(listed.statements.size() == 2);
  CHECK(listed.statements[1].index == 1);
  CHECK(listed.statements[0].has_sid);
  CHECK(listed.statements[0].sid.text == "One");
  CHECK(listed.statements[0].action.was_list);
  CHECK(listed.statements[0].action.items.size() == 2);
  CHECK(listed.statements[1].not_action.present);
  CHECK(listed.statements[1].not_resource.contains_text("arn:aws:s3:::x"));
  REQUIRE(listed.statements[1].unexpected_keys.size() == 1);
  CHECK(listed.statements[1].unexpected_keys[0].first == "Extra");
  CHECK_FALSE(listed.has_version);
  CHECK(where(listed.statements[1].span).starts_with("3:"));
}

TEST_CASE("iam reader: principal forms") {
  const Policy p = policy_from_json(R"({"Statement": [
    {"Effect": "Allow", "Principal": "*"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}},
    {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "*"], "Service": "sns.amazonaws.com"}},
    {"Effect": "Allow", "Principal": "arn:aws:iam::123456789012:root"},
    {"Effect": "Allow", "NotPrincipal": {"Federated": "cognito-identity.amazonaws.com"}}
  ]})");
  REQUIRE(p.statements.size() == 5);
  CHECK(p.statements[0].principal.wildcard);
  REQUIRE(p.statements[1].principal.entries.size() == 1);
  CHECK(p.statements[1].principal.entries[0].type == "AWS");
  CHECK_FALSE(p.statements[1].principal.entries[0].values.was_list);
  const auto& both = p.statements[2].principal.entries;
  REQUIRE(both.size() == 2);
  CHECK(both[0].values.was_list);
  CHECK(both[0].values.contains_text("*"));
  CHECK(both[1].type == "Service");
  CHECK(p.statements[3].principal.malformed);  // a string principal can only be "*"
  CHECK(p.statements[4].not_principal.present);
  CHECK(p.statements[4].not_principal.entries[0].type == "Federated");
}

TEST_CASE("iam reader: condition operators and values") {
  const Policy p =
      policy_from_json(R"({"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*", "env"]},
      "NumericLessThan": {"s3:max-keys": 10, "aws:MultiFactorAuthAge": "3600"},
      "Bool": {"aws:SecureTransport": false},
      "ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-1/r-2/"}
    }}})");
  const auto& c = p.statements[0].condition;
  REQUIRE(c.present);
  CHECK_FALSE(c.malformed);
  CHECK_FALSE(c.unknown);
  REQUIRE(c.clauses.size() == 5);
  CHECK(c.clauses[0].op.written == "ForAnyValue:StringLikeIfExists");
  CHECK(c.clauses[0].op.base == "StringLike");
  CHECK(c.clauses[0].op.if_exists);
  CHECK(c.clauses[0].op.qualifier == ConditionOperator::SetQualifier::for_any_value);
  CHECK(c.clauses[0].values.items.size() == 2);
  CHECK(c.clauses[1].key == "s3:max-keys");
  CHECK(c.clauses[1].values.items[0].text == "10");
  CHECK(c.clauses[1].values.items[0].is_string);  // numbers are fine as condition values
  CHECK(c.clauses[3].key == "aws:SecureTransport");
  CHECK(c.clauses[3].values.items[0].text == "false");
  CHECK(c.clauses[4].op.qualifier == ConditionOperator::SetQualifier::for_all_values);
  CHECK_FALSE(c.clauses[4].op.if_exists);
  CHECK(c.clauses[4].op.base == "StringEquals");
  // Clauses keep where the operator and the key were written.
  CHECK(where(c.clauses[1].op_span).starts_with("4:"));
  CHECK(where(c.clauses[2].key_span).starts_with("4:"));

  const Policy bad = policy_from_json(
      R"({"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": "x"}}})");
  CHECK(bad.statements[0].condition.malformed);
  const Policy not_map = policy_from_json(
      R"({"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": []}})");
  CHECK(not_map.statements[0].condition.malformed);
}

TEST_CASE("iam reader: parse_condition_operator") {
  using iacscan::detail::iam::parse_condition_operator;
  const ConditionOperator null_op = parse_condition_operator("Null");
  CHECK(null_op.base == "Null");
  CHECK_FALSE(null_op.if_exists);
  // "IfExists" alone is not an operator with the suffix.
  CHECK(parse_condition_operator("IfExists").base == "IfExists");
  const ConditionOperator all = parse_condition_operator("ForAllValues:ArnLikeIfExists");
  CHECK(all.base == "ArnLike");
  CHECK(all.if_exists);
  CHECK(all.qualifier == ConditionOperator::SetQualifier::for_all_values);
}

TEST_CASE("iam reader: JSON text in a multi-line string maps to the source lines") {
  // A heredoc: the opening "<<EOF" is on line 10, the text on lines 11-19, "EOF" on 20.
  const std::string text =
      "{\n"
      "  \"Version\": \"2012-10-17\",\n"
      "  \"Statement\": [\n"
      "    {\n"
      "      \"Effect\": \"Allow\",\n"
      "      \"Action\": \"s3:*\",\n"
      "      \"Resource\": \"*\"\n"
      "    }\n"
      "  ]\n"
      "}\n";
  const Policy p = read_policy(Value::string(text, lines(10, 20)));
  REQUIRE_FALSE(p.malformed);
  REQUIRE(p.statements.size() == 1);
  CHECK(p.source_text == text);
  CHECK(p.statements[0].span.file == 3);
  CHECK(p.statements[0].span.range.start_line == 14);
  CHECK(p.statements[0].span.range.end_line == 18);
  CHECK(p.statements[0].action.span.range.start_line == 16);
  CHECK(p.statements[0].effect_element.span.range.start_line == 15);
  CHECK(p.version.span.range.start_line == 12);
  CHECK(p.span == lines(10, 20));
}

TEST_CASE("iam reader: JSON text in a one-line string stays on its line") {
  Span quoted;
  quoted.file = 2;
  quoted.range = {7, 12, 7, 90};
  const std::string text = R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})";
  const Policy p = read_policy(Value::string(text, quoted));
  REQUIRE(p.statements.size() == 1);
  const Span& action = p.statements[0].action.span;
  CHECK(action.range.start_line == 7);
  CHECK(action.range.end_line == 7);
  // Columns count from the opening quote: the action's text starts at byte 42 of the JSON.
  CHECK(action.range.start_column == 12 + 42);
}

TEST_CASE("iam reader: unknown parts inside strings make elements unknown") {
  const std::string text = with_unknowns(R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "<?>", "Action": "s3:<?>", "Resource": "arn:aws:s3:::<?>/*",
     "Principal": {"AWS": "arn:aws:iam::<?>:root"}},
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": "<?>",
     "Condition": {"StringEquals": {"aws:SourceAccount": "<?>"}}}
  ]})");
  const Policy p = iacscan::testing::policy_from_string(text);
  REQUIRE_FALSE(p.unknown);
  REQUIRE(p.statements.size() == 2);
  const auto& first = p.statements[0];
  CHECK(first.effect == Effect::unknown);
  CHECK(first.action.items[0].unknown);
  CHECK(first.action.has_unknown());
  CHECK_FALSE(first.action.unknown);  // the list itself is known: one item
  CHECK(first.resource.items[0].unknown);
  CHECK(first.principal.entries[0].values.items[0].unknown);
  const auto& second = p.statements[1];
  CHECK(second.effect == Effect::allow);
  CHECK_FALSE(second.action.items[0].unknown);
  CHECK(second.principal.unknown);
  CHECK(second.condition.clauses[0].values.items[0].unknown);
  // contains_text only finds known items.
  CHECK_FALSE(first.resource.contains_text(first.resource.items[0].text));
}

TEST_CASE("iam reader: unknown parts outside strings make the policy unknown") {
  const Policy p = iacscan::testing::policy_from_string(
      with_unknowns(R"({"Version": "2012-10-17", "Statement": <?>})"));
  CHECK(p.unknown);
  CHECK_FALSE(p.malformed);
  CHECK_FALSE(p.unknown_reason.empty());
}

TEST_CASE("iam reader: unknown values") {
  Value::Map statement;
  statement.push_back({"Effect", {}, Value::string("Allow")});
  statement.push_back({"Action", {}, Value::unknown("var.actions")});
  statement.push_back({"Resource", {}, Value::list({Value::string("*"), Value::unknown("x")})});
  statement.push_back({"Condition", {}, Value::unknown("var.condition")});
  Value::Map document;
  document.push_back({"Version", {}, Value::string("2012-10-17")});
  document.push_back(
      {"Statement", {}, Value::list({Value::map(statement), Value::unknown("local.extra")})});
  const Policy p = read_policy(Value::map(document));
  REQUIRE(p.statements.size() == 2);
  CHECK(p.source_text.empty());  // a structure
  CHECK(p.statements[0].action.unknown);
  CHECK_FALSE(p.statements[0].resource.unknown);
  CHECK(p.statements[0].resource.items[1].unknown);
  CHECK(p.statements[0].condition.unknown);
  CHECK(p.statements[1].unknown);

  Value::Map unknown_statements;
  unknown_statements.push_back({"Statement", {}, Value::unknown("var.statements")});
  const Policy q = read_policy(Value::map(unknown_statements));
  CHECK(q.statement_unknown);
  CHECK(q.statements.empty());

  const Policy r = read_policy(Value::unknown("aws_iam_policy_document.x.json"));
  CHECK(r.unknown);
  CHECK(r.unknown_reason == "aws_iam_policy_document.x.json");
}

TEST_CASE("iam reader: text that is not JSON") {
  const std::string text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}\n";
  const Policy p = read_policy(Value::string(text, lines(30, 35)));
  CHECK(p.malformed);
  CHECK_FALSE(p.unknown);
  CHECK(p.malformed_reason.find("not valid JSON") != std::string::npos);
  CHECK(p.malformed_span.file == 3);
  CHECK(p.malformed_span.range.start_line == 34);  // text line 4, after the opening line
  CHECK(p.statements.empty());
}

TEST_CASE("iam reader: a document that is not an object") {
  const Policy list = read_policy(Value::list({Value::string("s3:*")}, lines(4, 4)));
  CHECK(list.malformed);
  CHECK(list.malformed_span == lines(4, 4));
  const Policy number = read_policy(Value::number(1, "1"));
  CHECK(number.malformed);
  const Policy json_list = iacscan::testing::policy_from_string(R"(["Allow"])");
  CHECK(json_list.malformed);
  CHECK(json_list.source_text == R"(["Allow"])");
}

TEST_CASE("iam reader: a string encoding a structure reads the structure") {
  // What Terraform's jsonencode leaves: the text it sends and the positioned structure.
  Value::Map statement;
  statement.push_back({"Effect", {}, Value::string("Allow", lines(8, 8))});
  statement.push_back({"Action", {}, Value::string("s3:*", lines(9, 9))});
  Value::Map document;
  document.push_back({"Statement", {}, Value::list({Value::map(statement, lines(7, 10))})});
  Value encoded =
      Value::string(R"({"Statement":[{"Effect":"Allow","Action":"s3:*"}]})", lines(6, 11));
  auto text = std::make_shared<iacscan::detail::EncodedText>();
  text->structure = std::make_shared<const Value>(Value::map(document, lines(6, 11)));
  encoded.encoded = text;
  const Policy p = read_policy(encoded);
  REQUIRE(p.statements.size() == 1);
  CHECK(p.statements[0].span.range.start_line == 7);
  CHECK(p.statements[0].action.span.range.start_line == 9);
  CHECK(p.source_text == encoded.text());
}
