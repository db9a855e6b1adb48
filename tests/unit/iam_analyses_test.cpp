// IAM policy analyses: allowed actions and administrator access, three-valued (unknown parts
// never become a definite answer) and pointing at statement lines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "iam/admin_access.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/resource_scope.hpp"
#include "iam_test_support.hpp"

using iacscan::detail::Truth;
using iacscan::detail::iam::AnalysisHit;
using iacscan::detail::iam::Effect;
using iacscan::detail::iam::overall_truth;
using iacscan::detail::iam::Policy;
using iacscan::testing::iam_catalog;
using iacscan::testing::policy_from_json;
using iacscan::testing::policy_from_string;
using iacscan::testing::with_unknowns;

namespace iam = iacscan::detail::iam;

namespace {

// A policy of one statement written as the JSON object's members.
Policy one_statement(const std::string& members) {
  return policy_from_json(R"({"Version": "2012-10-17", "Statement": [{)" + members + "}]}");
}

Truth full_admin(const Policy& p) {
  return overall_truth(iam::find_full_admin(p, iam_catalog()));
}

}  // namespace

TEST_CASE("iam analyses: actions a statement and a policy allow") {
  const auto& catalog = iam_catalog();
  const Policy p = policy_from_json(R"({"Statement": [
    {"Effect": "Allow", "Action": ["s3:Get*", "s3:NoSuchAction", "nocolon"], "Resource": "*"},
    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
    {"Effect": "Deny", "Action": "ec2:*", "Resource": "*"}
  ]})");
  const iam::ActionCoverage s3 = iam::statement_actions(p.statements[0], catalog);
  const auto get_object = catalog.find("s3:GetObject");
  REQUIRE(get_object);
  CHECK(s3.actions.contains(*get_object));
  CHECK_FALSE(s3.actions.contains(*catalog.find("s3:PutObject")));
  CHECK_FALSE(s3.could_be_more());
  REQUIRE(s3.unmatched.size() == 2);
  CHECK(s3.unmatched[0].text == "s3:NoSuchAction");
  CHECK(s3.unmatched[1].text == "nocolon");

  const iam::ActionCoverage not_iam = iam::statement_actions(p.statements[1], catalog);
  CHECK_FALSE(not_iam.actions.contains(*catalog.find("iam:PassRole")));
  CHECK(not_iam.actions.contains(*catalog.find("ec2:RunInstances")));
  CHECK(not_iam.actions.count() == catalog.size() - catalog.expand("iam:*").count());

  const iam::ActionCoverage allowed = iam::policy_actions(p, catalog);
  CHECK(allowed.actions.contains(*get_object));
  CHECK(allowed.actions.contains(*catalog.find("ec2:RunInstances")));
  const iam::ActionCoverage denied = iam::policy_actions(p, catalog, Effect::deny);
  CHECK(denied.actions == catalog.expand("ec2:*"));
}

TEST_CASE("iam analyses: unknown action parts widen the possible set only") {
  const auto& catalog = iam_catalog();
  const Policy p = policy_from_string(with_unknowns(R"({"Statement": [
    {"Effect": "Allow", "Action": ["s3:Get<?>", "ec2:DescribeInstances"], "Resource": "*"},
    {"Effect": "Allow", "NotAction": ["s3:<?>"], "Resource": "*"}
  ]})"));
  const iam::ActionCoverage get = iam::statement_actions(p.statements[0], catalog);
  CHECK(get.could_be_more());
  CHECK(get.actions.count() == 1);
  CHECK(get.possible.contains(*catalog.find("s3:GetObject")));
  CHECK_FALSE(get.possible.contains(*catalog.find("s3:PutObject")));

  // NotAction "s3:<?>": certainly everything outside s3; perhaps s3 too.
  const iam::ActionCoverage not_s3 = iam::statement_actions(p.statements[1], catalog);
  CHECK(not_s3.actions == catalog.expand("s3:*").complement());
  CHECK(not_s3.possible.is_full());

  // A statement with an unknown Effect adds to `possible` only.
  const Policy q = policy_from_string(with_unknowns(
      R"({"Statement": [{"Effect": "<?>", "Action": "s3:GetObject", "Resource": "*"}]})"));
  const iam::ActionCoverage maybe = iam::policy_actions(q, catalog);
  CHECK(maybe.actions.empty());
  CHECK(maybe.possible.count() == 1);
}

