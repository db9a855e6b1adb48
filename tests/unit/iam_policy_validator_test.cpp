// The IAM policy validator (iam-policy-invalid): every issue code, its level and where it
// points, and that unknown parts never become issues.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "iam/element_validator.hpp"
#include "iam/policy_validator.hpp"
#include "iam_test_support.hpp"

using iacscan::detail::iam::IssueLevel;
using iacscan::detail::iam::Policy;
using iacscan::detail::iam::PolicyIssue;
using iacscan::detail::iam::PolicyIssues;
using iacscan::detail::iam::PolicyType;
using iacscan::detail::iam::validate_policy;
using iacscan::testing::iam_catalog;
using iacscan::testing::policy_from_json;
using iacscan::testing::policy_from_string;
using iacscan::testing::with_unknowns;

namespace {

PolicyIssues validate(const std::string& json, PolicyType type = PolicyType::identity) {
  return validate_policy(policy_from_json(json), type, iam_catalog());
}

// A 2012-10-17 policy of the given statements.
PolicyIssues statements(const std::string& list, PolicyType type = PolicyType::identity) {
  return validate(R"({"Version": "2012-10-17", "Statement": [)" + list + "]}", type);
}

std::vector<std::string> codes(const PolicyIssues& issues) {
  std::vector<std::string> out;
  for (const PolicyIssue& issue : issues) out.push_back(issue.code);
  return out;
}

const PolicyIssue* find(const PolicyIssues& issues, std::string_view code) {
  const auto it = std::find_if(issues.begin(), issues.end(),
                               [&](const PolicyIssue& i) { return i.code == code; });
  return it == issues.end() ? nullptr : &*it;
}

const std::string kGood = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})";

}  // namespace

TEST_CASE("iam validator: a valid policy has no issues") {
  CHECK(statements(kGood).empty());
  CHECK(
      statements(
          R"({"Sid": "Bucket", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": ["s3:GetObject", "s3:List*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*"],
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}, "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
                    "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "Bool": {"aws:SecureTransport": true},
                    "DateGreaterThan": {"aws:CurrentTime": "2025-01-31T12:00:00Z"}, "Null": {"aws:TokenIssueTime": "false"},
                    "ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}})",
          PolicyType::resource)
          .empty());
}

TEST_CASE("iam validator: Version") {
  const PolicyIssues missing = validate(R"({"Statement": [)" + kGood + "]}");
  REQUIRE(codes(missing) == std::vector<std::string>{"missing-version"});
  CHECK(missing[0].level == IssueLevel::warning);
  const PolicyIssues bad = validate(R"({"Version": "2012-10-18", "Statement": [)" + kGood + "]}");
  REQUIRE(codes(bad) == std::vector<std::string>{"invalid-version"});
  CHECK(bad[0].level == IssueLevel::error);
  CHECK(bad[0].span.range.start_column == 13);
  CHECK(codes(validate(R"({"Version": 2012, "Statement": [)" + kGood + "]}")) ==
        std::vector<std::string>{"invalid-version"});
  const PolicyIssues old = validate(R"({"Version": "2008-10-17", "Statement": [)" + kGood + "]}");
  REQUIRE(codes(old) == std::vector<std::string>{"outdated-version"});
  CHECK(old[0].level == IssueLevel::note);
  // Policy variables need 2012-10-17.
  const PolicyIssues vars = validate(
      R"({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"}]})");
  CHECK(codes(vars) ==
        std::vector<std::string>{"missing-version", "policy-variables-need-version"});
}

TEST_CASE("iam validator: document structure") {
  CHECK(codes(validate(R"({"Version": "2012-10-17"})")) ==
        std::vector<std::string>{"missing-statement"});
  CHECK(codes(validate(R"({"Version": "2012-10-17", "Statement": []})")) ==
        std::vector<std::string>{"empty-statement"});
  const PolicyIssues extra = validate(
      R"({"Version": "2012-10-17", "Id": "x", "Statements": [], "Statement": [)" + kGood + "]}");
  REQUIRE(codes(extra) == std::vector<std::string>{"unexpected-key"});
  CHECK(extra[0].message.find("Statements") != std::string::npos);
  const PolicyIssues not_json =
      validate_policy(policy_from_string("{\"Version\": "), PolicyType::identity, iam_catalog());
  CHECK(codes(not_json) == std::vector<std::string>{"malformed-policy"});
  CHECK(codes(statements(R"("Allow")")) == std::vector<std::string>{"malformed-statement"});
}

