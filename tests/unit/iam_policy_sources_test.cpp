// Where policies come from: the documents inside CloudFormation and Terraform resources
// (embedded_policies), read with positions that point at the statement's own line even inside
// a heredoc, a jsonencode or an aws_iam_policy_document; standalone policy files and their
// classification (policy_file); AI services opt-out policies; document sizes.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "cfn_test_support.hpp"
#include "iam/ai_opt_out.hpp"
#include "iam/document_size.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy.hpp"
#include "iam/policy_file.hpp"
#include "iam/scp_size.hpp"
#include "source/path_glob.hpp"
#include "test_support.hpp"
#include "tf_test_support.hpp"
#include "value/json_reader.hpp"

namespace iam = iacscan::detail::iam;
using iacscan::detail::path_glob_match;
using iacscan::detail::read_json;
using iacscan::detail::Resource;
using iacscan::detail::Value;
using iacscan::testing::evaluate_main;
using iacscan::testing::load_template;
using iacscan::testing::resource_of;

namespace {

iam::Policy only_policy(const Resource& resource, iam::PolicyType expected_type) {
  const auto found = iam::find_policies(resource);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == expected_type);
  return iam::read_policy(*found[0].document);
}

Value json(const std::string& text) {
  auto result = read_json(text, 0);
  REQUIRE(result.ok());
  return *result.value;
}

std::optional<iam::PolicyType> classify(const std::string& path, const std::string& text,
                                        const iam::PolicyFileRules& rules = {}) {
  const Value root = json(text);
  auto found = iam::classify_policy_file(path, root, rules);
  if (!found) return std::nullopt;
  return found->type;
}

}  // namespace

TEST_CASE("a heredoc policy's statements point at their own lines in the .tf file") {
  auto e = evaluate_main(R"(resource "aws_iam_policy" "p" {
  name   = "p"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
EOF
}
)");
  const iam::Policy policy = only_policy(e.resource("aws_iam_policy.p"), iam::PolicyType::identity);
  REQUIRE(policy.statements.size() == 2);
  CHECK(policy.statements[0].span.range.start_line == 7);
  CHECK(policy.statements[1].span.range.start_line == 12);
  CHECK(policy.statements[1].action.items[0].span.range.start_line == 14);
  CHECK(policy.statements[1].action.items[0].text == "*");
  CHECK_FALSE(policy.source_text.empty());
}

TEST_CASE("a heredoc around an unknown ARN is still read; only that element is unknown") {
  auto e = evaluate_main(R"(resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "s3:GetObject",
    "Resource": "${aws_s3_bucket.b.arn}/*"
  }]
}
EOF
}
)");
  const iam::Policy policy =
      only_policy(e.resource("aws_s3_bucket_policy.p"), iam::PolicyType::resource);
  CHECK_FALSE(policy.unknown);
  REQUIRE(policy.statements.size() == 1);
  const iam::Statement& s = policy.statements[0];
  CHECK(s.principal.wildcard);
  CHECK(s.resource.items.at(0).unknown);
  CHECK_FALSE(s.action.items.at(0).unknown);
  CHECK(s.span.range.start_line == 8);
}

TEST_CASE("jsonencode keeps the positions of the HCL that wrote each statement") {
  auto e = evaluate_main(R"(variable "arn" {}
resource "aws_iam_role_policy" "p" {
  role = "r"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = var.arn
      },
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
)");
  const iam::Policy policy =
      only_policy(e.resource("aws_iam_role_policy.p"), iam::PolicyType::identity);
  REQUIRE(policy.statements.size() == 2);
  CHECK(policy.statements[0].resource.unknown);
  CHECK(policy.statements[1].span.range.start_line == 12);
  CHECK(policy.statements[1].action.items.at(0).span.range.start_line == 14);
  CHECK(policy.statements[1].effect == iam::Effect::allow);
}

TEST_CASE("an aws_iam_policy_document's statements point at their statement blocks") {
  auto e = evaluate_main(R"(data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
)");
  const iam::Policy policy = only_policy(e.resource("aws_iam_policy.p"), iam::PolicyType::identity);
  REQUIRE(policy.statements.size() == 2);
  CHECK(policy.statements[0].effect == iam::Effect::allow);
  CHECK(policy.statements[1].effect == iam::Effect::deny);
  CHECK(policy.statements[1].span.range.start_line == 6);
}

