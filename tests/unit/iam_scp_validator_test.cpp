// SCP validation: the legacy and 2025 syntax profiles, the common checks, and the size
// against the Organizations quota (raw as written, minified, unknown parts).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "iam/document_size.hpp"
#include "iam/policy_validator.hpp"
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

namespace {

// A structure (as a CloudFormation object arrives) from a padded policy, with the Resource of
// its first statement replaced by `replacement`.
Value structure_with(const std::string& text, Value replacement) {
  Value structure = *iacscan::detail::read_json(text, 1).value;
  Value& first = structure.find("Statement")->items().at(0);
  first.set("Resource", std::move(replacement));
  return structure;
}

}  // namespace

TEST_CASE("scp size: a structure with unknown parts has a lower bound") {
  using iacscan::detail::iam::minified_size;
  const std::string text = padded_policy(5900, "");
  const Value known = *iacscan::detail::read_json(text, 1).value;
  const std::size_t compact = *minified_size(known);
  REQUIRE(compact > 5300);
  REQUIRE(compact < 5500);  // over the limit by a few hundred, like a real SCP grown too far

  // A !Ref (no candidates) might even be AWS::NoValue behind an Fn::If, which removes the
  // entry: the bound leaves out `,"Resource":"*"`.
  const Value with_ref = structure_with(text, Value::unknown("parameter \"Arn\" has no value"));
  const ScpSize size = measure_scp_size(read_policy(with_ref), with_ref);
  CHECK_FALSE(size.from_text);
  CHECK_FALSE(size.raw);
  CHECK_FALSE(size.minified);
  CHECK(size.raw_at_least == compact - std::string(R"(,"Resource":"*")").size());
  CHECK(size.minified_at_least == size.raw_at_least);
  CHECK(size.exceeds == Truth::true_);
  CHECK(size.exceeds_minified == Truth::true_);
  const PolicyIssues issues = scp_size_issues(size, {});
  REQUIRE(codes(issues) == std::vector<std::string>{"scp-too-large"});
  CHECK(issues[0].message.find(std::to_string(size.raw_at_least) + " or more") !=
        std::string::npos);

  // An unknown with candidates takes at least its smallest one.
  Value choice = Value::unknown("Fn::If on condition \"Prod\"");
  choice.candidates = std::make_shared<const Value::List>(
      Value::List{Value::string("arn:aws:s3:::bucket-a"), Value::string("arn:aws:s3:::b")});
  const Value with_choice = structure_with(text, choice);
  const ScpSize chosen = measure_scp_size(read_policy(with_choice), with_choice);
  CHECK_FALSE(chosen.raw);
  CHECK(chosen.raw_at_least ==
        compact - std::string(R"("*")").size() + std::string(R"("arn:aws:s3:::b")").size());
  CHECK(chosen.exceeds_minified == Truth::true_);

  // The same document held by a Terraform jsonencode whose string is unknown: the structure
  // it encodes is measured.
  Value encoded = Value::unknown("jsonencode of an unknown value");
  encoded.encoded = std::make_shared<const iacscan::detail::EncodedText>(
      iacscan::detail::EncodedText{std::make_shared<const Value>(with_ref), ""});
  const ScpSize from_terraform = measure_scp_size(read_policy(encoded), encoded);
  CHECK(from_terraform.raw_at_least == size.raw_at_least);
  CHECK(codes(scp_size_issues(from_terraform, {})) == std::vector<std::string>{"scp-too-large"});

  // A configurable limit the bound does not cross leaves the size unknown.
  const ScpSize within =
      measure_scp_size(read_policy(with_ref), with_ref, ScpSizeOptions{compact + 100, 90});
  CHECK(within.exceeds == Truth::unknown);
  CHECK(within.near_limit == Truth::unknown);
  CHECK(scp_size_issues(within, {}).empty());
}

TEST_CASE("scp size: a structure whose bound is only near the limit stays unknown") {
  // About 4,900 bytes known plus an unknown: only the unknown part could cross, so neither an
  // error nor a near-limit warning.
  const std::string text = padded_policy(5350, "");
  const Value structure = structure_with(text, Value::unknown("x"));
  const ScpSize size = measure_scp_size(read_policy(structure), structure);
  REQUIRE(size.raw_at_least >= 5120 * 90 / 100);
  REQUIRE(size.raw_at_least <= 5120);
  CHECK(size.exceeds == Truth::unknown);
  CHECK(size.near_limit == Truth::unknown);
  CHECK(scp_size_issues(size, {}).empty());
}

TEST_CASE("validator messages name each policy type with its article") {
  using iacscan::detail::iam::PolicyType;
  using iacscan::detail::iam::validate_policy;
  const auto message = [](const std::string& statement, PolicyType type, const char* code) {
    const PolicyIssues issues = validate_policy(
        policy_from_json(R"({"Version": "2012-10-17", "Statement": [)" + statement + "]}"), type,
        iam_catalog());
    for (const PolicyIssue& issue : issues)
      if (issue.code == code) return issue.message;
    return std::string("(no " + std::string(code) + ")");
  };
  const std::string with_principal =
      R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})";
  CHECK(message(with_principal, PolicyType::scp, "principal-not-allowed") ==
        "an SCP takes no Principal");
  CHECK(message(with_principal, PolicyType::identity, "principal-not-allowed") ==
        "an identity policy takes no Principal");
  CHECK(message(R"({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "s3:*", "Resource": "*"})",
                PolicyType::rcp, "principal-not-allowed") == "an RCP takes no NotPrincipal");
  const std::string without_principal = R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})";
  CHECK(message(without_principal, PolicyType::rcp, "missing-principal") ==
        "a statement of an RCP needs a Principal");
  CHECK(message(without_principal, PolicyType::resource, "missing-principal") ==
        "a statement of a resource policy needs a Principal");
}
