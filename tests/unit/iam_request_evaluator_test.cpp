// The IAM request evaluator: statement matching, condition operators, unknowns, SCP levels and
// the guardrail query (libscan/src/iam/request_evaluator.hpp, scp_guardrail.hpp).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "iam/policy.hpp"
#include "iam/request_evaluator.hpp"
#include "iam/scp_guardrail.hpp"
#include "value/json_reader.hpp"

namespace {

using namespace iacscan::detail;
using namespace iacscan::detail::iam;

const std::string kUnknown(kUnknownMarker);

Policy policy_from(const std::string& json) {
  ReadResult parsed = read_json(json, 0);
  REQUIRE_MESSAGE(parsed.ok(), json);
  return read_policy(*parsed.value);
}

// One statement in a 2012-10-17 policy.
Policy statement(const std::string& body) {
  return policy_from(R"({"Version":"2012-10-17","Statement":[)" + body + "]}");
}

Request request(std::string action, std::string resource = "*") {
  Request r;
  r.action = std::move(action);
  r.resource = std::move(resource);
  r.principal_arn = "arn:aws:iam::111122223333:role/dev";
  r.region = "eu-west-1";
  r.context_complete = true;
  return r;
}

Verdict identity(const Request& r, const Policy& p) {
  return evaluate_identity(r, {&p}).verdict;
}

// Allowed by "Allow *" unless `p` (a Deny) applies: the verdict says whether the Deny matched.
Verdict deny_with(const Request& r, const Policy& deny) {
  static const Policy allow_all = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  return evaluate_identity(r, {&allow_all, &deny}).verdict;
}

// A Deny on s3:GetObject with the given Condition block.
Verdict condition(const Request& r, const std::string& block) {
  return deny_with(r, statement(R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"*",)"
                                R"("Condition":)" +
                                block + "}"));
}

constexpr Verdict kDenied = Verdict::denied;
constexpr Verdict kAllowed = Verdict::allowed;
constexpr Verdict kUnknownVerdict = Verdict::unknown;

}  // namespace

TEST_CASE("actions match with IAM wildcards anywhere, case-insensitively") {
  const Policy p =
      statement(R"({"Effect":"Allow","Action":["s3:*Object*","ec2:Describe?pcs"],"Resource":"*"})");
  CHECK(identity(request("s3:GetObject"), p) == kAllowed);
  CHECK(identity(request("s3:PutObjectAcl"), p) == kAllowed);
  CHECK(identity(request("S3:getobject"), p) == kAllowed);
  CHECK(identity(request("ec2:DescribeVpcs"), p) == kAllowed);
  CHECK(identity(request("s3:ListBucket"), p) == kDenied);
  CHECK(identity(request("s3x:GetObject"), p) == kDenied);
  CHECK(identity(request("ec2:DescribeVpcsX"), p) == kDenied);
}

TEST_CASE("NotAction and NotResource invert their lists") {
  const Policy not_action =
      statement(R"({"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"})");
  CHECK(deny_with(request("iam:CreateUser"), not_action) == kAllowed);
  CHECK(deny_with(request("s3:GetObject"), not_action) == kDenied);

  const Policy not_resource = statement(
      R"({"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"]})");
  CHECK(deny_with(request("s3:GetObject", "arn:aws:s3:::logs/2025/a.gz"), not_resource) ==
        kAllowed);
  CHECK(deny_with(request("s3:GetObject", "arn:aws:s3:::data/a"), not_resource) == kDenied);
}

TEST_CASE("resource ARNs match part by part, case-sensitively") {
  auto allows = [](const std::string& pattern, const std::string& resource) {
    const Policy p =
        statement(R"({"Effect":"Allow","Action":"*","Resource":")" + pattern + R"("})");
    return identity(request("s3:GetObject", resource), p) == kAllowed;
  };
  CHECK(allows("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c"));
  CHECK_FALSE(allows("arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/a"));
  CHECK(allows("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"));
  // A wildcard stays inside its part: "eu-*" cannot swallow the account.
  CHECK_FALSE(
      allows("arn:aws:ec2:eu-*:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"));
  CHECK(allows("arn:aws:ec2:eu-west-?:*:instance/i-1",
               "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"));
  // A short pattern ending in `*` stands for everything that starts with it.
  CHECK(allows("arn:aws:s3*", "arn:aws:s3:::bucket"));
  CHECK_FALSE(allows("arn:aws:s3", "arn:aws:s3:::bucket"));
  CHECK(allows("*", "anything"));
}

