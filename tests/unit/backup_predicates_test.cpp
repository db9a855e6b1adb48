// backup-copy-cross-account-region: vault ARNs read field by field, and the plan's own account
// and region as far as the scan knows them (given CloudFormation pseudo parameters, Terraform
// providers and resource regions), through the built-in rule
// backup-cross-account-cross-region-copy.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/backup_predicates.hpp"
#include "iacscan/iacscan.hpp"

using iacscan::ControlStatus;
using iacscan::detail::predicates::parse_backup_vault_arn;

namespace {

constexpr const char* kRule = "backup-cross-account-cross-region-copy";

struct Judgement {
  ControlStatus status = ControlStatus::not_run;
  std::string detail;
  unsigned line = 0;  // of the finding, 0 when none or nowhere
  std::size_t evidence = 0;
};

Judgement judge(const std::vector<iacscan::SourceBuffer>& files,
                iacscan::ScanOptions options = {}) {
  options.account_rules = true;
  options.assess_controls = true;
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  auto result = scanner->scan_buffers(files);
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  Judgement j;
  for (const iacscan::ControlAssessment& c : result->controls) {
    if (c.rule_id != kRule) continue;
    j.status = c.status;
    j.detail = c.detail;
    j.evidence = c.evidence.size();
  }
  for (const iacscan::Finding& f : result->findings)
    if (f.rule_id == kRule) j.line = f.location.start_line;
  return j;
}

Judgement judge_tf(const std::string& code) {
  return judge({{"backup/main.tf", code}});
}

std::string tf_plan(const std::string& destination) {
  return "resource \"aws_backup_plan\" \"daily\" {\n"
         "  name = \"daily\"\n"
         "  rule {\n"
         "    rule_name         = \"daily\"\n"
         "    target_vault_name = \"Default\"\n"
         "    copy_action {\n"
         "      destination_vault_arn = " +
         destination +
         "\n"
         "    }\n"
         "  }\n"
         "}\n";
}

std::string cfn_plan(const std::string& destination, const std::string& parameters = "") {
  return parameters +
         "Resources:\n"
         "  Plan:\n"
         "    Type: AWS::Backup::BackupPlan\n"
         "    Properties:\n"
         "      BackupPlan:\n"
         "        BackupPlanName: daily\n"
         "        BackupPlanRule:\n"
         "          - RuleName: daily\n"
         "            TargetBackupVault: Default\n"
         "            CopyActions:\n"
         "              - DestinationBackupVaultArn: " +
         destination + "\n";
}

}  // namespace

TEST_CASE("backup vault ARNs: region, account and name") {
  auto arn =
      parse_backup_vault_arn("arn:aws:backup:eu-central-1:333333333333:backup-vault:central");
  REQUIRE(arn.has_value());
  CHECK(arn->region == "eu-central-1");
  CHECK(arn->account == "333333333333");
  CHECK(arn->name == "central");
  CHECK(parse_backup_vault_arn("arn:aws-us-gov:backup:us-gov-west-1:1:backup-vault:v")->region ==
        "us-gov-west-1");
  CHECK_FALSE(parse_backup_vault_arn("central").has_value());
  CHECK_FALSE(parse_backup_vault_arn("arn:aws:s3:::bucket").has_value());
  CHECK_FALSE(parse_backup_vault_arn("arn:aws:backup:eu-west-1:333333333333:recovery-point:x"));
  CHECK_FALSE(parse_backup_vault_arn("arn:aws:backup::333333333333:backup-vault:x"));
  CHECK_FALSE(parse_backup_vault_arn("arn:aws:backup:eu-west-1:333333333333:backup-vault:"));
}

TEST_CASE("a literal vault ARN elsewhere meets the control; the plan is the evidence") {
  Judgement j = judge_tf(tf_plan("\"arn:aws:backup:eu-central-1:333333333333:backup-vault:c\""));
  CHECK(j.status == ControlStatus::met);
  CHECK(j.evidence == 1);
}

