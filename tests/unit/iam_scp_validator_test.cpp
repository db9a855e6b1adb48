// SCP validation: the legacy and 2025 syntax profiles, the common checks, and the size
// against the Organizations quota (raw as written, minified, unknown parts).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "iam/scp_size.hpp"
#include "iam/scp_validator.hpp"
#include "iam_test_support.hpp"

using iacscan::detail::Span;
using iacscan::detail::Truth;
using iacscan::detail::Value;
using iacscan::detail::iam::IssueLevel;
using iacscan::detail::iam::measure_scp_size;
using iacscan::detail::iam::Policy;
using iacscan::detail::iam::PolicyIssue;
using iacscan::detail::iam::PolicyIssues;
using iacscan::detail::iam::read_policy;
using iacscan::detail::iam::ScpProfile;
using iacscan::detail::iam::ScpSize;
using iacscan::detail::iam::ScpSizeOptions;
using iacscan::detail::iam::validate_scp;
using iacscan::testing::iam_catalog;
using iacscan::testing::policy_from_json;
using iacscan::testing::with_unknowns;

namespace {

std::vector<std::string> codes(const PolicyIssues& issues) {
  std::vector<std::string> out;
  for (const PolicyIssue& issue : issues) out.push_back(issue.code);
  return out;
}

std::vector<std::string> scp(const std::string& statements, ScpProfile profile) {
  return codes(validate_scp(
      policy_from_json(R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}"),
      iam_catalog(), profile));
}

// The size of a policy held as text (a file, a heredoc).
ScpSize text_size(const std::string& text, std::size_t limit = 5120) {
  const Value value = Value::string(text);
  return measure_scp_size(read_policy(value), value, ScpSizeOptions{limit, 90});
}

// A statement list padded with Sids to about `bytes` bytes as written.
std::string padded_policy(std::size_t bytes, std::string_view indent) {
  std::string text = "{\n" + std::string(indent) + "\"Version\": \"2012-10-17\",\n" +
                     std::string(indent) + "\"Statement\": [";
  const std::string close = "\n" + std::string(indent) + "]\n}";
  for (int i = 0; text.size() + close.size() < bytes; ++i) {
    text += (i ? ",\n" : "\n") + std::string(indent) + std::string(indent) + R"({"Sid": "S)" +
            std::to_string(i) +
            R"(", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"})";
  }
  return text + close;
}

}  // namespace

TEST_CASE("scp validator: profile names") {
  using iacscan::detail::iam::parse_scp_profile;
  CHECK(parse_scp_profile("legacy") == ScpProfile::legacy);
  CHECK(parse_scp_profile("2025") == ScpProfile::iam2025);
  CHECK_FALSE(parse_scp_profile("2024").has_value());
}

TEST_CASE("scp validator: what the 2025 profile accepts and legacy does not") {
  using V = std::vector<std::string>;
  const std::string not_action_allow =
      R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})";
  CHECK(scp(not_action_allow, ScpProfile::iam2025).empty());
  CHECK(scp(not_action_allow, ScpProfile::legacy) == V{"scp-not-action-in-allow"});

  const std::string condition_allow = R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})";
  CHECK(scp(condition_allow, ScpProfile::iam2025).empty());
  CHECK(scp(condition_allow, ScpProfile::legacy) == V{"scp-condition-in-allow"});

  const std::string arn_allow =
      R"({"Effect": "Allow", "Action": "s3:*", "Resource": ["*", "arn:aws:s3:::b"]})";
  CHECK(scp(arn_allow, ScpProfile::iam2025).empty());
  CHECK(scp(arn_allow, ScpProfile::legacy) == V{"scp-resource-in-allow"});

  const std::string not_resource =
      R"({"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b"})";
  CHECK(scp(not_resource, ScpProfile::iam2025).empty());
  CHECK(scp(not_resource, ScpProfile::legacy) == V{"scp-not-resource"});

  const std::string inner_wildcard =
      R"({"Effect": "Deny", "Action": ["s3:*Object", "ec2:Describe*", "*", "*:Get*", "kms:Decryp?"], "Resource": "*"})";
  CHECK(scp(inner_wildcard, ScpProfile::iam2025).empty());
  CHECK(scp(inner_wildcard, ScpProfile::legacy) ==
        V{"scp-action-wildcard-position", "scp-action-wildcard-position"});

  // Deny statements could always use conditions, ARNs and NotAction.
  CHECK(scp(R"({"Effect": "Deny", "NotAction": "iam:*", "Resource": "arn:aws:s3:::b",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}})",
            ScpProfile::legacy)
            .empty());
}