TEST_CASE("a role's trust policy and inline policies are found with their types") {
  auto e = evaluate_main(R"(resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name   = "a"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
  }
  inline_policy {
    name   = "b"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }] })
  }
}
)");
  const auto found = iam::find_policies(e.resource("aws_iam_role.r"));
  REQUIRE(found.size() == 3);
  CHECK(found[0].type == iam::PolicyType::trust);
  CHECK(found[0].attribute == "assume_role_policy");
  CHECK(found[1].attribute == "inline_policy[0].policy");
  CHECK(found[2].attribute == "inline_policy[1].policy");
  CHECK(iam::read_policy(*found[2].document).statements.at(0).action.items.at(0).text == "sqs:*");
}

TEST_CASE("Terraform organizations policies are SCPs unless their type says otherwise") {
  auto e = evaluate_main(R"(resource "aws_organizations_policy" "scp" {
  name    = "deny-leave"
  content = jsonencode({ Statement = [{ Effect = "Deny", Action = "organizations:LeaveOrganization", Resource = "*" }] })
}
resource "aws_organizations_policy" "tags" {
  name    = "tags"
  type    = "TAG_POLICY"
  content = "{}"
}
resource "aws_organizations_policy" "ai" {
  name    = "ai"
  type    = "AISERVICES_OPT_OUT_POLICY"
  content = jsonencode({ services = { default = { opt_out_policy = { "@@assign" = "optOut" } } } })
}
)");
  only_policy(e.resource("aws_organizations_policy.scp"), iam::PolicyType::scp);
  CHECK(iam::find_policies(e.resource("aws_organizations_policy.tags")).empty());
  const auto ai = iam::find_policies(e.resource("aws_organizations_policy.ai"));
  REQUIRE(ai.size() == 1);
  CHECK(ai[0].type == iam::PolicyType::ai_opt_out);
  const iam::AiOptOutPolicy opt_out = iam::read_ai_opt_out_policy(*ai[0].document);
  REQUIRE(opt_out.find("default") != nullptr);
  CHECK(opt_out.find("default")->assigned == "optOut");
  CHECK(opt_out.issues.empty());
}

TEST_CASE("CloudFormation roles, bucket policies and organization policies") {
  auto loaded = load_template(R"(Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: admin
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
  Guardrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: guardrail
      Type: SERVICE_CONTROL_POLICY
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: cloudtrail:StopLogging
            Resource: "*"
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}'
)");
  const auto role = iam::find_policies(resource_of(loaded, "Role"));
  REQUIRE(role.size() == 2);
  CHECK(role[0].type == iam::PolicyType::trust);
  CHECK(role[1].attribute == "Policies[0].PolicyDocument");
  const iam::Policy admin = iam::read_policy(*role[1].document);
  CHECK(admin.statements.at(0).span.range.start_line == 14);

  const iam::Policy scp = only_policy(resource_of(loaded, "Guardrail"), iam::PolicyType::scp);
  CHECK(scp.statements.at(0).effect == iam::Effect::deny);

  // A policy written as a JSON string on one line: every element points at that line.
  const iam::Policy bucket =
      only_policy(resource_of(loaded, "BucketPolicy"), iam::PolicyType::resource);
  REQUIRE(bucket.statements.size() == 1);
  CHECK(bucket.statements[0].principal.wildcard);
  CHECK(bucket.statements[0].span.range.start_line == 32);
}

TEST_CASE("an unknown policy, malformed JSON text, and a non-object are told apart") {
  CHECK(iam::read_policy(Value::unknown("variable \"p\" has no value")).unknown);
  const iam::Policy bad = iam::read_policy(Value::string("{\"Statement\": ["));
  CHECK(bad.malformed);
  CHECK(bad.malformed_reason.find("not valid JSON") != std::string::npos);
  CHECK(iam::read_policy(Value::list({})).malformed);
}

TEST_CASE("path globs") {
  CHECK(path_glob_match("org/scps/**", "org/scps/a.json"));
  CHECK(path_glob_match("org/scps/**", "org/scps/deep/er/a.json"));
  CHECK_FALSE(path_glob_match("org/scps/**", "org/rcps/a.json"));
  CHECK(path_glob_match("**/scps/*.json", "x/y/scps/a.json"));
  CHECK(path_glob_match("**/scps/*.json", "scps/a.json"));
  CHECK_FALSE(path_glob_match("**/scps/*.json", "scps/sub/a.json"));
  CHECK(path_glob_match("*.scp.json", "any/where/deny.scp.json"));
  CHECK(path_glob_match("./org/*/a?.json", "org/x/ab.json"));
  CHECK_FALSE(path_glob_match("org/*/a?.json", "org/x/y/ab.json"));
  CHECK(path_glob_match("**", "a/b/c"));
}