TEST_CASE("given pseudo parameters make the stack's own account and region known") {
  const std::string code = cfn_plan("arn:aws:backup:eu-central-1:333333333333:backup-vault:c");
  CHECK(judge({{"t.yaml", code}}).status == ControlStatus::met);

  iacscan::ScanOptions in_region;
  in_region.cloudformation_parameters["AWS::Region"] = "eu-central-1";
  Judgement same_region = judge({{"t.yaml", code}}, in_region);
  CHECK(same_region.status == ControlStatus::missing);
  CHECK(same_region.line == 11);
  CHECK(same_region.detail.find("in the plan's own region") != std::string::npos);

  iacscan::ScanOptions in_account;
  in_account.cloudformation_parameters["AWS::AccountId"] = "333333333333";
  CHECK(judge({{"t.yaml", code}}, in_account).status == ControlStatus::missing);
}

TEST_CASE("an ARN built from AWS::Region is the stack's own region") {
  Judgement j = judge(
      {{"t.yaml", cfn_plan("!Sub \"arn:aws:backup:${AWS::Region}:333333333333:backup-vault:c\"")}});
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.detail.find("AWS::Region") != std::string::npos);
}

TEST_CASE("an ARN built from a parameter without a value is undecided") {
  const std::string parameters = "Parameters:\n  DrRegion:\n    Type: String\n";
  Judgement j =
      judge({{"t.yaml", cfn_plan("!Sub \"arn:aws:backup:${DrRegion}:333333333333:backup-vault:c\"",
                                 parameters)}});
  CHECK(j.status == ControlStatus::undecided);
  CHECK(j.line == 0);
}

TEST_CASE("Terraform: the provider's region is the plan's own") {
  const std::string provider = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n";
  CHECK(judge_tf(provider + tf_plan("\"arn:aws:backup:eu-west-1:333333333333:backup-vault:c\""))
            .status == ControlStatus::missing);
  CHECK(judge_tf(provider + tf_plan("\"arn:aws:backup:us-east-1:333333333333:backup-vault:c\""))
            .status == ControlStatus::met);
}

TEST_CASE("Terraform: a resource's own region wins over its provider's") {
  const std::string code = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n" +
                           tf_plan("\"arn:aws:backup:us-east-1:333333333333:backup-vault:c\"");
  const std::string with_region = code.substr(0, code.find("  name = \"daily\"")) +
                                  "  region = \"us-east-1\"\n" +
                                  code.substr(code.find("  name = \"daily\""));
  CHECK(judge_tf(with_region).status == ControlStatus::missing);
}

TEST_CASE("Terraform: a vault in another region with the same credentials is the same account") {
  const std::string code = R"(provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}
resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}
)" + tf_plan("aws_backup_vault.dr.arn");
  Judgement j = judge_tf(code);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 18);
  CHECK(j.detail.find("aws_backup_vault.dr, in the plan's own account") != std::string::npos);
}

TEST_CASE("Terraform: a vault with another account's role in another region meets the control") {
  const std::string code = R"(provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
  assume_role {
    role_arn = "arn:aws:iam::333333333333:role/backup"
  }
}
resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}
)" + tf_plan("aws_backup_vault.dr.arn");
  // The default provider's account is not written: the role's literal account is another one.
  CHECK(judge_tf(code).status == ControlStatus::met);
  const std::string pinned = R"(provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["333333333333"]
}
)" + code.substr(code.find("provider \"aws\" {\n  alias"));
  CHECK(judge_tf(pinned).status == ControlStatus::missing);
}

TEST_CASE("Terraform: data.aws_region and data.aws_caller_identity name the plan's own") {
  const std::string region = "data \"aws_region\" \"current\" {}\n" +
                             tf_plan(
                                 "\"arn:aws:backup:${data.aws_region.current.name}:"
                                 "333333333333:backup-vault:c\"");
  Judgement j = judge_tf(region);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.detail.find("own region") != std::string::npos);
}

TEST_CASE("Terraform: a variable destination is undecided, a plan without copies a near miss") {
  CHECK(judge_tf("variable \"arn\" {}\n" + tf_plan("var.arn")).status == ControlStatus::undecided);
  const std::string no_copy = R"(resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
  }
}
)";
  Judgement j = judge_tf(no_copy);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 1);
  CHECK(j.detail == "aws_backup_plan.daily copies its recovery points to no other vault");
}

