// Public principals in resource and trust policies, and the conditions that limit who can
// use them; three-valued, pointing at the principal.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "iam/public_principal.hpp"
#include "iam_test_support.hpp"

using iacscan::detail::Truth;
using iacscan::detail::iam::AnalysisHit;
using iacscan::detail::iam::overall_truth;
using iacscan::detail::iam::Policy;
using iacscan::detail::iam::PolicyType;
using iacscan::testing::policy_from_json;
using iacscan::testing::policy_from_string;
using iacscan::testing::with_unknowns;

namespace iam = iacscan::detail::iam;

namespace {

Truth public_principal(const std::string& members, PolicyType type = PolicyType::resource) {
  return overall_truth(iam::find_public_principals(
      policy_from_json(R"({"Version": "2012-10-17", "Statement": [{)" + members + "}]}"), type));
}

}  // namespace

TEST_CASE("iam public principal: public principals") {
  CHECK(public_principal(
            R"("Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*")") ==
        Truth::true_);
  CHECK(public_principal(R"("Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*")") ==
        Truth::true_);
  CHECK(public_principal(R"("Effect": "Allow", "Principal": {"AWS": ["111122223333", "*"]})") ==
        Truth::true_);
  CHECK(public_principal(R"("Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"})") ==
        Truth::true_);
  CHECK(public_principal(
            R"("Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"})") ==
        Truth::false_);
  CHECK(public_principal(R"("Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"})") ==
        Truth::false_);
  CHECK(public_principal(R"("Effect": "Deny", "Principal": "*", "Action": "s3:*")") ==
        Truth::false_);
  CHECK(public_principal(
            R"("Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"})") ==
        Truth::true_);
}

TEST_CASE("iam public principal: conditions that limit a public principal's callers") {
  const std::string allow_all =
      R"("Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", )";
  const auto with = [&](const std::string& condition) {
    return public_principal(allow_all + R"("Condition": )" + condition);
  };
  CHECK(
      with(
          R"({"StringEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}})") ==
      Truth::false_);
  CHECK(with(R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}})") == Truth::false_);
  CHECK(with(R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:*"}})") == Truth::true_);
  CHECK(with(R"({"StringLike": {"aws:SourceArn": "*"}})") == Truth::true_);
  CHECK(with(R"({"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})") == Truth::false_);
  CHECK(with(R"({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*"}})") ==
        Truth::false_);
  CHECK(with(R"({"ForAllValues:StringLike": {"aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*"}})") ==
        Truth::true_);  // passes when the key is absent
  CHECK(with(R"({"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}})") == Truth::true_);
  CHECK(with(R"({"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}})") == Truth::true_);
  CHECK(with(R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})") == Truth::false_);
  CHECK(with(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "0.0.0.0/0"]}})") ==
        Truth::true_);
  CHECK(with(R"({"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c"}})") == Truth::false_);
  CHECK(with(R"({"Bool": {"aws:SecureTransport": "true"}})") == Truth::true_);
  CHECK(with(R"({"Bool": {"aws:PrincipalIsAWSService": "true"}})") == Truth::false_);
  CHECK(with(R"({"StringEquals": {"aws:ResourceAccount": "111122223333"}})") == Truth::true_);
  // sts:ExternalId limits callers of a role, not of a resource.
  CHECK(public_principal(allow_all + R"("Condition": {"StringEquals": {"sts:ExternalId": "x1"}})",
                         PolicyType::trust) == Truth::false_);
  CHECK(with(R"({"StringEquals": {"sts:ExternalId": "x1"}})") == Truth::true_);
}

TEST_CASE("iam public principal: web-identity trust policies") {
  const std::string github =
      R"("Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, )";
  const auto trust = [](const std::string& members) {
    return public_principal(members, PolicyType::trust);
  };
  CHECK(
      trust(
          github +
          R"("Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}})") ==
      Truth::true_);  // every GitHub repository's tokens have that audience
  CHECK(
      trust(
          github +
          R"("Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:*"}})") ==
      Truth::false_);
  CHECK(
      trust(
          github +
          R"("Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}})") ==
      Truth::true_);
  CHECK(trust(github.substr(0, github.size() - 2)) == Truth::true_);
  CHECK(
      trust(
          R"("Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool"}})") ==
      Truth::false_);
  CHECK(
      trust(
          R"("Effect": "Allow", "Action": "sts:AssumeRoleWithSAML", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"})") ==
      Truth::false_);
  CHECK(
      trust(
          R"("Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"})") ==
      Truth::false_);
}