TEST_CASE("policy file types from conventional names, nearest organization name first") {
  CHECK(iam::policy_type_from_path("org/scps/deny-leave.json") == iam::PolicyType::scp);
  CHECK(iam::policy_type_from_path("service-control-policies/x.json") == iam::PolicyType::scp);
  CHECK(iam::policy_type_from_path("Service-Control-Policy-Examples/a/b.json") ==
        iam::PolicyType::scp);
  CHECK(iam::policy_type_from_path("resource_control_policies/sns_topic_policy.json") ==
        iam::PolicyType::rcp);
  CHECK(iam::policy_type_from_path("org/ai-opt-out.json") == iam::PolicyType::ai_opt_out);
  CHECK(iam::policy_type_from_path("roles/ci-trust-policy.json") == iam::PolicyType::trust);
  CHECK(iam::policy_type_from_path("vpc_endpoint_policies/s3.json") == iam::PolicyType::endpoint);
  CHECK_FALSE(iam::policy_type_from_path("policies/app.json").has_value());
  // "scp" must be a word, not part of one.
  CHECK_FALSE(iam::policy_type_from_path("landscape/policy.json").has_value());
}

TEST_CASE("policy files: config glob, then CLI shapes, then names, then content") {
  const std::string deny =
      R"({"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})";
  const std::string allow =
      R"({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})";
  const std::string trust =
      R"({"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})";
  const std::string bucket =
      R"({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]})";
  // Content alone.
  CHECK(classify("p/deny.json", deny) == iam::PolicyType::scp);
  CHECK(classify("p/allow.json", allow) == iam::PolicyType::identity);
  CHECK(classify("p/a.json", trust) == iam::PolicyType::trust);
  CHECK(classify("p/b.json", bucket) == iam::PolicyType::resource);
  CHECK(classify("p/ai.json", R"({"services": {"default": {}}})") == iam::PolicyType::ai_opt_out);
  CHECK_FALSE(classify("package.json", R"({"name": "x", "version": "1.0.0"})").has_value());
  // A folder that says SCP wins over content: a principal there is an invalid SCP.
  CHECK(classify("org/scps/b.json", bucket) == iam::PolicyType::scp);
  CHECK(classify("org/scps/allow.json", allow) == iam::PolicyType::scp);
  // A config glob wins over everything.
  iam::PolicyFileRules rules;
  rules.globs.emplace_back("org/**", iam::PolicyType::rcp);
  CHECK(classify("org/scps/b.json", bucket, rules) == iam::PolicyType::rcp);
  // The CLI's output shapes.
  const std::string describe =
      R"({"Policy": {"PolicySummary": {"Name": "g", "Type": "SERVICE_CONTROL_POLICY"},
    "Content": "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}"}})";
  CHECK(classify("exports/whatever.json", describe) == iam::PolicyType::scp);
  const std::string tag_policy =
      R"({"Policy": {"PolicySummary": {"Type": "TAG_POLICY"}, "Content": "{}"}})";
  CHECK_FALSE(classify("exports/tags.json", tag_policy).has_value());
  CHECK(classify("x.json",
                 R"({"Role": {"RoleName": "r", "AssumeRolePolicyDocument": {"Statement": []}}})") ==
        iam::PolicyType::trust);
  CHECK(classify("x.json",
                 R"({"PolicyVersion": {"Document": {"Statement": []}, "VersionId": "v1"}})") ==
        iam::PolicyType::identity);
  CHECK(classify("x.json", R"({"Policy": "{\"Statement\": []}"})") == iam::PolicyType::resource);
}

