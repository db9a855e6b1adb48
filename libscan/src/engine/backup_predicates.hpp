// Predicates for backup rules: does some backup plan copy its recovery points out of reach of
// whoever compromises the account and the region it runs in? A copy action names its
// destination by vault ARN; the account and region are read out of that ARN and compared with
// what the scan knows of the plan's own account and region.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// arn:<partition>:backup:<region>:<account>:backup-vault:<name>. Fields may hold kUnknownMarker
// (a Terraform template around an unknown part); nullopt when the text is no vault ARN.
struct BackupVaultArn {
  std::string region;
  std::string account;
  std::string name;
};
std::optional<BackupVaultArn> parse_backup_vault_arn(std::string_view arn);

// Whole set (also usable on one aws.backup.plan): true when some backup plan has a copy action
// to a vault in another account AND another region. A destination is another account when its
// ARN holds a literal account id different from the plan's own account (when known: a
// CloudFormation AWS::AccountId parameter value given to the scan, a Terraform provider's
// allowed_account_ids or assume_role role), and the same account when the ARN is built from
// AWS::AccountId or data.aws_caller_identity, or is a vault declared with the plan (same
// template, or same Terraform provider credentials). Regions alike: a literal region different
// from the plan's own (AWS::Region given to the scan, the resource's or provider's region), the
// same region when built from AWS::Region or data.aws_region. A literal compared with an
// unknown own account or region counts as another one, except an account the configuration
// lists among the organization's workload accounts (baseline plans run there). Unknown when a
// destination could be either (an ARN from a variable); points at the nearest miss's destination or
// plan.
Outcome backup_copy_cross_account_region(const PredicateInput& input);

// Whole set: an Organizations backup policy (type BACKUP_POLICY: AWS::Organizations::Policy
// with TargetIds, or an aws_organizations_policy that an aws_organizations_policy_attachment
// references) is attached to a root, OU or account. Unknown when a policy's type, its targets
// or an attachment's policy is unknown; a backup policy attached to nothing is the near miss.
// Other policy types are never near misses.
Outcome backup_policy_attached(const PredicateInput& input);

}  // namespace iacscan::detail::predicates