TEST_CASE("iam validator: Effect, Action, Resource") {
  CHECK(codes(statements(R"({"Action": "s3:*", "Resource": "*"})")) ==
        std::vector<std::string>{"missing-effect"});
  const PolicyIssues lower =
      statements(R"({"Effect": "allow", "Action": "s3:*", "Resource": "*"})");
  REQUIRE(codes(lower) == std::vector<std::string>{"invalid-effect"});
  CHECK(lower[0].message.find("\"allow\"") != std::string::npos);
  CHECK(codes(statements(R"({"Effect": "Allow", "Resource": "*"})")) ==
        std::vector<std::string>{"missing-action"});
  CHECK(codes(statements(
            R"({"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*"})")) ==
        std::vector<std::string>{"action-and-not-action"});
  CHECK(codes(statements(R"({"Effect": "Allow", "Action": [], "Resource": "*"})")) ==
        std::vector<std::string>{"empty-action"});
  CHECK(
      codes(statements(
          R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "arn:aws:s3:::b"})")) ==
      std::vector<std::string>{"resource-and-not-resource"});
  CHECK(codes(statements(R"({"Effect": "Allow", "Action": "s3:*"})")) ==
        std::vector<std::string>{"missing-resource"});
  const PolicyIssues scp = statements(R"({"Effect": "Deny", "Action": "s3:*"})", PolicyType::scp);
  REQUIRE(codes(scp) == std::vector<std::string>{"missing-resource"});
  CHECK(scp[0].level == IssueLevel::warning);
  CHECK(codes(statements(
            R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principle": "*"})")) ==
        std::vector<std::string>{"unexpected-statement-key"});
}

TEST_CASE("iam validator: Principal by policy type") {
  const std::string with_principal =
      R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})";
  CHECK(statements(with_principal, PolicyType::trust).empty());
  CHECK(codes(statements(with_principal, PolicyType::identity)) ==
        std::vector<std::string>{"missing-resource", "principal-not-allowed"});
  CHECK(codes(statements(R"({"Effect": "Allow", "Action": "sts:AssumeRole"})",
                         PolicyType::trust)) == std::vector<std::string>{"missing-principal"});
  CHECK(codes(statements(
            R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"})",
            PolicyType::trust)) == std::vector<std::string>{"resource-not-allowed"});
  CHECK(codes(statements(kGood, PolicyType::resource)) ==
        std::vector<std::string>{"missing-principal"});
  CHECK(
      codes(statements(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})",
                       PolicyType::scp)) == std::vector<std::string>{"principal-not-allowed"});
  CHECK(statements(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})",
                   PolicyType::rcp)
            .empty());
  const PolicyIssues not_principal = statements(
      R"({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})",
      PolicyType::resource);
  REQUIRE(codes(not_principal) == std::vector<std::string>{"allow-with-not-principal"});
  CHECK(not_principal[0].level == IssueLevel::warning);
  CHECK(
      codes(statements(
          R"({"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:*", "Resource": "*"})",
          PolicyType::resource)) == std::vector<std::string>{"malformed-principal"});
  CHECK(
      codes(statements(
          R"({"Effect": "Allow", "Principal": {"Aws": "*", "AWS": [1]}, "Action": "s3:*", "Resource": "*"})",
          PolicyType::resource)) ==
      std::vector<std::string>{"unknown-principal-type", "invalid-principal"});
}

TEST_CASE("iam validator: Sids") {
  const PolicyIssues dup =
      statements(R"({"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
      {"Sid": "A", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"})");
  REQUIRE(codes(dup) == std::vector<std::string>{"duplicate-sid"});
  CHECK(dup[0].message.find("statement 1") != std::string::npos);
  CHECK(dup[0].span.range.start_line == 2);
  // Empty Sids (Terraform's default) are not duplicates.
  CHECK(statements(R"({"Sid": "", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
      {"Sid": "", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"})")
            .empty());
  CHECK(codes(statements(
            R"({"Sid": "Read only", "Effect": "Allow", "Action": "s3:*", "Resource": "*"})")) ==
        std::vector<std::string>{"invalid-sid"});
  CHECK(
      statements(
          R"({"Sid": "Read only", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"})",
          PolicyType::resource)
          .empty());  // resource policies allow spaces
}

TEST_CASE("iam validator: action names") {
  using iacscan::detail::iam::is_well_formed_action;
  CHECK(is_well_formed_action("*"));
  CHECK(is_well_formed_action("s3:Get*"));
  CHECK(is_well_formed_action("ec2-instance-connect:SendSSHPublicKey"));
  CHECK(is_well_formed_action("*:Describe*"));
  CHECK_FALSE(is_well_formed_action("s3"));
  CHECK_FALSE(is_well_formed_action("s3:"));
  CHECK_FALSE(is_well_formed_action("s3:Get:Object"));
  CHECK_FALSE(is_well_formed_action("s3:Get Object"));
  CHECK_FALSE(is_well_formed_action(":GetObject"));

  const PolicyIssues issues = statements(R"({"Effect": "Allow", "Action": [
      "s3:GetObject", "s3GetObject", "s3:GetObjekt", "s4:GetObject", "s3:Nothing*", 42], "Resource": "*"})");
  CHECK(codes(issues) == std::vector<std::string>{"malformed-action", "unknown-action",
                                                  "unknown-service", "unknown-action",
                                                  "invalid-action"});
  CHECK(find(issues, "unknown-service")->level == IssueLevel::warning);
  CHECK(find(issues, "unknown-action")->level == IssueLevel::warning);
  // Case does not matter to IAM.
  CHECK(statements(R"({"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"})").empty());
}