TEST_CASE("one plan that copies elsewhere is enough") {
  const std::string near_miss = R"(resource "aws_backup_plan" "local" {
  name = "local"
  rule {
    rule_name         = "local"
    target_vault_name = "Default"
  }
}
)";
  Judgement j = judge({{"a/main.tf", near_miss},
                       {"b/main.tf", tf_plan("\"arn:aws:backup:us-east-1:333333333333:backup-"
                                             "vault:c\"")}});
  CHECK(j.status == ControlStatus::met);
}

TEST_CASE("a module's plan does not take the root module's provider region") {
  const std::string root = R"(provider "aws" {
  region = "eu-west-1"
}
module "backup" {
  source = "./modules/backup"
}
)";
  Judgement j = judge({{"env/main.tf", root},
                       {"env/modules/backup/main.tf",
                        tf_plan("\"arn:aws:backup:eu-west-1:333333333333:backup-vault:c\"")}});
  CHECK(j.status == ControlStatus::met);
}

TEST_CASE("with organization facts, a workload account is no backup account") {
  const std::string code = cfn_plan("arn:aws:backup:eu-central-1:555555555555:backup-vault:c");
  CHECK(judge({{"t.yaml", code}}).status == ControlStatus::met);
  iacscan::ScanOptions configured;
  configured.organization.accounts = {"555555555555"};
  Judgement j = judge({{"t.yaml", code}}, configured);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.detail.find("a workload account of the organization") != std::string::npos);
  configured.organization.accounts = {"666666666666"};
  CHECK(judge({{"t.yaml", code}}, configured).status == ControlStatus::met);
}

namespace {

Judgement plan_present(const std::string& path, const std::string& code) {
  iacscan::ScanOptions options;
  options.account_rules = true;
  options.assess_controls = true;
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  Judgement j;
  for (const iacscan::ControlAssessment& c : result->controls)
    if (c.rule_id == "backup-plan-present") j.status = c.status, j.detail = c.detail;
  for (const iacscan::Finding& f : result->findings)
    if (f.rule_id == "backup-plan-present") j.line = f.location.start_line;
  return j;
}

}  // namespace

TEST_CASE("backup-policy-attached: service control policies are no near misses") {
  const std::string scp = R"(resource "aws_organizations_policy" "deny_leave" {
  name    = "deny-leave"
  content = "{}"
}
)";
  Judgement j = plan_present("org/main.tf", scp);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 0);
  CHECK(j.detail.empty());
}

TEST_CASE("backup-policy-attached: attached, unattached and undecided backup policies") {
  const std::string policy = R"(resource "aws_organizations_policy" "backups" {
  name    = "org-backups"
  type    = "BACKUP_POLICY"
  content = "{}"
}
)";
  Judgement unattached = plan_present("org/main.tf", policy);
  CHECK(unattached.status == ControlStatus::missing);
  CHECK(unattached.line == 1);
  CHECK(unattached.detail ==
        "aws_organizations_policy.backups is a backup policy attached to no root, OU or account");
  CHECK(
      plan_present("org/main.tf", policy + R"(resource "aws_organizations_policy_attachment" "ou" {
  policy_id = aws_organizations_policy.backups.id
  target_id = "ou-abcd-11111111"
}
)")
          .status == ControlStatus::met);
  CHECK(plan_present("org/main.tf", policy + R"(variable "policy" {}
resource "aws_organizations_policy_attachment" "ou" {
  policy_id = var.policy
  target_id = "ou-abcd-11111111"
}
)")
            .status == ControlStatus::undecided);
  const std::string cfn = R"(Parameters:
  PolicyType:
    Type: String
Resources:
  Policy:
    Type: AWS::Organizations::Policy
    Properties:
      Name: maybe-backups
      Type: !Ref PolicyType
      TargetIds: [r-abcd]
      Content: {}
)";
  CHECK(plan_present("org/template.yaml", cfn).status == ControlStatus::undecided);
}