TEST_CASE("scp validator: common checks in both profiles") {
  using V = std::vector<std::string>;
  for (const ScpProfile profile : {ScpProfile::legacy, ScpProfile::iam2025}) {
    CHECK(scp(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})",
              profile) == V{"principal-not-allowed"});
    CHECK(
        scp(R"({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})",
            profile) == V{"principal-not-allowed"});
    CHECK(scp(R"({"Action": "s3:*", "Resource": "*"})", profile) == V{"missing-effect"});
    CHECK(scp(R"({"Effect": "Deny", "Resource": "*"})", profile) == V{"missing-action"});
    CHECK(scp(R"({"Effect": "Deny", "Action": "s3 DeleteBucket", "Resource": "*"})", profile) ==
          V{"malformed-action"});
    CHECK(codes(validate_scp(policy_from_json(R"({"Version": "2012-10-18", "Statement": []})"),
                             iam_catalog(), profile)) == V{"invalid-version", "empty-statement"});
  }
}

TEST_CASE("scp size: as written and minified") {
  const std::string text =
      "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    "
      "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n  ]\n}\n";
  const ScpSize size = text_size(text);
  CHECK(size.from_text);
  REQUIRE(size.raw);
  CHECK(*size.raw == text.size());
  // Whitespace inside strings stays; outside goes.
  CHECK(
      *size.minified ==
      std::string(
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]})")
          .size());
  CHECK(size.exceeds == Truth::false_);
  CHECK(size.near_limit == Truth::false_);
  CHECK(scp_size_issues(size, {}).empty());

  // A structure (a CloudFormation object) is counted compactly.
  const Value structure = *iacscan::detail::read_json(text, 1).value;
  const ScpSize compact = measure_scp_size(read_policy(structure), structure);
  CHECK_FALSE(compact.from_text);
  CHECK(compact.raw == size.minified);
  CHECK(compact.minified == size.minified);
}

TEST_CASE("scp size: against the limit") {
  // Over as written, within once minified: rejected through the API, fixable by minifying.
  const std::string indented = padded_policy(5400, "        ");
  const ScpSize big = text_size(indented);
  REQUIRE(big.raw);
  CHECK(*big.raw > 5120);
  CHECK(*big.minified <= 5120);
  CHECK(big.exceeds == Truth::true_);
  CHECK(big.exceeds_minified == Truth::false_);
  const PolicyIssues as_written = scp_size_issues(big, {});
  REQUIRE(codes(as_written) == std::vector<std::string>{"scp-too-large-as-written"});
  CHECK(as_written[0].level == IssueLevel::error);

  const ScpSize huge = text_size(padded_policy(9000, ""));
  CHECK(huge.exceeds_minified == Truth::true_);
  CHECK(codes(scp_size_issues(huge, {})) == std::vector<std::string>{"scp-too-large"});

  const ScpSize near = text_size(padded_policy(4800, ""));
  CHECK(near.exceeds == Truth::false_);
  CHECK(near.near_limit == Truth::true_);
  const PolicyIssues warning = scp_size_issues(near, {});
  REQUIRE(codes(warning) == std::vector<std::string>{"scp-near-size-limit"});
  CHECK(warning[0].level == IssueLevel::warning);

  // A configurable limit.
  CHECK(text_size(padded_policy(4800, ""), 10000).near_limit == Truth::false_);
  CHECK(text_size(padded_policy(4800, ""), 4000).exceeds == Truth::true_);
}

TEST_CASE("scp size: unknown parts") {
  const std::string small = with_unknowns(
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::<?>"}]})");
  const ScpSize size = text_size(small);
  CHECK_FALSE(size.raw);
  CHECK_FALSE(size.minified);
  CHECK(size.raw_at_least == small.size() - iacscan::detail::kUnknownMarker.size());
  CHECK(size.exceeds == Truth::unknown);
  CHECK(size.near_limit == Truth::unknown);
  CHECK(scp_size_issues(size, {}).empty());

  // Already over the limit without the unknown part: a definite finding.
  std::string big = padded_policy(9000, "");
  big.insert(big.find("s3:DeleteBucket"), std::string(iacscan::detail::kUnknownMarker));
  const ScpSize over = text_size(big);
  CHECK_FALSE(over.raw);
  CHECK(over.exceeds_minified == Truth::true_);
  const PolicyIssues issues = scp_size_issues(over, {});
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("or more") != std::string::npos);

  const Value unknown = Value::unknown("aws_iam_policy_document.scp.json");
  CHECK(measure_scp_size(read_policy(unknown), unknown).exceeds == Truth::unknown);
}