TEST_CASE("iam public principal: public principals with unknown parts") {
  const auto from = [](const std::string& text) {
    return overall_truth(
        iam::find_public_principals(policy_from_string(with_unknowns(text)), PolicyType::resource));
  };
  CHECK(
      from(
          R"({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "<?>"}, "Action": "s3:*"}]})") ==
      Truth::unknown);
  CHECK(
      from(
          R"({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:<?>"}, "Action": "s3:*"}]})") ==
      Truth::false_);  // the account is known
  CHECK(from(R"({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
      "Condition": {"StringEquals": {"aws:SourceAccount": "<?>"}}}]})") == Truth::false_);
  CHECK(from(R"({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
      "Condition": {"StringLike": {"aws:SourceArn": "<?>"}}}]})") == Truth::unknown);
  CHECK(from(R"({"Statement": [{"Effect": "<?>", "Principal": "*", "Action": "s3:*"}]})") ==
        Truth::unknown);
  CHECK(
      from(
          R"({"Statement": [{"Effect": "Allow", "Principal": {"Federated": "<?>"}, "Action": "sts:AssumeRoleWithWebIdentity"}]})") ==
      Truth::unknown);
}

TEST_CASE("iam public principal: a public-principal hit points at the principal") {
  const Policy p = policy_from_json(R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PublicRead",
      "Effect": "Allow",
      "Principal": {
        "AWS": "*"
      },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::bucket/*"
    }
  ]
})");
  const std::vector<AnalysisHit> hits = iam::find_public_principals(p, PolicyType::resource);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].truth == Truth::true_);
  CHECK(hits[0].span.range.start_line == 4);
  CHECK(hits[0].element_span.range.start_line == 8);  // "AWS": "*"
}

TEST_CASE("iam public principal: KMS, access point, VPC endpoint owner and service-name keys") {
  const auto with = [](const std::string& principal, const std::string& condition) {
    return public_principal(R"("Effect": "Allow", "Principal": )" + principal +
                            R"(, "Action": "*", "Condition": )" + condition);
  };
  // AWS's default key policy pattern: every principal of one account, through one service.
  CHECK(with(R"({"AWS": "*"})", R"({"StringEquals": {"kms:CallerAccount": "111122223333",
      "kms:ViaService": "ec2.us-east-1.amazonaws.com"}})") == Truth::false_);
  // kms:ViaService alone names a service, not whose principals call through it.
  CHECK(with(R"({"AWS": "*"})",
             R"({"StringEquals": {"kms:ViaService": "ec2.us-east-1.amazonaws.com"}})") ==
        Truth::true_);
  // A bucket policy that delegates access control to the account's access points.
  CHECK(with(R"("*")", R"({"StringEquals": {"s3:DataAccessPointAccount": "111122223333"}})") ==
        Truth::false_);
  CHECK(
      with(
          R"("*")",
          R"({"ArnLike": {"s3:DataAccessPointArn": "arn:aws:s3:us-east-1:111122223333:accesspoint/*"}})") ==
      Truth::false_);
  CHECK(with(R"("*")",
             R"({"ArnLike": {"s3:DataAccessPointArn": "arn:aws:s3:us-east-1:*:accesspoint/*"}})") ==
        Truth::true_);  // any account's access point
  CHECK(with(R"({"AWS": "*"})", R"({"StringEquals": {"aws:VpceAccount": "111122223333"}})") ==
        Truth::false_);
  CHECK(with(R"("*")", R"({"StringEquals": {"aws:VpceOrgID": "o-abc123"}})") == Truth::false_);
  CHECK(with(R"("*")", R"({"ForAnyValue:StringLike": {"aws:VpceOrgPaths": "o-abc/r-1/ou-2/*"}})") ==
        Truth::false_);
  CHECK(with(R"("*")", R"({"StringEquals": {"aws:SourceOrgPaths": "o-abc/r-1/ou-2/"}})") ==
        Truth::false_);
  CHECK(with(R"("*")",
             R"({"StringEquals": {"aws:PrincipalServiceName": "cloudtrail.amazonaws.com"}})") ==
        Truth::false_);
  // Key names are case-insensitive.
  CHECK(with(R"("*")", R"({"StringEquals": {"KMS:calleraccount": "111122223333"}})") ==
        Truth::false_);
  // A wildcard-only value still restricts nothing; nor does IfExists.
  for (const char* key :
       {"kms:CallerAccount", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
        "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:PrincipalServiceName"}) {
    INFO(key);
    CHECK(with(R"("*")", R"({"StringLike": {")" + std::string(key) + R"(": "*"}})") ==
          Truth::true_);
    CHECK(with(R"("*")", R"({"StringEqualsIfExists": {")" + std::string(key) +
                             R"(": "111122223333"}})") == Truth::true_);
  }
}