TEST_CASE("iam analyses: resource patterns") {
  using iam::covers_all_resources;
  CHECK(covers_all_resources("*"));
  CHECK(covers_all_resources("arn:*"));
  CHECK(covers_all_resources("arn:aws:*"));
  CHECK(covers_all_resources("arn:aws:*:*:*:*"));
  CHECK(covers_all_resources("arn:*:*:*:*:*"));
  CHECK_FALSE(covers_all_resources("arn:aws:*:*:*:*:*"));
  CHECK_FALSE(covers_all_resources("arn:aws:s3:::*"));
  CHECK_FALSE(covers_all_resources("arn:aws:*::*"));
  const iam::ResourceTarget roles{{"iam"}, false};
  CHECK(iam::classify_resource("arn:aws:iam::*:role/*", roles) ==
        iam::ResourceReach::service_wildcard);
  CHECK(iam::classify_resource("arn:aws:iam::123456789012:role/admin", roles) ==
        iam::ResourceReach::service_specific);
  CHECK(iam::classify_resource("arn:aws:s3:::*", roles) == iam::ResourceReach::other);
  CHECK(iam::classify_resource("arn:aws:*:*:*:role/*", roles) ==
        iam::ResourceReach::service_wildcard);
  // An action without resource ARNs is reached only by a pattern matching "*" itself.
  const iam::ResourceTarget star_only{{}, true};
  CHECK(iam::classify_resource("*", star_only) == iam::ResourceReach::all);
  CHECK(iam::classify_resource("arn:*", star_only) == iam::ResourceReach::other);
}

TEST_CASE("iam analyses: full administrator access") {
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "Action": "*", "Resource": "*")")) ==
        Truth::true_);
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "Action": ["*"], "Resource": ["arn:*"])")) ==
        Truth::true_);
  // NotAction that takes nothing away (no known action matches it).
  CHECK(full_admin(one_statement(
            R"("Effect": "Allow", "NotAction": "nosuchservice:Thing", "Resource": "*")")) ==
        Truth::true_);
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "NotAction": "iam:*", "Resource": "*")")) ==
        Truth::false_);
  CHECK(full_admin(one_statement(R"("Effect": "Deny", "Action": "*", "Resource": "*")")) ==
        Truth::false_);
  CHECK(full_admin(one_statement(
            R"("Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::*")")) == Truth::false_);
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "Action": "s3:*", "Resource": "*")")) ==
        Truth::false_);
  // A condition that can fail makes the grant conditional: not administrator access.
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "Action": "*", "Resource": "*",
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}})")) == Truth::false_);
  // One that cannot fail changes nothing.
  CHECK(full_admin(one_statement(R"("Effect": "Allow", "Action": "*", "Resource": "*",
      "Condition": {"StringLike": {"aws:PrincipalArn": "*"}})")) == Truth::true_);
}

TEST_CASE("iam analyses: full administrator access with unknown parts") {
  // Action "*" on an unknown resource: unknown, not true.
  CHECK(full_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "<?>"}]})"))) ==
        Truth::unknown);
  CHECK(full_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "<?>", "Action": "*", "Resource": "*"}]})"))) ==
        Truth::unknown);
  CHECK(full_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "Allow", "Action": "<?>", "Resource": "*"}]})"))) ==
        Truth::unknown);
  CHECK(full_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "Allow", "Action": "s3:<?>", "Resource": "*"}]})"))) ==
        Truth::false_);
  CHECK(full_admin(policy_from_string(with_unknowns(R"({"Statement": [{"Effect": "Allow",
      "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "<?>"}}}]})"))) ==
        Truth::false_);  // whatever the VPC, the condition can fail
  CHECK(full_admin(policy_from_string(with_unknowns(R"({"Statement": [{"Effect": "Allow",
      "Action": "*", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalArn": "<?>"}}}]})"))) ==
        Truth::unknown);  // the value could be "*"

  // A known grant stays true beside unknown statements.
  const Policy mixed = policy_from_string(with_unknowns(R"({"Statement": [
    {"Effect": "<?>", "Action": "<?>", "Resource": "<?>"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]})"));
  const std::vector<AnalysisHit> hits = iam::find_full_admin(mixed, iam_catalog());
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].truth == Truth::unknown);
  CHECK(hits[1].truth == Truth::true_);
  CHECK(overall_truth(hits) == Truth::true_);

  iacscan::detail::Value::Map document;
  document.push_back({"Statement", {}, iacscan::detail::Value::unknown("var.statements")});
  const Policy unknown_statements = iam::read_policy(iacscan::detail::Value::map(document));
  CHECK(full_admin(unknown_statements) == Truth::unknown);
  CHECK(full_admin(iam::read_policy(iacscan::detail::Value::unknown("x"))) == Truth::unknown);
}