TEST_CASE("string operators") {
  Request r = request("s3:GetObject");
  r.set("aws:PrincipalTag/team", {"Blue"});
  CHECK(condition(r, R"({"StringEquals":{"aws:PrincipalTag/team":["Red","Blue"]}})") == kDenied);
  CHECK(condition(r, R"({"StringEquals":{"aws:principaltag/TEAM":"blue"}})") == kAllowed);
  CHECK(condition(r, R"({"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"blue"}})") == kDenied);
  CHECK(condition(r, R"({"StringNotEquals":{"aws:PrincipalTag/team":["Red","Green"]}})") ==
        kDenied);
  CHECK(condition(r, R"({"StringNotEquals":{"aws:PrincipalTag/team":["Red","Blue"]}})") ==
        kAllowed);
  CHECK(condition(r, R"({"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}})") ==
        kAllowed);
  CHECK(condition(r, R"({"StringLike":{"aws:PrincipalTag/team":"B*e"}})") == kDenied);
  CHECK(condition(r, R"({"StringLike":{"aws:PrincipalTag/team":"b*"}})") == kAllowed);
  CHECK(condition(r, R"({"StringNotLike":{"aws:PrincipalTag/team":["R*","G?een"]}})") == kDenied);
  CHECK(condition(r, R"({"StringNotLike":{"aws:PrincipalTag/team":["R*","Bl?e"]}})") == kAllowed);
  // StringEquals takes `*` literally.
  CHECK(condition(r, R"({"StringEquals":{"aws:PrincipalTag/team":"*"}})") == kAllowed);
}

TEST_CASE("numeric, date, bool and binary operators") {
  Request r = request("s3:GetObject");
  r.set("s3:max-keys", {"10"});
  r.set("aws:CurrentTime", {"2025-06-01T12:00:00Z"});
  r.set("aws:SecureTransport", {"false"});
  r.set("ex:blob", {"QmluYXJ5"});
  CHECK(condition(r, R"({"NumericEquals":{"s3:max-keys":"10"}})") == kDenied);
  CHECK(condition(r, R"({"NumericEquals":{"s3:max-keys":10.0}})") == kDenied);
  CHECK(condition(r, R"({"NumericNotEquals":{"s3:max-keys":["10","11"]}})") == kAllowed);
  CHECK(condition(r, R"({"NumericLessThan":{"s3:max-keys":"10"}})") == kAllowed);
  CHECK(condition(r, R"({"NumericLessThanEquals":{"s3:max-keys":"10"}})") == kDenied);
  CHECK(condition(r, R"({"NumericGreaterThan":{"s3:max-keys":"9.5"}})") == kDenied);
  CHECK(condition(r, R"({"NumericGreaterThanEquals":{"s3:max-keys":"11"}})") == kAllowed);
  // A policy value IAM would refuse: unknown, not a guess.
  CHECK(condition(r, R"({"NumericEquals":{"s3:max-keys":"ten"}})") == kUnknownVerdict);

  CHECK(condition(r, R"({"DateGreaterThan":{"aws:CurrentTime":"2025-01-01"}})") == kDenied);
  CHECK(condition(r, R"({"DateLessThan":{"aws:CurrentTime":"2025-06-01T13:00:00+02:00"}})") ==
        kAllowed);
  CHECK(condition(r, R"({"DateEquals":{"aws:CurrentTime":"1748779200"}})") == kDenied);
  CHECK(condition(r, R"({"DateNotEquals":{"aws:CurrentTime":"2025-06-01T12:00:00.000Z"}})") ==
        kAllowed);
  CHECK(condition(r, R"({"DateLessThanEquals":{"aws:CurrentTime":"2025-06-01T12:00Z"}})") ==
        kDenied);

  CHECK(condition(r, R"({"Bool":{"aws:SecureTransport":"false"}})") == kDenied);
  CHECK(condition(r, R"({"Bool":{"aws:SecureTransport":true}})") == kAllowed);
  CHECK(condition(r, R"({"BinaryEquals":{"ex:blob":"QmluYXJ5"}})") == kDenied);
}

