// Where resources are deployed, compared with the organization's account roles.
#include <algorithm>
#include <array>

#include "engine/deployment_account.hpp"
#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"

namespace iacscan::detail::predicates {
namespace {

Outcome decided_with(Truth truth, std::string detail) {
  Outcome o;
  o.truth = truth;
  o.detail = std::move(detail);
  return o;
}

// Type-name prefixes of what the management account is meant to hold: the organization, its
// billing, identity, the organization trail, the security services' organization-wide
// settings and the means to deploy baselines to members, alerting on the management account's
// own activity, and keys for the trail.
constexpr auto kGovernancePrefixes = std::to_array<std::string_view>({
    // Terraform
    "aws_account_",
    "aws_accessanalyzer_",
    "aws_auditmanager_",
    "aws_bcmdataexports_",
    "aws_budgets_",
    "aws_ce_",
    "aws_cloudformation_stack_set",
    "aws_cloudtrail",
    "aws_cloudwatch_event_",
    "aws_config_",
    "aws_controltower_",
    "aws_cur_",
    "aws_detective_",
    "aws_ebs_default_kms_key",
    "aws_ebs_encryption_by_default",
    "aws_ec2_instance_metadata_defaults",
    "aws_fms_",
    "aws_guardduty_",
    "aws_iam_",
    "aws_identitystore_",
    "aws_inspector2_",
    "aws_kms_",
    "aws_macie2_",
    "aws_organizations_",
    "aws_ram_sharing_with_organization",
    "aws_s3_account_public_access_block",
    "aws_securityhub_",
    "aws_securitylake_",
    "aws_servicecatalog_",
    "aws_servicequotas_template",
    "aws_sns_topic",
    "aws_ssoadmin_",
    "aws_vpc_ipam_organization_admin_account",
    // CloudFormation
    "AWS::AccessAnalyzer::",
    "AWS::Budgets::",
    "AWS::CE::",
    "AWS::CUR::",
    "AWS::CloudFormation::StackSet",
    "AWS::CloudTrail::",
    "AWS::Config::",
    "AWS::ControlTower::",
    "AWS::Detective::",
    "AWS::Events::",
    "AWS::FMS::",
    "AWS::GuardDuty::",
    "AWS::IAM::",
    "AWS::IdentityStore::",
    "AWS::InspectorV2::",
    "AWS::KMS::",
    "AWS::Macie::",
    "AWS::Organizations::",
    "AWS::SSO::",
    "AWS::SecurityHub::",
    "AWS::SecurityLake::",
    "AWS::ServiceCatalog::",
    "AWS::SNS::",
});

bool is_aws_resource_type(std::string_view type) {
  return type.starts_with("aws_") || type.starts_with("AWS::");
}

// Where the resource goes, compared with the account of the role the arguments name: True when
// every account it may go to is that one (`outside`: none is), Unknown when the code names the
// accounts with a value known only at deployment or names several that disagree, False when
// the code does not name its account at all.
Outcome placement(const PredicateInput& input, bool outside) {
  const OrganizationFacts* facts = organization_facts(input);
  const std::string& role = input.arguments.find("role")->text();
  if (facts == nullptr || account_of_role(*facts, role).empty())
    return decided_with(Truth::unknown, "the " + role + " account is not configured");
  const std::string& wanted = account_of_role(*facts, role);
  const DeploymentAccounts where =
      deployment_accounts(input.resource, input.context ? input.context->graph : nullptr,
                          input.context ? input.context->options : nullptr);
  if (where.known != Truth::true_) return decided_with(where.known, where.source);
  const auto is_wanted = [&](const std::string& a) { return a == wanted; };
  const bool all = std::all_of(where.accounts.begin(), where.accounts.end(), is_wanted);
  const bool none = std::none_of(where.accounts.begin(), where.accounts.end(), is_wanted);
  if (all) return decided_with(truth_of(!outside), where.source);
  if (none) return decided_with(truth_of(outside), where.source);
  return decided_with(Truth::unknown, where.source);
}

}  // namespace

Outcome deployed_to_account(const PredicateInput& input) {
  return placement(input, false);
}

Outcome deployed_outside_account(const PredicateInput& input) {
  return placement(input, true);
}

std::string account_role_argument(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "role") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || !is_account_role(e.value.text()))
      return "role must be management, security, log_archive or identity";
  }
  return arguments.find("role") ? "" : "needs role: management, security, log_archive or identity";
}

Outcome governance_resource_type(const PredicateInput& input) {
  const Resource& r = input.resource;
  if (r.folded || !is_aws_resource_type(r.native_type)) return decided_with(Truth::true_, {});
  const bool listed =
      std::any_of(kGovernancePrefixes.begin(), kGovernancePrefixes.end(),
                  [&](std::string_view prefix) { return r.native_type.starts_with(prefix); });
  return decided_with(truth_of(listed), r.native_type);
}

}  // namespace iacscan::detail::predicates