TEST_CASE("iam validator: resources") {
  CHECK(
      codes(statements(
          R"({"Effect": "Allow", "Action": "s3:*", "Resource": ["bucket", "arn:aws:s3", "arn:aws:s3:::b", "arn:aws:s3:*", 7]})")) ==
      std::vector<std::string>{"malformed-resource", "malformed-resource", "invalid-resource"});
}

TEST_CASE("iam validator: conditions") {
  const auto condition = [](const std::string& block) {
    return codes(statements(
        R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": )" + block + "}"));
  };
  using V = std::vector<std::string>;
  CHECK(condition(R"({"StringEqualz": {"aws:PrincipalOrgID": "o-1", "aws:SourceVpc": "vpc-1"}})") ==
        V{"unknown-condition-operator"});  // once per operator
  CHECK(condition(R"({"NullIfExists": {"aws:TokenIssueTime": "true"}})") == V{"if-exists-on-null"});
  CHECK(condition(R"({"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*"]}})").empty());
  CHECK(condition(R"({"Bool": {"aws:SecureTransport": "yes"}})") == V{"condition-value-type"});
  CHECK(condition(R"({"Null": {"aws:TokenIssueTime": "maybe"}})") == V{"condition-value-type"});
  CHECK(condition(R"({"NumericLessThan": {"s3:max-keys": "ten"}})") == V{"condition-value-type"});
  CHECK(condition(R"({"DateLessThan": {"aws:CurrentTime": "tomorrow"}})") ==
        V{"condition-value-type"});
  CHECK(condition(R"({"DateLessThan": {"aws:CurrentTime": "1735689600"}})").empty());
  CHECK(condition(R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}})") ==
        V{"condition-value-type"});
  CHECK(condition(R"({"IpAddress": {"aws:SourceIp": "10.0.0.256"}})") == V{"condition-value-type"});
  CHECK(condition(R"({"ArnLike": {"aws:SourceArn": "my-topic"}})") == V{"condition-value-type"});
  CHECK(condition(R"({"ArnLike": {"aws:SourceArn": "*"}})").empty());
  CHECK(condition(R"({"StringEquals": {"aws:PrincipalTag/team": [["a"]]}})") ==
        V{"condition-value-type"});
  CHECK(condition(R"({"StringEquals": {"aws:PrincipalTag/team": []}})") ==
        V{"empty-condition-values"});
  CHECK(condition(R"({"StringEquals": "o-1"})") == V{"malformed-condition"});
  CHECK(condition(R"({"NumericEquals": {"aws:MultiFactorAuthAge": "${aws:TokenIssueTime}"}})")
            .empty());
  // Keys and their types.
  const PolicyIssues unknown_key = statements(
      R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgId2": "o-1"}}})");
  REQUIRE(codes(unknown_key) == V{"unknown-condition-key"});
  CHECK(unknown_key[0].level == IssueLevel::note);
  CHECK(
      condition(
          R"({"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}})")
          .empty());
  CHECK(
      condition(R"({"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}})").empty());
  CHECK(
      condition(R"({"StringEquals": {"aws:RequestTag/team": "x", "s3:prefix": "home/"}})").empty());
  CHECK(condition(R"({"ForAllValues:StringEquals": {"aws:SourceVpc": "vpc-1"}})") ==
        V{"set-operator-on-single-valued-key"});
  CHECK(condition(R"({"NumericEquals": {"aws:SourceIp": "1"}})") == V{"mismatched-condition-type"});
  CHECK(condition(R"({"StringEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}})")
            .empty());
}

TEST_CASE("iam validator: issues point at the offending element") {
  const PolicyIssues issues = validate(R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "s3:GetObjekt"
      ],
      "Resource": "*",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "yes"
        }
      }
    }
  ]
})");
  REQUIRE(codes(issues) == std::vector<std::string>{"unknown-action", "condition-value-type"});
  CHECK(issues[0].span.range.start_line == 8);
  CHECK(issues[1].span.range.start_line == 13);
}

TEST_CASE("iam validator: unknown parts are never issues") {
  const auto unknown = [](const std::string& text) {
    return validate_policy(policy_from_string(with_unknowns(text)), PolicyType::identity,
                           iam_catalog());
  };
  CHECK(unknown(R"({"Version": "<?>", "Statement": [{"Effect": "<?>", "Action": ["<?>", "s3:<?>"],
      "Resource": "<?>", "Sid": "<?>", "Condition": {"Bool": {"aws:SecureTransport": "<?>"}}}]})")
            .empty());
  CHECK(unknown(R"({"Version": "2012-10-17", "Statement": <?>})").empty());
  CHECK(validate_policy(iacscan::detail::iam::read_policy(iacscan::detail::Value::unknown("x")),
                        PolicyType::identity, iam_catalog())
            .empty());
}
