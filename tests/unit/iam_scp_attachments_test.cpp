// SCP attachments: which SCPs apply to which root, OU, account or directory of SCP files, and
// the levels root -> OU -> account that the SCP evaluator and the guardrail query take.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cfn_test_support.hpp"
#include "iam/scp_attachments.hpp"
#include "iam/scp_guardrail.hpp"
#include "tf_test_support.hpp"

namespace iam = iacscan::detail::iam;
using iacscan::detail::Resource;
using iacscan::detail::Truth;
using iacscan::testing::evaluate_main;
using iacscan::testing::load_template;

namespace {

std::vector<std::string> level_names(const std::vector<iam::ScpLevel>& levels) {
  std::vector<std::string> names;
  for (const auto& level : levels) names.push_back(level.name);
  return names;
}

}  // namespace

TEST_CASE("Terraform attachments follow the OU tree from the root to an account") {
  auto e = evaluate_main(R"(resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}
resource "aws_organizations_organizational_unit" "workloads" {
  name      = "workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_account" "app" {
  name      = "app"
  email     = "app@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}
resource "aws_organizations_policy" "deny_leave" {
  name    = "deny-leave"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "organizations:LeaveOrganization", Resource = "*" }] })
}
resource "aws_organizations_policy" "protect_trail" {
  name    = "protect-trail"
  content = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect = "Deny", Action = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource = "*",
    Condition = { ArnNotLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/OrgAdmin" } } }] })
}
resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.deny_leave.id
  target_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_policy_attachment" "workloads" {
  policy_id = aws_organizations_policy.protect_trail.id
  target_id = aws_organizations_organizational_unit.workloads.id
}
)");
  const iam::ScpAttachments attachments = iam::collect_scp_attachments(e.out.resources);
  const iam::ScpTarget* account = attachments.find("aws_organizations_account.app");
  REQUIRE(account != nullptr);
  CHECK(account->kind == iam::ScpTargetKind::account);
  const auto levels = attachments.levels_for(*account);
  CHECK(level_names(levels) ==
        std::vector<std::string>{"aws_organizations_organization.org",
                                 "aws_organizations_organizational_unit.workloads",
                                 "aws_organizations_account.app"});
  // Leaving is denied from the root down; stopping the trail from the OU down, except to the
  // OrgAdmin role, which the guardrail reports as its exception.
  CHECK(iam::is_denied_except(levels, "organizations:LeaveOrganization").denied == Truth::true_);
  const iam::GuardrailResult trail = iam::is_denied_except(levels, "cloudtrail:StopLogging");
  CHECK(trail.denied == Truth::true_);
  REQUIRE(trail.exceptions.size() == 1);
  CHECK(trail.exceptions[0].values == std::vector<std::string>{"arn:aws:iam::*:role/OrgAdmin"});
  CHECK(iam::is_denied_except(levels, "s3:GetObject").denied == Truth::false_);
  // The root alone does not protect the trail.
  const iam::ScpTarget* root = attachments.find("aws_organizations_organization.org");
  REQUIRE(root != nullptr);
  CHECK(iam::is_denied_except(attachments.levels_for(*root), "cloudtrail:StopLogging").denied ==
        Truth::false_);
}

TEST_CASE("CloudFormation TargetIds, literal ids and an allow list that replaces FullAWSAccess") {
  auto loaded = load_template(R"(Resources:
  Sandbox:
    Type: AWS::Organizations::OrganizationalUnit
    Properties:
      Name: sandbox
      ParentId: r-ab12
  AllowList:
    Type: AWS::Organizations::Policy
    Properties:
      Name: allow-list
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [!Ref Sandbox]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: ["s3:*", "ec2:*"]
            Resource: "*"
  DenyLeave:
    Type: AWS::Organizations::Policy
    Properties:
      Name: deny-leave
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [r-ab12]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: organizations:LeaveOrganization
            Resource: "*"
)");
  const iam::ScpAttachments attachments = iam::collect_scp_attachments(loaded.resources);
  const iam::ScpTarget* sandbox = attachments.find("Sandbox");
  REQUIRE(sandbox != nullptr);
  CHECK(sandbox->kind == iam::ScpTargetKind::organizational_unit);
  CHECK(sandbox->parent == "r-ab12");
  const auto levels = attachments.levels_for(*sandbox);
  CHECK(level_names(levels) == std::vector<std::string>{"r-ab12", "Sandbox"});
  // The sandbox's allow list leaves out IAM: an implicit deny at its level.
  const iam::GuardrailResult iam_user = iam::is_denied_except(levels, "iam:CreateUser");
  CHECK(iam_user.denied == Truth::true_);
  CHECK(iam_user.level_without_allow == std::optional<std::size_t>(1));
  CHECK(iam::is_denied_except(levels, "s3:PutObject").denied == Truth::false_);
  CHECK(iam::is_denied_except(levels, "organizations:LeaveOrganization").denied == Truth::true_);
}

TEST_CASE("standalone SCP files nobody attaches form one set per directory") {
  auto load = [](const std::string& path, const std::string& text) {
    iacscan::detail::SourceFile file;
    file.path = path;
    file.content = text;
    return iacscan::detail::load_cloudformation_file(file);
  };
  std::vector<Resource> resources;
  for (
      auto& r :
      load(
          "org/scps/deny-leave.json",
          R"({"Statement": [{"Effect": "Deny", "Action": "organizations:Leave*", "Resource": "*"}]})")
          .resources)
    resources.push_back(std::move(r));
  for (auto& r :
       load("org/scps/regions.json",
            R"({"Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
                          "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]})")
           .resources)
    resources.push_back(std::move(r));
  const iam::ScpAttachments attachments = iam::collect_scp_attachments(resources);
  REQUIRE(attachments.targets().size() == 1);
  const iam::ScpTarget& set = attachments.targets()[0];
  CHECK(set.kind == iam::ScpTargetKind::directory);
  CHECK(set.id == "org/scps");
  CHECK(set.policies.size() == 2);
  const auto levels = attachments.levels_for(set);
  CHECK(iam::is_denied_except(levels, "organizations:LeaveOrganization").denied == Truth::true_);
  // Outside the region list, unless the region is known: the answer depends on it.
  const iam::GuardrailResult ec2 = iam::is_denied_except(levels, "ec2:RunInstances");
  CHECK(ec2.denied == Truth::unknown);
  iam::GuardrailQuery in_region{"ec2:RunInstances", "*", "eu-west-1", {}};
  CHECK(iam::is_denied_except(levels, in_region).denied == Truth::false_);
  iam::GuardrailQuery elsewhere{"ec2:RunInstances", "*", "us-east-1", {}};
  CHECK(iam::is_denied_except(levels, elsewhere).denied == Truth::true_);
  iam::GuardrailQuery global{"iam:CreateRole", "*", "us-east-1", {}};
  CHECK(iam::is_denied_except(levels, global).denied == Truth::false_);
}