TEST_CASE("IP address operators take IPv4 and IPv6 ranges") {
  Request v4 = request("s3:GetObject");
  v4.set("aws:SourceIp", {"203.0.113.9"});
  CHECK(condition(v4, R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})") == kDenied);
  CHECK(condition(v4, R"({"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.9"]}})") == kDenied);
  CHECK(condition(v4, R"({"IpAddress":{"aws:SourceIp":"203.0.112.0/24"}})") == kAllowed);
  CHECK(condition(v4, R"({"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]}})") ==
        kDenied);
  CHECK(condition(v4, R"({"NotIpAddress":{"aws:SourceIp":"203.0.0.0/16"}})") == kAllowed);
  CHECK(condition(v4, R"({"IpAddress":{"aws:SourceIp":"not-an-ip"}})") == kUnknownVerdict);

  Request v6 = request("s3:GetObject");
  v6.set("aws:SourceIp", {"2001:db8:0:1::7"});
  CHECK(condition(v6, R"({"IpAddress":{"aws:SourceIp":"2001:db8::/32"}})") == kDenied);
  CHECK(condition(v6, R"({"IpAddress":{"aws:SourceIp":"2001:db9::/32"}})") == kAllowed);
  CHECK(condition(v6, R"({"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}})") == kAllowed);
  CHECK(condition(v6, R"({"IpAddress":{"aws:SourceIp":"::ffff:203.0.113.0/120"}})") == kAllowed);
}

TEST_CASE("ARN operators compare the six parts with wildcards") {
  Request r = request("s3:GetObject");  // principal arn:aws:iam::111122223333:role/dev
  CHECK(condition(r, R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/d*"}})") == kDenied);
  CHECK(
      condition(r, R"({"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/dev"}})") ==
      kDenied);
  CHECK(condition(r, R"({"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/admin"]}})") ==
        kDenied);
  CHECK(condition(r, R"({"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"}})") ==
        kAllowed);
  CHECK(condition(r, R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/DEV"}})") == kAllowed);
  // Not a six-part ARN: it matches nothing, and "does not match" does not hold either.
  CHECK(condition(r, R"({"ArnLike":{"aws:PrincipalArn":"role/dev"}})") == kAllowed);
  CHECK(condition(r, R"({"ArnNotLike":{"aws:PrincipalArn":"role/dev"}})") == kAllowed);
}

TEST_CASE("absent keys: false, except IfExists, negated operators, ForAllValues and Null") {
  const Request r = request("s3:GetObject");  // complete context without aws:PrincipalTag/team
  CHECK(condition(r, R"({"StringEquals":{"aws:PrincipalTag/team":"x"}})") == kAllowed);
  CHECK(condition(r, R"({"StringEqualsIfExists":{"aws:PrincipalTag/team":"x"}})") == kDenied);
  CHECK(condition(r, R"({"StringNotEquals":{"aws:PrincipalTag/team":"x"}})") == kDenied);
  CHECK(condition(r, R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::x"}})") == kDenied);
  CHECK(condition(r, R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})") == kDenied);
  CHECK(condition(r, R"({"ForAllValues:StringEquals":{"aws:TagKeys":"x"}})") == kDenied);
  CHECK(condition(r, R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"x"}})") == kAllowed);
  CHECK(condition(r, R"({"ForAnyValue:StringNotEqualsIfExists":{"aws:TagKeys":"x"}})") == kAllowed);
  CHECK(condition(r, R"({"Null":{"aws:PrincipalTag/team":"true"}})") == kDenied);
  CHECK(condition(r, R"({"Null":{"aws:PrincipalTag/team":false}})") == kAllowed);
  CHECK(condition(r, R"({"Null":{"aws:PrincipalArn":"false"}})") == kDenied);
  // IfExists checks the value when the key is there.
  Request tagged = r;
  tagged.set("aws:PrincipalTag/team", {"y"});
  CHECK(condition(tagged, R"({"StringEqualsIfExists":{"aws:PrincipalTag/team":"x"}})") == kAllowed);
}

