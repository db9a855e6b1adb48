// SCP predicates: weak guardrail exceptions and region restrictions that cut off the global
// services, on SCP files read from JSON (lines are the text's own).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "engine/scp_predicates.hpp"
#include "graph/resource.hpp"
#include "iam/action_catalog.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

// An SCP file as the policy-file loader gives it: PolicyFile::SCP with a Document.
Resource scp_file(std::string_view json) {
  ReadResult read = read_json(json, 1);
  REQUIRE(read.ok());
  Resource r;
  r.format = SourceFormat::policy_file;
  r.native_type = "PolicyFile::SCP";
  r.address = "scps/guardrail.json";
  r.attributes.set("Document", std::move(*read.value));
  return r;
}

Outcome run(Outcome (*predicate)(const PredicateInput&), const Resource& r) {
  const Value no_arguments = Value::map({});
  return predicate(PredicateInput{r, r.attributes, no_arguments});
}

Outcome weak(std::string_view json) {
  return run(scp_exception_weak, scp_file(json));
}

Outcome region(std::string_view json) {
  return run(scp_region_deny_breaks_global_services, scp_file(json));
}

std::string deny_with_condition(std::string_view condition, std::string_view action = "\"*\"") {
  return std::string(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": )") +
         std::string(action) + R"(, "Resource": "*",
  "Condition": )" +
         std::string(condition) + "}]}";
}

}  // namespace

TEST_CASE("scp-exception-weak: principal patterns that match every role or any name") {
  for (const char* pattern :
       {"*", "arn:aws:iam::*:role/*", "arn:aws:iam::*:*", "arn:aws:iam::123456789012:*", "*Admin*",
        "arn:aws:iam::*:role/*Admin*", "arn:aws:iam::*:role/*/OrgAdmin",
        "arn:*:sts::*:assumed-role/*", "arn:aws:*"}) {
    CAPTURE(pattern);
    const Outcome o = weak(deny_with_condition(
        std::string(R"({"ArnNotLike": {"aws:PrincipalArn": ")") + pattern + "\"}}"));
    CHECK(o.truth == Truth::true_);
    CHECK(o.span.range.start_line == 2);
    CHECK(o.detail.find(pattern) != std::string::npos);
  }
}

TEST_CASE("scp-exception-weak: narrow exceptions pass") {
  for (const char* pattern :
       {"arn:aws:iam::*:role/OrgSecurityAdmin", "arn:aws:iam::*:role/stacksets-exec-*",
        "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin*",
        "arn:aws:iam::111122223333:role/aws-service-role/*", "arn:aws:iam::*:root"}) {
    CAPTURE(pattern);
    CHECK(weak(deny_with_condition(std::string(R"({"ArnNotLike": {"aws:PrincipalArn": ")") +
                                   pattern + "\"}}"))
              .truth == Truth::false_);
  }
  // StringNotEquals takes "*" literally: it exempts nobody.
  CHECK(weak(deny_with_condition(R"({"StringNotEquals": {"aws:PrincipalArn": "*"}})")).truth ==
        Truth::false_);
  // A positive test on aws:PrincipalArn chooses whom the Deny applies to; it is no exception.
  CHECK(weak(deny_with_condition(R"({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}})"))
            .truth == Truth::false_);
  // An Allow is no guardrail.
  CHECK(weak(R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
      "Condition": {"ArnNotLike": {"aws:PrincipalArn": "*"}}}]})")
            .truth == Truth::false_);
}

TEST_CASE("scp-exception-weak: exceptions keyed on aws:userid, aws:username, aws:SourceIp") {
  for (const char* clause : {R"({"StringNotLike": {"aws:userid": "AROAEXAMPLE:*"}})",
                             R"({"StringNotEquals": {"aws:UserName": "admin"}})",
                             R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})"}) {
    CAPTURE(clause);
    const Outcome o = weak(deny_with_condition(clause, R"("iam:CreateUser")"));
    CHECK(o.truth == Truth::true_);
    CHECK(o.detail.find("aws:PrincipalArn") != std::string::npos);
  }
  // A positive test on those keys targets callers rather than exempting them.
  CHECK(weak(deny_with_condition(R"({"StringLike": {"aws:username": "temp-*"}})")).truth ==
        Truth::false_);
}

TEST_CASE("scp-exception-weak: a network perimeter is not an exception") {
  CHECK(weak(deny_with_condition(R"({
      "NotIpAddressIfExists": {"aws:SourceIp": "203.0.113.0/24"},
      "StringNotEqualsIfExists": {"aws:SourceVpc": "vpc-0a1b2c3d"},
      "BoolIfExists": {"aws:ViaAWSService": "false"}})"))
            .truth == Truth::false_);
}

TEST_CASE("scp-exception-weak: an exception covering every targeted principal") {
  const Outcome o = weak(deny_with_condition(R"({
      "StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"},
      "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:ro*"}})"));
  CHECK(o.truth == Truth::true_);
  CHECK(o.detail.find("every principal the statement targets") != std::string::npos);
  CHECK(weak(deny_with_condition(R"({
      "StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"},
      "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:root"}})"))
            .truth == Truth::false_);
}