TEST_CASE("a describe-policy file loads as one SCP pseudo-resource with its document") {
  iacscan::detail::SourceFile file;
  file.id = 3;
  file.path = "exports/guardrail.json";
  file.content =
      R"({"Policy": {"PolicySummary": {"Name": "guardrail", "Type": "SERVICE_CONTROL_POLICY"},
  "Content": "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"cloudtrail:StopLogging\", \"Resource\": \"*\"}]}"}})";
  const auto loaded = iacscan::detail::load_cloudformation_file(file);
  REQUIRE(loaded.is_iac);
  REQUIRE(loaded.resources.size() == 1);
  const Resource& r = loaded.resources[0];
  CHECK(r.native_type == "PolicyFile::SCP");
  CHECK(r.format == iacscan::detail::SourceFormat::policy_file);
  CHECK(r.attributes.find("Name")->text() == "guardrail");
  const iam::Policy policy = only_policy(r, iam::PolicyType::scp);
  REQUIRE(policy.statements.size() == 1);
  CHECK(policy.statements[0].span.range.start_line == 2);
}

TEST_CASE("placeholders of a policy template file are unknown, IAM policy variables are not") {
  iacscan::detail::SourceFile file;
  file.id = 2;
  file.path = "templates/app-policy.json";
  file.content = R"({"Version": "2012-10-17", "Statement": [{"Effect": "${effect}",
    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${bucket}/${aws:username}/*"}]})";
  const auto loaded = iacscan::detail::load_cloudformation_file(file);
  REQUIRE(loaded.resources.size() == 1);
  const iam::Policy policy = only_policy(loaded.resources[0], iam::PolicyType::identity);
  REQUIRE(policy.statements.size() == 1);
  CHECK(policy.statements[0].effect == iam::Effect::unknown);
  CHECK(policy.statements[0].resource.items.at(0).unknown);
  CHECK_FALSE(policy.statements[0].action.items.at(0).unknown);
  // The size is still counted on the file as written.
  CHECK(policy.source_text == file.content);
}

TEST_CASE("an ECR repository policy's Resource is implied") {
  auto e = evaluate_main(R"(resource "aws_ecr_repository_policy" "p" {
  repository = "app"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "ecr:BatchGetImage" }] })
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = "q"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sqs:SendMessage" }] })
}
)");
  const auto ecr = iam::find_policies(e.resource("aws_ecr_repository_policy.p"));
  REQUIRE(ecr.size() == 1);
  CHECK(ecr[0].resource_implied);
  const auto sqs = iam::find_policies(e.resource("aws_sqs_queue_policy.q"));
  REQUIRE(sqs.size() == 1);
  CHECK_FALSE(sqs[0].resource_implied);
}

TEST_CASE("a broken JSON file in an SCP folder is reported, not ignored") {
  iacscan::detail::SourceFile file;
  file.id = 1;
  file.path = "org/scps/broken.json";
  file.content = "{\n  \"Statement\": [\n    // a comment\n  ]\n}\n";
  const auto loaded = iacscan::detail::load_cloudformation_file(file);
  CHECK(loaded.is_iac);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].location.start_line == 3);
}

TEST_CASE("AI services opt-out policies: values are case-sensitive, IAM syntax is a mistake") {
  const Value doc = json(R"({
  "services": {
    "@@operators_allowed_for_child_policies": ["@@none"],
    "default": {"opt_out_policy": {"@@assign": "optOut"}},
    "rekognition": {"opt_out_policy": {"@@assign": "OptIn", "@@operators_allowed_for_child_policies": ["@@all"]}},
    "nosuchservice": {"opt_out_policy": {"@@assign": "optOut"}}
  },
  "Statement": []
})");
  const iam::AiOptOutPolicy policy = iam::read_ai_opt_out_policy(doc);
  REQUIRE(policy.find("default") != nullptr);
  CHECK(policy.find("default")->locked());
  CHECK_FALSE(policy.find("rekognition")->locked());
  std::vector<std::string> codes;
  for (const auto& issue : policy.issues) codes.push_back(issue.code);
  CHECK(codes == std::vector<std::string>{"iam-syntax", "invalid-value", "unknown-service"});
  CHECK(policy.issues[1].message.find("case-sensitive") != std::string::npos);
  CHECK(policy.issues[1].span.range.start_line == 5);
  REQUIRE(policy.size.has_value());
}

TEST_CASE("an opt-out policy above 2,500 characters is refused") {
  std::string services;
  for (int i = 0; i < 120; ++i)
    services += (i ? "," : "") + std::string("\"svc") + std::to_string(i) +
                "\": {\"opt_out_policy\": {\"@@assign\": \"optOut\"}}";
  const iam::AiOptOutPolicy policy =
      iam::read_ai_opt_out_policy(Value::string("{\"services\": {" + services + "}}"));
  bool too_big = false;
  for (const auto& issue : policy.issues) too_big |= issue.code == "size-limit";
  CHECK(too_big);
}

TEST_CASE("document sizes: raw text, whitespace outside strings removed, compact structure") {
  CHECK(iam::minified_size(std::string_view("{ \"a b\" : [ 1, 2 ] }\n")) == 13);
  CHECK(iam::minified_size(json("{ \"a b\" : [ 1, 2 ] }")) == std::optional<std::size_t>(13));
  CHECK(iam::minified_size(std::string_view(R"({"s": "quote \" inside "})")) == 24);
  Value with_unknown = Value::map({});
  with_unknown.set("a", Value::unknown("x"));
  CHECK_FALSE(iam::minified_size(with_unknown).has_value());
}

TEST_CASE("document sizes: a structure with unknown parts has a lower bound") {
  Value with_unknown = json(R"({"a": [1, 2], "b": "xy"})");  // {"a":[1,2],"b":"xy"}: 20 bytes
  with_unknown.find("a")->items().push_back(Value::unknown("x"));
  // The unknown element may be AWS::NoValue and vanish with its comma.
  CHECK(iam::structure_size(with_unknown).at_least == 20);
  CHECK_FALSE(iam::structure_size(with_unknown).known);
  Value choice = Value::unknown("x");
  choice.candidates = std::make_shared<const Value::List>(
      Value::List{Value::string("abc"), Value::number(12, "12")});
  with_unknown.set("b", choice);  // {"a":[1,2],"b":12} at least
  CHECK(iam::structure_size(with_unknown).at_least == 18);
  CHECK(iam::structure_size(json(R"({"a": [1, 2], "b": "xy"})")).at_least == 20);
  CHECK(iam::structure_size(json(R"({"a": [1, 2], "b": "xy"})")).known);
}

namespace {

// An SCP deny statement with a short Sid:
// {"Sid":"S1","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}.
constexpr int kStatementsOverLimit = 74;  // about 5,370 bytes compact

iam::ScpSize scp_size_of(const Resource& resource) {
  const auto found = iam::find_policies(resource);
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].type == iam::PolicyType::scp);
  return iam::measure_scp_size(iam::read_policy(*found[0].document), *found[0].document);
}

}  // namespace

TEST_CASE("an SCP object over the limit with one !Ref is still too large") {
  std::string statements;
  for (int i = 0; i < kStatementsOverLimit; ++i)
    statements += "          - Sid: S" + std::to_string(i) +
                  "\n            Effect: Deny\n            Action: s3:DeleteBucket\n" +
                  (i == 0 ? std::string("            Resource: !Ref Target\n")
                          : std::string("            Resource: '*'\n"));
  auto loaded = load_template(R"(Parameters:
  Target:
    Type: String
Resources:
  Guardrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: guardrail
      Type: SERVICE_CONTROL_POLICY
      Content:
        Version: "2012-10-17"
        Statement:
)" + statements);
  const iam::ScpSize size = scp_size_of(resource_of(loaded, "Guardrail"));
  CHECK_FALSE(size.raw);
  CHECK(size.raw_at_least > 5300);
  CHECK(size.raw_at_least < 5400);
  const iam::PolicyIssues issues = iam::scp_size_issues(size, {});
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == "scp-too-large");
}

TEST_CASE("a Terraform jsonencode SCP over the limit with an unknown value is still too large") {
  std::string statements;
  for (int i = 0; i < kStatementsOverLimit; ++i)
    statements += "    { Sid = \"S" + std::to_string(i) +
                  "\", Effect = \"Deny\", Action = \"s3:DeleteBucket\", Resource = " +
                  (i == 0 ? "var.target" : "\"*\"") + " },\n";
  auto e = evaluate_main(R"(variable "target" {}
resource "aws_organizations_policy" "scp" {
  name    = "guardrail"
  content = jsonencode({ Version = "2012-10-17", Statement = [
)" + statements + R"(  ] })
}
)");
  const iam::ScpSize size = scp_size_of(e.resource("aws_organizations_policy.scp"));
  CHECK_FALSE(size.raw);
  CHECK(size.raw_at_least > 5300);
  const iam::PolicyIssues issues = iam::scp_size_issues(size, {});
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == "scp-too-large");
}