TEST_CASE("set qualifiers and set-valued keys") {
  Request r = request("s3:GetObject");
  r.set("aws:TagKeys", {"env", "owner"}, true);
  CHECK(condition(r, R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["owner","cost"]}})") ==
        kDenied);
  CHECK(condition(r, R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["cost"]}})") == kAllowed);
  CHECK(condition(r, R"({"ForAllValues:StringEquals":{"aws:TagKeys":["env","owner","cost"]}})") ==
        kDenied);
  CHECK(condition(r, R"({"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}})") == kAllowed);
  CHECK(condition(r, R"({"ForAllValues:StringNotLike":{"aws:TagKeys":["sec*"]}})") == kDenied);
  CHECK(condition(r, R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env"]}})") == kDenied);
  CHECK(condition(r, R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env","owner"]}})") ==
        kAllowed);
  // Without a qualifier a set never matches, negated or not, even with one value.
  CHECK(condition(r, R"({"StringEquals":{"aws:TagKeys":["env","owner"]}})") == kAllowed);
  CHECK(condition(r, R"({"StringNotEquals":{"aws:TagKeys":"x"}})") == kAllowed);
  Request one = request("s3:GetObject");
  one.set("aws:TagKeys", {"env"}, true);
  CHECK(condition(one, R"({"StringEquals":{"aws:TagKeys":"env"}})") == kAllowed);
  CHECK(condition(one, R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"env"}})") == kDenied);
  // An empty set: ForAllValues holds, ForAnyValue does not.
  Request empty = request("s3:GetObject");
  empty.set("aws:TagKeys", {}, true);
  CHECK(condition(empty, R"({"ForAllValues:StringEquals":{"aws:TagKeys":"x"}})") == kDenied);
  CHECK(condition(empty, R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"x"}})") == kAllowed);
}

TEST_CASE("a Condition block holds when every clause holds") {
  Request r = request("s3:GetObject");
  r.set("aws:PrincipalTag/team", {"blue"});
  CHECK(condition(
            r,
            R"({"StringEquals":{"aws:PrincipalTag/team":"blue","aws:RequestedRegion":"eu-west-1"},)"
            R"("ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"}})") == kDenied);
  CHECK(
      condition(
          r,
          R"({"StringEquals":{"aws:PrincipalTag/team":"blue","aws:RequestedRegion":"us-east-1"}})") ==
      kAllowed);
}

TEST_CASE("a key the scan was not told makes the answer unknown, and says which key") {
  Request r = request("s3:GetObject");
  r.context_complete = false;
  const Policy deny = statement(
      R"({"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}})");
  static const Policy allow_all = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  const Decision d = evaluate_identity(r, {&allow_all, &deny});
  CHECK(d.verdict == kUnknownVerdict);
  REQUIRE(d.decisive.size() == 1);
  CHECK(d.decisive[0].policy == 1);
  CHECK(d.decisive[0].statement == 0);
  CHECK(d.unknown_keys == std::vector<std::string>{"aws:sourcevpc"});
  // A clause that is false for sure decides the statement, unknown keys or not.
  CHECK(
      condition(
          r,
          R"({"StringNotEquals":{"aws:SourceVpc":"vpc-1"},"StringEquals":{"aws:RequestedRegion":"us-east-1"}})") ==
      kAllowed);
  // Empty principal and region are unknown too when the context is not complete.
  Request no_principal = request("s3:GetObject");
  no_principal.context_complete = false;
  no_principal.principal_arn.clear();
  CHECK(condition(no_principal, R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}})") ==
        kUnknownVerdict);
  Request complete = request("s3:GetObject");
  complete.principal_arn.clear();
  CHECK(condition(complete, R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}})") ==
        kAllowed);
}