TEST_CASE("iam analyses: hits point at the statement's lines") {
  const Policy p = policy_from_json(R"({
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
})");
  const std::vector<AnalysisHit> hits = iam::find_full_admin(p, iam_catalog());
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].statement_index == 1);
  CHECK(hits[0].span.range.start_line == 9);
  CHECK(hits[0].span.range.end_line == 13);
  CHECK(hits[0].element_span.range.start_line == 11);
}

TEST_CASE("iam analyses: service-wide wildcards") {
  const Policy p = one_statement(
      R"("Effect": "Allow", "Action": ["s3:*", "ec2:Describe*", "*", "kms:**"], "Resource": "*")");
  const std::vector<AnalysisHit> hits = iam::find_service_wide_admin(p);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].detail.starts_with("s3:*"));
  CHECK(hits[1].detail.starts_with("kms:**"));
  CHECK(overall_truth(iam::find_service_wide_admin(one_statement(
            R"("Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*")"))) ==
        Truth::false_);
  CHECK(overall_truth(iam::find_service_wide_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "Allow", "Action": "<?>:*", "Resource": "*"}]})")))) ==
        Truth::unknown);
  CHECK(overall_truth(iam::find_service_wide_admin(policy_from_string(with_unknowns(
            R"({"Statement": [{"Effect": "Allow", "Action": "s3:Get<?>", "Resource": "*"}]})")))) ==
        Truth::false_);
}

TEST_CASE("iam analyses: NotAction and NotResource in Allow statements") {
  const Policy p = policy_from_json(R"({"Statement": [
    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
    {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"},
    {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}
  ]})");
  const auto not_action = iam::find_not_action_allows(p);
  REQUIRE(not_action.size() == 1);
  CHECK(not_action[0].statement_index == 0);
  const auto not_resource = iam::find_not_resource_allows(p);
  REQUIRE(not_resource.size() == 1);
  CHECK(not_resource[0].statement_index == 2);
}

TEST_CASE("iam analyses: iam:PassRole on every role") {
  const auto pass_role = [](const std::string& members) {
    return overall_truth(iam::find_pass_role_on_all(one_statement(members), iam_catalog()));
  };
  CHECK(pass_role(R"("Effect": "Allow", "Action": "iam:PassRole", "Resource": "*")") ==
        Truth::true_);
  CHECK(pass_role(R"("Effect": "Allow", "Action": "iam:*", "Resource": "*")") == Truth::true_);
  CHECK(
      pass_role(
          R"("Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::123456789012:role/*")") ==
      Truth::true_);
  CHECK(
      pass_role(
          R"("Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-*")") ==
      Truth::false_);
  CHECK(pass_role(R"("Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
      "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}})") ==
        Truth::false_);
  CHECK(pass_role(R"("Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::*")") ==
        Truth::true_);
  CHECK(pass_role(R"("Effect": "Deny", "Action": "iam:PassRole", "Resource": "*")") ==
        Truth::false_);
}

TEST_CASE("iam analyses: s3:ListAllMyBuckets") {
  const auto list_all = [](const std::string& members) {
    return overall_truth(iam::find_list_all_buckets(one_statement(members), iam_catalog()));
  };
  CHECK(list_all(R"("Effect": "Allow", "Action": "s3:List*", "Resource": "*")") == Truth::true_);
  CHECK(
      list_all(
          R"("Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*")") ==
      Truth::false_);
  CHECK(list_all(R"("Effect": "Allow", "Action": "s3:GetObject", "Resource": "*")") ==
        Truth::false_);
}