TEST_CASE("scp-exception-weak: unknown exceptions and effects stay unknown") {
  // A Terraform variable in the exception list: could be "*".
  Resource r = scp_file(deny_with_condition(R"({"ArnNotLike": {"aws:PrincipalArn": "x"}})"));
  Value* values = r.attributes.find("Document")
                      ->find("Statement")
                      ->items()[0]
                      .find("Condition")
                      ->find("ArnNotLike");
  values->set("aws:PrincipalArn", Value::unknown("var.exempt_roles"));
  CHECK(run(scp_exception_weak, r).truth == Truth::unknown);

  // A template placeholder in the account part decides nothing about the role name...
  const std::string marker(kUnknownMarker);
  CHECK(weak(deny_with_condition(R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::)" + marker +
                                 R"(:role/OrgAdmin"}})"))
            .truth == Truth::false_);
  const Outcome broad = weak(deny_with_condition(
      R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::)" + marker + R"(:role/*"}})"));
  CHECK(broad.truth == Truth::true_);
  CHECK(broad.detail.find("arn:aws:iam::${...}:role/*") != std::string::npos);
  // ... in the name it might be anything.
  CHECK(weak(deny_with_condition(R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/)" +
                                 marker + R"("}})"))
            .truth == Truth::unknown);

  Resource effect = scp_file(R"({"Statement": [{"Effect": "Deny", "Action": "*",
      "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "*"}}}]})");
  effect.attributes.find("Document")
      ->find("Statement")
      ->items()[0]
      .set("Effect", Value::unknown("var.effect"));
  CHECK(run(scp_exception_weak, effect).truth == Truth::unknown);
}

TEST_CASE("scp-region-deny: Action * outside the allowed regions denies the global services") {
  const Outcome o = region(deny_with_condition(
      R"({"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}})"));
  REQUIRE(o.truth == Truth::true_);
  CHECK(o.span.range.start_line == 1);  // the Action element
  CHECK(o.detail.find("iam, organizations, sts") != std::string::npos);
  CHECK(o.detail.find("(us-east-1)") != std::string::npos);
  CHECK(o.detail.find("globalaccelerator, networkmanager (us-west-2)") != std::string::npos);
}

TEST_CASE("scp-region-deny: exempting the global services, or allowing their regions, passes") {
  std::string not_action = "[";
  for (const GlobalService& s : global_services())
    not_action += (not_action.size() > 1 ? ", \"" : "\"") + std::string(s.prefix) + ":*\"";
  not_action += "]";
  CHECK(region(R"({"Statement": [{"Effect": "Deny", "NotAction": )" + not_action +
               R"(, "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]})")
            .truth == Truth::false_);
  CHECK(region(deny_with_condition(
                   R"({"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "us-west-2"]}})"))
            .truth == Truth::false_);
  // Only global services an organization may choose not to use.
  CHECK(region(R"({"Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "organizations:*",
      "sts:*", "route53:*", "cloudfront:*", "support:*", "budgets:*"], "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]})")
            .truth == Truth::false_);
  // Regional services only.
  CHECK(region(deny_with_condition(R"({"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}})",
                                   R"(["ec2:*", "s3:*"])"))
            .truth == Truth::false_);
  // Not a region restriction at all.
  CHECK(
      region(R"({"Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]})").truth ==
      Truth::false_);
}

TEST_CASE("scp-region-deny: partial exemptions name what is still denied") {
  const Outcome o = region(R"({"Statement": [{"Effect": "Deny",
      "NotAction": ["iam:*", "organizations:*", "cloudfront:*", "route53:*", "support:*",
                    "sts:Get*"],
      "Resource": "*",
      "Condition": {"StringNotLike": {"aws:RequestedRegion": "eu-*"}}}]})");
  REQUIRE(o.truth == Truth::true_);
  CHECK(o.detail.find("sts, ") != std::string::npos);  // sts:AssumeRole is still denied
  CHECK(o.detail.find("iam") == std::string::npos);
}

TEST_CASE("scp-region-deny: an admin exception does not save everyone else") {
  CHECK(region(deny_with_condition(R"({
      "StringNotEquals": {"aws:RequestedRegion": "eu-west-1"},
      "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrgAdmin"}})"))
            .truth == Truth::true_);
  // A Deny that applies only to callers through one VPC endpoint is not about the probe.
  CHECK(region(deny_with_condition(R"({
      "StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"},
      "StringNotEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}})"))
            .truth == Truth::false_);
}

TEST_CASE("scp-region-deny: unknown regions are unknown") {
  Resource r =
      scp_file(deny_with_condition(R"({"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}})"));
  r.attributes.find("Document")
      ->find("Statement")
      ->items()[0]
      .find("Condition")
      ->find("StringNotEquals")
      ->set("aws:RequestedRegion", Value::unknown("var.allowed_regions"));
  CHECK(run(scp_region_deny_breaks_global_services, r).truth == Truth::unknown);
}

TEST_CASE("every global service the region check knows is in the action catalog") {
  const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
  for (const GlobalService& s : global_services()) {
    CAPTURE(s.prefix);
    CHECK(catalog.is_known_service(s.prefix));
  }
}