TEST_CASE("unknown policy elements make the answer unknown only where they matter") {
  const Request r = request("s3:GetObject", "arn:aws:s3:::data/a");
  const Policy unknown_resource = statement(
      R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::)" + kUnknown + R"("})");
  CHECK(deny_with(r, unknown_resource) == kUnknownVerdict);
  CHECK(deny_with(request("s3:PutObject", "arn:aws:s3:::data/a"), unknown_resource) == kAllowed);
  // One known resource that matches decides it.
  const Policy partly_unknown =
      statement(R"({"Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::)" + kUnknown +
                R"(","arn:aws:s3:::data/*"]})");
  CHECK(deny_with(r, partly_unknown) == kDenied);

  const Policy unknown_effect =
      statement(R"({"Effect":")" + kUnknown + R"(","Action":"s3:*","Resource":"*"})");
  CHECK(deny_with(r, unknown_effect) == kUnknownVerdict);
  CHECK(identity(r, unknown_effect) == kUnknownVerdict);
  CHECK(identity(request("ec2:RunInstances"), unknown_effect) == kDenied);

  const Policy unknown_values =
      statement(R"({"Effect":"Deny","Action":"s3:*","Resource":"*",)"
                R"("Condition":{"StringEquals":{"aws:RequestedRegion":")" +
                kUnknown + R"("}}})");
  CHECK(deny_with(r, unknown_values) == kUnknownVerdict);

  Policy more_statements = statement(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
  more_statements.statement_unknown = true;
  const Decision d = evaluate_identity(r, {&more_statements});
  CHECK(d.verdict == kUnknownVerdict);  // the unknown rest may deny
  CHECK(evaluate_identity(request("ec2:RunInstances"), {&more_statements}).verdict ==
        kUnknownVerdict);

  Policy whole;
  whole.unknown = true;
  CHECK(deny_with(r, whole) == kUnknownVerdict);
  CHECK(deny_with(r, policy_from(R"([1])")) == kUnknownVerdict);  // IAM refuses it
  // An operator IAM does not have, a statement with both Action and NotAction: refused too.
  CHECK(condition(r, R"({"StringAlmostEquals":{"aws:RequestedRegion":"x"}})") == kUnknownVerdict);
  CHECK(deny_with(
            r,
            statement(R"({"Effect":"Deny","Action":"s3:*","NotAction":"iam:*","Resource":"*"})")) ==
        kUnknownVerdict);
  // Neither "*" nor an ARN, an action without its service: refused as well.
  CHECK(deny_with(r, statement(R"({"Effect":"Deny","Action":"s3:*","Resource":"bucket/*"})")) ==
        kUnknownVerdict);
  CHECK(deny_with(r, statement(R"({"Effect":"Deny","NotAction":"GetObject","Resource":"*"})")) ==
        kUnknownVerdict);
}

TEST_CASE("identity evaluation: explicit deny, then allow, then implicit deny") {
  const Policy allow = statement(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
  const Policy deny = statement(R"({"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"})");
  Decision d = evaluate_identity(request("s3:DeleteBucket"), {&allow, &deny});
  CHECK(d.verdict == kDenied);
  CHECK(d.explicit_deny);
  REQUIRE(d.decisive.size() == 1);
  CHECK(d.decisive[0].policy == 1);
  CHECK(d.decisive[0].span.range.start_line == 1);
  d = evaluate_identity(request("s3:GetObject"), {&allow, &deny});
  CHECK(d.verdict == kAllowed);
  CHECK(d.decisive.size() == 1);
  d = evaluate_identity(request("ec2:RunInstances"), {&allow, &deny});
  CHECK(d.verdict == kDenied);
  CHECK_FALSE(d.explicit_deny);
  CHECK(d.decisive.empty());
  // Nothing allows it: denied, however the unknown Deny turns out.
  Request partial = request("ec2:RunInstances");
  partial.context_complete = false;
  const Policy maybe_deny = statement(
      R"({"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}})");
  CHECK(evaluate_identity(partial, {&allow, &maybe_deny}).verdict == kDenied);
}

TEST_CASE("policy variables in resources and condition values") {
  Request r = request("s3:GetObject", "arn:aws:s3:::home/blue/notes.txt");
  r.set("aws:PrincipalTag/team", {"blue"});
  const Policy allow = statement(
      R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:PrincipalTag/team}/*"})");
  CHECK(identity(r, allow) == kAllowed);
  CHECK(identity(request("s3:GetObject", "arn:aws:s3:::home/blue/x"), allow) ==
        kDenied);  // tag absent

  // A substituted value is literal: its `*` is no wildcard.
  Request star = request("s3:GetObject", "arn:aws:s3:::home/anything/x");
  star.set("aws:PrincipalTag/team", {"*"});
  CHECK(identity(star, allow) == kDenied);
  // ${*}, ${?} and ${$} are literal characters.
  const Policy escaped =
      statement(R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${*}${?}${$}"})");
  CHECK(identity(request("s3:GetObject", "arn:aws:s3:::b/*?$"), escaped) == kAllowed);
  CHECK(identity(request("s3:GetObject", "arn:aws:s3:::b/ab$"), escaped) == kDenied);
  // A default stands in for an absent key.
  const Policy fallback = statement(
      R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:PrincipalTag/team, 'shared'}/*"})");
  CHECK(identity(request("s3:GetObject", "arn:aws:s3:::home/shared/x"), fallback) == kAllowed);

  // A NotResource whose variable has no value does not match either, unless the pattern is for
  // another service, region or account anyway.
  const Policy not_resource = statement(
      R"({"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::team-${aws:PrincipalTag/team}/*"]})");
  CHECK(deny_with(request("s3:GetObject", "arn:aws:s3:::team-red/x"), not_resource) == kAllowed);
  CHECK(
      deny_with(request("s3:GetObject", "arn:aws:s3:eu-west-1:111122223333:accesspoint/a/object/x"),
                not_resource) == kDenied);
  Request blue = request("s3:GetObject", "arn:aws:s3:::team-red/x");
  blue.set("aws:PrincipalTag/team", {"blue"});
  CHECK(deny_with(blue, not_resource) == kDenied);

  // In conditions; a variable without a value matches nothing, not even a negated operator.
  CHECK(condition(r, R"({"StringEquals":{"s3:prefix":"${aws:PrincipalTag/team}"}})") == kAllowed);
  Request prefixed = r;
  prefixed.set("s3:prefix", {"blue"});
  CHECK(condition(prefixed, R"({"StringEquals":{"s3:prefix":"${aws:PrincipalTag/team}"}})") ==
        kDenied);
  CHECK(condition(prefixed, R"({"StringNotEquals":{"s3:prefix":"${aws:PrincipalTag/owner}"}})") ==
        kAllowed);
  CHECK(condition(prefixed,
                  R"({"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::${Account}:role/x"}})") ==
        kAllowed);

  // "${Account}" is no context key: it has no value even when the context is not complete.
  Request incomplete = request("s3:GetObject");
  incomplete.context_complete = false;
  CHECK(condition(incomplete,
                  R"({"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::${Account}:role/x"}})") ==
        kAllowed);

  // An unknown variable key: unknown.
  Request partial = request("s3:GetObject", "arn:aws:s3:::home/blue/x");
  partial.context_complete = false;
  const Decision d = evaluate_identity(partial, {&allow});
  CHECK(d.verdict == kUnknownVerdict);
  CHECK(d.unknown_keys == std::vector<std::string>{"aws:principaltag/team"});

  // Version 2008-10-17 (or none) takes "${...}" literally.
  const Policy old = policy_from(
      R"({"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:PrincipalTag/team}/*"}]})");
  CHECK(identity(r, old) == kDenied);
  CHECK(identity(request("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team}/x"), old) ==
        kAllowed);
}

TEST_CASE("SCPs: a deny at any level wins, and every level must allow") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  const Policy s3_only = statement(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
  const Policy no_delete =
      statement(R"({"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"})");
  const std::vector<ScpLevel> levels = {
      {"Root", {&full}}, {"ou-1", {&s3_only, &no_delete}}, {"account", {&full}}};

  ScpDecision d = evaluate_scps(request("s3:GetObject"), levels);
  CHECK(d.verdict == kAllowed);
  CHECK(d.decisive.size() == 3);  // one Allow per level

  d = evaluate_scps(request("s3:DeleteBucket"), levels);
  CHECK(d.verdict == kDenied);
  CHECK(d.explicit_deny);
  REQUIRE(d.decisive.size() == 1);
  CHECK(d.decisive[0].level == 1);
  CHECK(d.decisive[0].policy == 1);
  CHECK(d.decisive[0].statement == 0);

  d = evaluate_scps(request("ec2:RunInstances"), levels);
  CHECK(d.verdict == kDenied);
  CHECK_FALSE(d.explicit_deny);
  CHECK(d.level_without_allow == std::optional<std::size_t>(1));

  CHECK(evaluate_scps(request("ec2:RunInstances"), {}).verdict == kAllowed);
  CHECK(evaluate_scps(request("ec2:RunInstances"), {{"empty", {}}}).verdict == kDenied);

  // An Allow with a condition at one level: unknown when the key is unknown.
  const Policy conditional = statement(
      R"({"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}})");
  Request partial = request("ec2:RunInstances");
  partial.context_complete = false;
  partial.region.clear();
  d = evaluate_scps(partial, {{"Root", {&full}}, {"ou", {&conditional}}});
  CHECK(d.verdict == kUnknownVerdict);
  REQUIRE(d.decisive.size() == 1);
  CHECK(d.decisive[0].level == 1);
  CHECK(d.unknown_keys == std::vector<std::string>{"aws:requestedregion"});
  CHECK(evaluate_scps(request("ec2:RunInstances"), {{"Root", {&full}}, {"ou", {&conditional}}})
            .verdict == kAllowed);
}

TEST_CASE("resource scope every: a Deny must cover all resources, an Allow some") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  const Policy deny_one =
      statement(R"({"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::secret/*"})");
  const Policy deny_all = statement(R"({"Effect":"Deny","Action":"s3:*","Resource":"arn:*"})");
  // Without the action's resource types, "arn:aws:s3:::*" is not known to be every resource.
  const Policy deny_buckets =
      statement(R"({"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*"})");
  const Policy allow_one =
      statement(R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::public/*"})");
  Request every = request("s3:GetObject");
  every.resource_scope = ResourceScope::every;
  CHECK(evaluate_scps(every, {{"Root", {&full, &deny_one}}}).verdict == kAllowed);
  CHECK(evaluate_scps(every, {{"Root", {&full, &deny_all}}}).verdict == kDenied);
  CHECK(evaluate_scps(every, {{"Root", {&full, &deny_buckets}}}).verdict == kAllowed);
  CHECK(evaluate_scps(every, {{"Root", {&allow_one}}}).verdict == kAllowed);
  // Exact scope: "*" is a resource of its own (a wildcard-only action's).
  CHECK(evaluate_scps(request("s3:ListAllMyBuckets"), {{"Root", {&allow_one}}}).verdict == kDenied);
}

TEST_CASE("guardrail: narrow PrincipalArn exceptions still make a guardrail") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  const Policy leave = statement(
      R"({"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*",)"
      R"("Condition":{"ArnNotLike":{"aws:PrincipalARN":["arn:aws:iam::*:role/OrgAdmin"]}}})");
  const std::vector<ScpLevel> levels = {{"Root", {&full, &leave}}};
  const GuardrailResult r = is_denied_except(levels, "organizations:LeaveOrganization");
  CHECK(r.denied == Truth::true_);
  CHECK(r.explicit_deny);
  REQUIRE(r.denying_statements.size() == 1);
  CHECK(r.denying_statements[0].policy == 1);
  REQUIRE(r.exceptions.size() == 1);
  CHECK(r.exceptions[0].kind == ExceptionKind::principal);
  CHECK(r.exceptions[0].op == "ArnNotLike");
  CHECK(r.exceptions[0].key == "aws:PrincipalARN");
  CHECK(r.exceptions[0].values == std::vector<std::string>{"arn:aws:iam::*:role/OrgAdmin"});
  CHECK(r.exceptions[0].value_spans.size() == 1);
  CHECK(r.unknown_keys.empty());

  CHECK(is_denied_except(levels, "organizations:ListAccounts").denied == Truth::false_);
}

TEST_CASE("guardrail: weak exceptions are reported for judging, not hidden") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  // Excepting every role (the probe is a role) or everyone still reads as a Deny with an
  // exception; the exception's values say how weak it is.
  for (const std::string& weak :
       {std::string(R"("ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"})"),
        std::string(R"("StringNotLike":{"aws:PrincipalArn":"*"})"),
        std::string(R"("StringNotLike":{"aws:userid":"*:admin*"})"),
        std::string(R"("NotIpAddress":{"aws:SourceIp":"0.0.0.0/0"})")}) {
    CAPTURE(weak);
    const Policy deny = statement(
        R"({"Effect":"Deny","Action":"cloudtrail:StopLogging","Resource":"*","Condition":{)" +
        weak + "}}");
    const GuardrailResult r =
        is_denied_except({{"Root", {&full, &deny}}}, "cloudtrail:StopLogging");
    CHECK(r.denied == Truth::true_);
    REQUIRE(r.exceptions.size() == 1);
  }
  const Policy deny =
      statement(R"({"Effect":"Deny","Action":"cloudtrail:StopLogging","Resource":"*","Condition":{)"
                R"("NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}})");
  const GuardrailResult r = is_denied_except({{"Root", {&full, &deny}}}, "cloudtrail:StopLogging");
  REQUIRE(r.exceptions.size() == 1);
  CHECK(r.exceptions[0].kind == ExceptionKind::network);
}

TEST_CASE("guardrail: service calls, principal tags, regions and other keys") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  auto query = [&](const std::string& block, const std::string& region = "") {
    const Policy deny = statement(
        R"({"Effect":"Deny","Action":"iam:CreateUser","Resource":"*","Condition":)" + block + "}");
    GuardrailQuery q;
    q.action = "iam:CreateUser";
    q.region = region;
    return is_denied_except({{"Root", {&full, &deny}}}, q);
  };
  // A direct call by the probe: the Deny applies; the service exemption is reported.
  GuardrailResult r = query(R"({"Bool":{"aws:ViaAWSService":"false"}})");
  CHECK(r.denied == Truth::true_);
  REQUIRE(r.exceptions.size() == 1);
  CHECK(r.exceptions[0].kind == ExceptionKind::service);
  CHECK(query(R"({"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}})").denied == Truth::true_);
  // Tagged principals excepted: the ordinary principal has no such tag.
  r = query(R"({"StringNotEqualsIfExists":{"aws:PrincipalTag/dp:exclude":"true"}})");
  CHECK(r.denied == Truth::true_);
  CHECK(r.exceptions.size() == 1);
  // A Deny aimed at some principals only is no guardrail for all of them.
  CHECK(query(R"({"StringEquals":{"aws:PrincipalTag/team":"contractors"}})").denied ==
        Truth::false_);
  CHECK(query(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}})").denied == Truth::false_);
  CHECK(query(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"}})").denied ==
        Truth::true_);
  // Regions: unknown unless the query gives one.
  r = query(R"({"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}})");
  CHECK(r.denied == Truth::unknown);
  CHECK(r.unknown_keys == std::vector<std::string>{"aws:requestedregion"});
  CHECK(query(R"({"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}})", "us-east-1").denied ==
        Truth::true_);
  CHECK(query(R"({"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}})", "eu-west-1").denied ==
        Truth::false_);
  // Any other key: unknown.
  r = query(
      R"({"Bool":{"aws:MultiFactorAuthPresent":"false"},"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/Admin"}})");
  CHECK(r.denied == Truth::unknown);
  CHECK(r.unknown_keys == std::vector<std::string>{"aws:multifactorauthpresent"});
  CHECK(r.exceptions.size() == 1);
  // A ForAnyValue negation on CalledVia is not an exception clause: direct calls have none.
  CHECK(
      query(R"({"ForAnyValue:StringNotEquals":{"aws:CalledVia":["cloudformation.amazonaws.com"]}})")
          .denied == Truth::false_);
}

TEST_CASE("guardrail: allow lists and resource-specific Denies") {
  const Policy full = statement(R"({"Effect":"Allow","Action":"*","Resource":"*"})");
  const Policy allow_list =
      statement(R"({"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"})");
  GuardrailResult r =
      is_denied_except({{"Root", {&full}}, {"ou", {&allow_list}}}, "iam:CreateUser");
  CHECK(r.denied == Truth::true_);
  CHECK_FALSE(r.explicit_deny);
  CHECK(r.level_without_allow == std::optional<std::size_t>(1));

  const Policy one_trail = statement(
      R"({"Effect":"Deny","Action":"cloudtrail:DeleteTrail","Resource":"arn:aws:cloudtrail:*:*:trail/org"})");
  CHECK(is_denied_except({{"Root", {&full, &one_trail}}}, "cloudtrail:DeleteTrail").denied ==
        Truth::false_);
  CHECK(is_denied_except({{"Root", {&full, &one_trail}}}, "cloudtrail:DeleteTrail",
                         "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org")
            .denied == Truth::true_);
}
