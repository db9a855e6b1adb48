// data "aws_iam_policy_document": the provider's rendering (single values as strings, sets in
// reverse order, principals and conditions), source/override merging, unknown parts, spans,
// the JSON text, and malformed bodies.
//
// Bodies are written as JSON and read with the JSON reader: the evaluated block has the same
// shape (attributes by name, nested blocks as lists of maps) and every part gets a span.
// Expected documents come from the provider's own acceptance tests and documentation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "terraform/policy_document.hpp"
#include "terraform/value_ops.hpp"
#include "test_support.hpp"
#include "value/json_reader.hpp"

using iacscan::detail::read_json;
using iacscan::detail::ReadResult;
using iacscan::detail::Span;
using iacscan::detail::Value;
using iacscan::detail::tf::is_error;
using iacscan::detail::tf::policy_document_json;
using iacscan::detail::tf::PolicyJsonLayout;
using iacscan::detail::tf::render_policy_document;

using iacscan::testing::where;

namespace {

const Span kBlockSpan{3, {1, 1, 40, 1}};

Value body_from(const std::string& json) {
  ReadResult result = read_json(json, 3);
  INFO("body: " << json);
  REQUIRE(result.ok());
  return *result.value;
}

Value render(const Value& body) {
  return render_policy_document(body, kBlockSpan);
}

// The provider's minified_json for `body`.
std::string rendered_json(const Value& body, PolicyJsonLayout layout = PolicyJsonLayout::minified) {
  const Value text = policy_document_json(render(body), kBlockSpan, layout);
  INFO("reason: " << text.text());
  REQUIRE(text.is_string());
  return text.text();
}

std::string rendered_json(const std::string& body_json) {
  return rendered_json(body_from(body_json));
}

Value unknown_from(const std::string& ref) {
  Value unknown = Value::unknown("known after apply", Span{3, {9, 9, 9, 20}});
  unknown.refs = {ref};
  return unknown;
}

// A JSON string literal holding `json`, for source_policy_documents in a JSON body.
std::string quoted(const std::string& json) {
  std::string out = "\"";
  for (char c : json) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

Value& first_statement(Value& body) {
  return body.find("statement")->items().front();
}

}  // namespace

TEST_CASE("policy document: the provider's basic example, minified and indented") {
  const Value body = body_from(R"({
    "policy_id": "policy_id",
    "statement": [
      {"sid": "1", "actions": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
       "resources": ["arn:aws:s3:::*"]},
      {"actions": ["s3:ListBucket"], "resources": ["arn:aws:s3:::foo"],
       "condition": [{"test": "StringLike", "variable": "s3:prefix",
                      "values": ["home/", "", "home/&{aws:username}/"]}],
       "not_principals": [{"type": "AWS", "identifiers": ["arn:blahblah:example"]}]},
      {"actions": ["s3:*"],
       "resources": ["arn:aws:s3:::foo/home/&{aws:username}",
                     "arn:aws:s3:::foo/home/&{aws:username}/*"],
       "principals": [{"type": "AWS", "identifiers": ["arn:blahblah:example"]}]},
      {"effect": "Deny", "not_actions": ["s3:*"], "not_resources": ["arn:aws:s3:::*"]},
      {"effect": "Allow", "actions": ["kinesis:*"],
       "principals": [{"type": "AWS", "identifiers": ["*"]}]},
      {"effect": "Allow", "actions": ["firehose:*"],
       "principals": [{"type": "*", "identifiers": ["*"]}]}
    ]})");
  CHECK(
      rendered_json(body) ==
      R"({"Version":"2012-10-17","Id":"policy_id","Statement":[)"
      R"({"Sid":"1","Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetBucketLocation"],)"
      R"("Resource":"arn:aws:s3:::*"},)"
      R"({"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::foo",)"
      R"("NotPrincipal":{"AWS":"arn:blahblah:example"},)"
      R"("Condition":{"StringLike":{"s3:prefix":["home/","","home/${aws:username}/"]}}},)"
      R"({"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::foo/home/${aws:username}/*",)"
      R"("arn:aws:s3:::foo/home/${aws:username}"],"Principal":{"AWS":"arn:blahblah:example"}},)"
      R"({"Effect":"Deny","NotAction":"s3:*","NotResource":"arn:aws:s3:::*"},)"
      R"({"Effect":"Allow","Action":"kinesis:*","Principal":{"AWS":"*"}},)"
      R"({"Effect":"Allow","Action":"firehose:*","Principal":"*"}]})");

  const Value small = body_from(R"({"statement": [{"sid": "A", "actions": ["s3:*"],
                                                   "resources": ["b", "a"]}]})");
  CHECK(rendered_json(small, PolicyJsonLayout::indented) ==
        "{\n"
        "  \"Version\": \"2012-10-17\",\n"
        "  \"Statement\": [\n"
        "    {\n"
        "      \"Sid\": \"A\",\n"
        "      \"Effect\": \"Allow\",\n"
        "      \"Action\": \"s3:*\",\n"
        "      \"Resource\": [\n"
        "        \"b\",\n"
        "        \"a\"\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}");
}

TEST_CASE("policy document: defaults and omitted keys") {
  // No statements: the provider leaves the Statement key out.
  CHECK(rendered_json("{}") == R"({"Version":"2012-10-17"})");
  CHECK(rendered_json(R"({"version": "2008-10-17", "policy_id": ""})") ==
        R"({"Version":"2008-10-17"})");
  // Effect defaults to Allow; an empty Sid and empty sets are left out.
  CHECK(rendered_json(R"({"statement": [{"sid": "", "actions": ["ec2:*"], "resources": []}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*"}]})");
  // Null attributes mean "not set".
  CHECK(rendered_json(R"({"version": null, "statement": [{"effect": null, "sid": null,
                                                          "actions": ["a"]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a"}]})");
}

TEST_CASE("policy document: sets render one value as a string, several in reverse order") {
  CHECK(rendered_json(R"({"statement": [{"actions": ["b", "c", "a", "c"]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["c","b","a"]}]})");
  // A repeated value is one value, so it is written as a string.
  CHECK(rendered_json(R"({"statement": [{"actions": ["x", "x"]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"x"}]})");
  // Numbers and bools are converted to strings as Terraform converts them.
  CHECK(rendered_json(R"({"statement": [{"not_resources": [10, true]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotResource":["true","10"]}]})");
  // "&{" becomes "${" in resources but not in actions.
  CHECK(
      rendered_json(R"({"statement": [{"actions": ["&{a}"], "resources": ["&{b}"]}]})") ==
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"\u0026{a}","Resource":"${b}"}]})");
}

TEST_CASE("policy document: principals") {
  SUBCASE("several blocks of one type are concatenated") {
    // The provider's acceptance test: a string then a reverse-sorted list.
    CHECK(rendered_json(R"({"statement": [{"actions": ["*"], "resources": ["*"], "sid": "S",
      "principals": [
        {"type": "AWS", "identifiers": ["arn:aws:iam::111111111111:root"]},
        {"type": "AWS", "identifiers": ["arn:aws:iam::222222222222:root",
                                        "arn:aws:iam::333333333333:root"]}]}]})") ==
          R"({"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"*",)"
          R"("Resource":"*","Principal":{"AWS":["arn:aws:iam::111111111111:root",)"
          R"("arn:aws:iam::333333333333:root","arn:aws:iam::222222222222:root"]}}]})");
  }
  SUBCASE("types are sorted, identical blocks count once") {
    CHECK(
        rendered_json(R"({"statement": [{"principals": [
        {"type": "Service", "identifiers": ["lambda.amazonaws.com", "ec2.amazonaws.com"]},
        {"type": "AWS", "identifiers": ["123456789012"]},
        {"type": "AWS", "identifiers": ["123456789012"]}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012",)"
        R"("Service":["lambda.amazonaws.com","ec2.amazonaws.com"]}}]})");
  }
  SUBCASE("only a lone {*: [*]} becomes \"*\"") {
    CHECK(rendered_json(
              R"({"statement": [{"principals": [{"type": "*", "identifiers": ["*"]}]}]})") ==
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*"}]})");
    CHECK(
        rendered_json(R"({"statement": [{"principals": [{"type": "*", "identifiers": ["*"]},
                                                          {"type": "AWS", "identifiers": ["*"]}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"*":"*","AWS":"*"}}]})");
    CHECK(
        rendered_json(
            R"({"statement": [{"not_principals": [{"type": "AWS", "identifiers": ["*"]}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"*"}}]})");
  }
  SUBCASE("empty identifiers are written as an empty list") {
    CHECK(
        rendered_json(R"({"statement": [{"principals": [{"type": "AWS", "identifiers": []}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[]}}]})");
  }
  SUBCASE("&{ is substituted in identifiers") {
    CHECK(
        rendered_json(R"({"statement": [{"principals": [{"type": "AWS",
                                                            "identifiers": ["&{aws:userid}"]}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${aws:userid}"}}]})");
  }
}

TEST_CASE("policy document: conditions") {
  CHECK(
      rendered_json(R"({"statement": [{"actions": ["s3:GetObject"], "condition": [
      {"test": "StringEquals", "variable": "aws:SourceVpc", "values": ["vpc-1"]},
      {"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]},
      {"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-2", "o-1"]},
      {"test": "StringEquals", "variable": "aws:SourceVpc", "values": ["vpc-2"]},
      {"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]})") ==
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
      R"("Condition":{"Bool":{"aws:SecureTransport":"false"},)"
      R"("StringEquals":{"aws:PrincipalOrgID":["o-2","o-1"],"aws:SourceVpc":["vpc-1","vpc-2"]}}}]})");
  // Values keep their order and repeats; an empty list stays a list.
  CHECK(rendered_json(R"({"statement": [{"condition": [
      {"test": "T", "variable": "v", "values": ["b", "a", "b"]},
      {"test": "U", "variable": "w", "values": []}]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
        R"("Condition":{"T":{"v":["b","a","b"]},"U":{"w":[]}}}]})");
}

TEST_CASE("policy document: 2008-10-17 refuses policy variables") {
  const Value document = render(body_from(R"({"version": "2008-10-17", "statement": [
      {"actions": ["*"], "resources": ["arn:aws:s3:::foo/&{aws:username}"]}]})"));
  const Value& resource = *document.find("Statement")->items()[0].find("Resource");
  CHECK(is_error(resource));
  CHECK(resource.text().find("not supported in document version 2008-10-17") != std::string::npos);
  const Value text = policy_document_json(document, kBlockSpan);
  CHECK(is_error(text));
  // Without "&{" the old version renders normally.
  CHECK(
      rendered_json(R"({"version": "2008-10-17", "statement": [{"actions": ["ec2:*"],
                                                                   "resources": ["*"]}]})") ==
      R"({"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]})");
}

TEST_CASE("policy document: source_policy_documents come first, the block's Sids replace them") {
  const std::string policy_a =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"foo:ActionOne"},)"
      R"({"Sid":"validSidOne","Effect":"Allow","Action":"bar:ActionOne"}]})";
  const std::string policy_b =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"validSidTwo","Effect":"Deny","Action":"foo:ActionTwo"}]})";
  const std::string policy_c =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bar:ActionTwo"}]})";
  // The provider's source list example.
  CHECK(rendered_json(R"({"version": "2012-10-17", "source_policy_documents": [)" +
                      quoted(policy_a) + "," + quoted(policy_b) + "," + quoted(policy_c) + "]}") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"foo:ActionOne"},)"
        R"({"Sid":"validSidOne","Effect":"Allow","Action":"bar:ActionOne"},)"
        R"({"Sid":"validSidTwo","Effect":"Deny","Action":"foo:ActionTwo"},)"
        R"({"Effect":"Allow","Action":"bar:ActionTwo"}]})");
  // A statement of the block with a source Sid replaces it in place.
  CHECK(rendered_json(R"({"source_policy_documents": [)" + quoted(policy_a) +
                      R"(], "statement": [{"sid": "validSidOne", "actions": ["s3:*"]},
                                          {"actions": ["ec2:*"]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"foo:ActionOne"},)"
        R"({"Sid":"validSidOne","Effect":"Allow","Action":"s3:*"},)"
        R"({"Effect":"Allow","Action":"ec2:*"}]})");
  // Sids must be unique across the source documents.
  const Value conflicting =
      render(body_from(R"({"source_policy_documents": [)" + quoted(policy_a) + "," +
                       quoted(R"({"Statement":[{"Sid":"validSidOne","Action":"x"}]})") + "]}"));
  CHECK(is_error(conflicting));
  CHECK(conflicting.text().find("duplicate Sid (validSidOne)") != std::string::npos);
}

TEST_CASE("policy document: override_policy_documents replace by Sid or append") {
  const std::string policy_a =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"foo:ActionOne"},)"
      R"({"Sid":"overrideSid","Effect":"Allow","Action":"bar:ActionOne"}]})";
  const std::string policy_b =
      R"({"Statement":[{"Sid":"validSid","Effect":"Deny","Action":"foo:ActionTwo"}]})";
  const std::string policy_c =
      R"({"Statement":[{"Sid":"overrideSid","Effect":"Deny","Action":"bar:ActionOne"}]})";
  // The provider's override list example.
  CHECK(rendered_json(R"({"version": "2012-10-17", "override_policy_documents": [)" +
                      quoted(policy_a) + "," + quoted(policy_b) + "," + quoted(policy_c) + "]}") ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"foo:ActionOne"},)"
        R"({"Sid":"overrideSid","Effect":"Deny","Action":"bar:ActionOne"},)"
        R"({"Sid":"validSid","Effect":"Deny","Action":"foo:ActionTwo"}]})");
  // Over the block's own statements; an override's Id replaces the block's.
  CHECK(rendered_json(R"({"policy_id": "mine", "statement": [
                          {"sid": "overrideSid", "actions": ["s3:*"]}, {"actions": ["ec2:*"]}],
                          "override_policy_documents": [)" +
                      quoted(policy_c) + "," + quoted(R"({"Id":"theirs"})") + "]}") ==
        R"({"Version":"2012-10-17","Id":"theirs","Statement":[)"
        R"({"Sid":"overrideSid","Effect":"Deny","Action":"bar:ActionOne"},)"
        R"({"Effect":"Allow","Action":"ec2:*"}]})");
  // A later Version upgrades the document's.
  CHECK(rendered_json(R"({"version": "2008-10-17", "override_policy_documents": [)" +
                      quoted(R"({"Version":"2012-10-17"})") + "]}") ==
        R"({"Version":"2012-10-17"})");
}

TEST_CASE("policy document: the deprecated source_json and override_json") {
  const std::string source =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"OverridePlaceholder","Effect":"Allow",)"
      R"("Action":"ec2:DescribeAccountAttributes","Resource":"*"}]})";
  const std::string override_doc =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"OverridePlaceholder","Effect":"Allow",)"
      R"("Action":"s3:GetObject","Resource":"*"}]})";
  CHECK(rendered_json(R"({"source_json": )" + quoted(source) + R"(, "override_json": )" +
                      quoted(override_doc) + "}") ==
        R"({"Version":"2012-10-17","Statement":[{"Sid":"OverridePlaceholder","Effect":"Allow",)"
        R"("Action":"s3:GetObject","Resource":"*"}]})");
  // An empty source_json is unset.
  CHECK(rendered_json(R"({"source_json": "", "statement": [{"sid": "S", "actions": ["*"]}]})") ==
        R"({"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"*"}]})");
}

TEST_CASE("policy document: source documents pass through the provider's model") {
  const std::string source =
      R"({"version":"2012-10-17","statement":[{"sid":"A","effect":"Allow","action":["s3:GetObject"],)"
      R"("Resource":"arn:aws:s3:::b/*","Principal":"anyone","Extra":1,)"
      R"("Condition":{"Bool":{"aws:SecureTransport":false},"StringEquals":{"k":["v"],"n":5}}},)"
      R"({"Sid":"B","NotPrincipal":{"AWS":["b","c","a"],"*":"*"},"Action":[]},)"
      R"({"Sid":"C","Principal":{"*":["*"]}}]})";
  CHECK(
      rendered_json(R"({"source_policy_documents": [)" + quoted(source) + "]}") ==
      R"({"Version":"2012-10-17","Statement":[)"
      R"({"Sid":"A","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*",)"
      R"("Principal":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},"StringEquals":{"k":"v"}}},)"
      R"({"Sid":"B","Action":[],"NotPrincipal":{"*":"*","AWS":["c","b","a"]}},)"
      R"({"Sid":"C","Principal":"*"}]})");
}

TEST_CASE("policy document: source documents get the span and refs of their text") {
  Value body =
      body_from(R"({"source_policy_documents": ["{\"Statement\":[{\"Action\":\"x\"}]}"]})");
  Value& text = body.find("source_policy_documents")->items()[0];
  text.refs = {"data.aws_iam_policy_document.base"};
  const Span text_span = text.span;
  const Value document = render(body);
  const Value& statement = document.find("Statement")->items()[0];
  CHECK(statement.span == text_span);
  CHECK(statement.find("Action")->span == text_span);
  CHECK(statement.find("Action")->refs ==
        std::vector<std::string>{"data.aws_iam_policy_document.base"});
  const Value json = policy_document_json(document, kBlockSpan);
  CHECK(json.refs == std::vector<std::string>{"data.aws_iam_policy_document.base"});
}

TEST_CASE("policy document: spans point at the HCL each part came from") {
  const Value body = body_from(
      "{\"statement\": [\n"
      "  {\"actions\": [\"s3:GetObject\"],\n"
      "   \"resources\": [\"b\", \"a\"]}]}");
  const Value document = render(body);
  CHECK(document.span == kBlockSpan);
  CHECK(document.find("Version")->span == kBlockSpan);  // the default
  const Value& statements = *document.find("Statement");
  CHECK(where(statements.span) == "1:15-3:28");
  const Value& statement = statements.items()[0];
  CHECK(where(statement.span) == "2:3-3:27");
  CHECK(statement.find("Effect")->span == statement.span);      // the default
  CHECK(where(statement.find("Action")->span) == "2:16-2:29");  // the lone element
  const Value& resources = *statement.find("Resource");
  CHECK(where(resources.span) == "3:17-3:26");
  CHECK(where(resources.items()[0].span) == "3:18-3:20");       // "b", sorted first
  CHECK(where(statement.entries()[1].key_span) == "2:4-2:12");  // "actions"
}

TEST_CASE("policy document: unknown parts stay where they are") {
  SUBCASE("a whole attribute") {
    Value body = body_from(R"({"statement": [{"actions": ["s3:*"], "resources": ["*"]}]})");
    first_statement(body).set("resources", unknown_from("aws_s3_bucket.logs"));
    const Value document = render(body);
    const Value& statement = document.find("Statement")->items()[0];
    CHECK(statement.find("Action")->text() == "s3:*");
    CHECK(statement.find("Resource")->is_unknown());
    CHECK(statement.find("Resource")->refs == std::vector<std::string>{"aws_s3_bucket.logs"});
    const Value json = policy_document_json(document, kBlockSpan);
    CHECK(json.is_unknown());
    CHECK_FALSE(is_error(json));
    CHECK(json.refs == std::vector<std::string>{"aws_s3_bucket.logs"});
  }
  SUBCASE("an element follows the known ones") {
    Value body = body_from(R"({"statement": [{"resources": ["a", "PLACEHOLDER", "b"]}]})");
    first_statement(body).find("resources")->items()[1] = unknown_from("aws_s3_bucket.logs");
    const Value resource = *render(body).find("Statement")->items()[0].find("Resource");
    REQUIRE(resource.is_list());
    REQUIRE(resource.items().size() == 3);
    CHECK(resource.items()[0].text() == "b");
    CHECK(resource.items()[1].text() == "a");
    CHECK(resource.items()[2].is_unknown());
  }
  SUBCASE("a lone unknown element") {
    Value body = body_from(R"({"statement": [{"resources": ["PLACEHOLDER"]}]})");
    first_statement(body).find("resources")->items()[0] = unknown_from("aws_s3_bucket.logs");
    const Value resource = *render(body).find("Statement")->items()[0].find("Resource");
    CHECK(resource.is_unknown());
    CHECK(resource.refs == std::vector<std::string>{"aws_s3_bucket.logs"});
  }
  SUBCASE("principal identifiers and types") {
    Value body = body_from(R"({"statement": [{"principals": [
        {"type": "AWS", "identifiers": ["x"]}, {"type": "Service", "identifiers": ["s"]}]}]})");
    Value& principals = *first_statement(body).find("principals");
    principals.items()[0].set("identifiers", unknown_from("aws_iam_role.r"));
    const Value principal = *render(body).find("Statement")->items()[0].find("Principal");
    REQUIRE(principal.is_map());
    CHECK(principal.find("AWS")->is_unknown());
    CHECK(principal.find("Service")->text() == "s");

    principals.items()[1].set("type", unknown_from("var.kind"));
    const Value open = *render(body).find("Statement")->items()[0].find("Principal");
    CHECK(open.is_unknown());
    CHECK(open.refs == std::vector<std::string>{"aws_iam_role.r", "var.kind"});
  }
  SUBCASE("condition values and keys") {
    Value body = body_from(R"({"statement": [{"condition": [
        {"test": "StringEquals", "variable": "aws:SourceVpc", "values": ["v"]}]}]})");
    Value& condition = first_statement(body).find("condition")->items()[0];
    condition.set("values", unknown_from("aws_vpc.main"));
    const Value known_keys = *render(body).find("Statement")->items()[0].find("Condition");
    CHECK(known_keys.find("StringEquals")->find("aws:SourceVpc")->is_unknown());
    condition.set("test", unknown_from("var.test"));
    CHECK(render(body).find("Statement")->items()[0].find("Condition")->is_unknown());
  }
  SUBCASE("a Sid, an effect, the statement list") {
    Value body = body_from(R"({"statement": [{"actions": ["a"]}]})");
    first_statement(body).set("sid", unknown_from("var.sid"));
    first_statement(body).set("effect", unknown_from("var.effect"));
    const Value statement = render(body).find("Statement")->items()[0];
    CHECK(statement.find("Sid")->is_unknown());
    CHECK(statement.find("Effect")->is_unknown());
    CHECK(statement.find("Action")->text() == "a");

    body.set("statement", unknown_from("var.statements"));
    const Value document = render(body);
    CHECK(document.find("Version")->text() == "2012-10-17");
    CHECK(document.find("Statement")->is_unknown());
  }
  SUBCASE("an unknown source document makes the document unknown") {
    Value body = body_from(R"({"statement": [{"actions": ["a"]}],
                               "source_policy_documents": ["{}", "PLACEHOLDER"]})");
    body.find("source_policy_documents")->items()[1] =
        unknown_from("data.aws_iam_policy_document.b");
    const Value document = render(body);
    CHECK(document.is_unknown());
    CHECK_FALSE(is_error(document));
    CHECK(document.refs == std::vector<std::string>{"data.aws_iam_policy_document.b"});
    body.set("override_policy_documents", unknown_from("var.overrides"));
    body.find("source_policy_documents")->items()[1] = Value::string("{}");
    CHECK(render(body).is_unknown());
  }
  SUBCASE("an unknown version") {
    Value body = body_from(R"({"statement": [{"resources": ["&{aws:username}"]}]})");
    body.set("version", unknown_from("var.version"));
    const Value document = render(body);
    CHECK(document.find("Version")->is_unknown());
    CHECK(document.find("Statement")->items()[0].find("Resource")->text() == "${aws:username}");
  }
}

TEST_CASE("policy document: what the provider refuses is an error") {
  CHECK(is_error(render(body_from(R"({"statement": [{"sid": "A"}, {"sid": "A"}]})"))));
  CHECK(is_error(render(body_from(R"({"source_policy_documents": ["not json"]})"))));
  CHECK(is_error(render(body_from(R"({"source_policy_documents": ["[1]"]})"))));
  CHECK(is_error(render(body_from(R"({"source_policy_documents": ["{\"Statement\":{}}"]})"))));
  CHECK(is_error(render(
      body_from(R"({"override_policy_documents": ["{\"Statement\":[{\"Principal\":null}]}"]})"))));
  CHECK(is_error(
      render(body_from(R"({"override_policy_documents": ["{\"Statement\":[{\"Sid\":1}]}"]})"))));
  // A JSON null document is an empty one to Go; null entries are skipped.
  CHECK(rendered_json(R"({"source_policy_documents": ["null", null]})") ==
        R"({"Version":"2012-10-17"})");
}

TEST_CASE("policy document: malformed bodies never crash") {
  const std::vector<std::string> bodies = {
      R"([])",
      R"("text")",
      R"({"statement": "s"})",
      R"({"statement": ["s", 1, null, []]})",
      R"({"statement": [{"actions": "s3:*"}]})",
      R"({"statement": [{"actions": {"a": 1}}]})",
      R"({"statement": [{"actions": [[], {}, null]}]})",
      R"({"statement": [{"principals": [{"identifiers": ["x"]}]}]})",
      R"({"statement": [{"principals": [{"type": "AWS"}]}]})",
      R"({"statement": [{"principals": [{"type": [], "identifiers": "x"}]}]})",
      R"({"statement": [{"principals": {"type": "AWS"}}]})",
      R"({"statement": [{"principals": ["x"]}]})",
      R"({"statement": [{"condition": [{"test": "T", "variable": "v"}]}]})",
      R"({"statement": [{"condition": [{"test": "T", "variable": "v", "values": {"a": 1}}]}]})",
      R"({"statement": [{"condition": [{"test": {}, "variable": "v", "values": []}]}]})",
      R"({"statement": [{"condition": "c"}]})",
      R"({"statement": [{"sid": [], "effect": {}}]})",
      R"({"version": [], "policy_id": {}})",
      R"({"source_policy_documents": "x"})",
      R"({"source_policy_documents": [1, true]})",
      R"({"source_policy_documents": [[]]})",
      R"({"source_json": 5, "override_json": "{\"Statement\":[null]}"})",
      R"({"override_policy_documents": ["{\"Statement\":[{\"Condition\":{\"A\":{\"b\":[1]}}}]}"]})",
      R"({"override_policy_documents": ["{\"Statement\":[{\"Condition\":[]}]}"]})",
      R"({"override_policy_documents": ["{\"Statement\":[{\"Principal\":{\"AWS\":5}}]}"]})",
      R"({"override_policy_documents": ["{\"Version\":2}"]})",
  };
  for (const std::string& json : bodies) {
    INFO("body: " << json);
    const Value document = render(body_from(json));
    const Value text = policy_document_json(document, kBlockSpan);
    CHECK((text.is_string() || text.is_unknown()));
    const Value indented = policy_document_json(document, kBlockSpan, PolicyJsonLayout::indented);
    CHECK((indented.is_string() || indented.is_unknown()));
  }
  // A wrong type spoils only the part it is in.
  const Value document = render(body_from(R"({"statement": [{"actions": "s3:*",
                                                              "resources": ["*"]}]})"));
  const Value& statement = document.find("Statement")->items()[0];
  CHECK(is_error(*statement.find("Action")));
  CHECK(statement.find("Resource")->text() == "*");
}

TEST_CASE("policy document JSON: strings and numbers as Go writes them") {
  const std::string source =
      R"({"Statement":[{"Action":["<a&b>","q\"\\\n\t\u0001\u007f","\u2028\u2029é"],)"
      R"("Resource":[1e21,1e-7,0.5,100,-0,123456789012345678]}]})";
  CHECK(rendered_json(R"({"source_policy_documents": [)" + quoted(source) + "]}") ==
        R"({"Version":"2012-10-17","Statement":[{"Action":["\u003ca\u0026b\u003e",)"
        "\"q\\\"\\\\\\n\\t\\u0001\x7f\",\"\\u2028\\u2029\xC3\xA9\"],"
        R"("Resource":[1e+21,1e-7,0.5,100,-0,123456789012345680]}]})");
  // Invalid UTF-8 in a string from HCL is written as U+FFFD.
  Value body = body_from(R"({"statement": [{"actions": ["PLACEHOLDER"]}]})");
  first_statement(body).find("actions")->items()[0] = Value::string(
      "a\xFF"
      "b");
  CHECK(rendered_json(body) ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a\ufffdb"}]})");
}
