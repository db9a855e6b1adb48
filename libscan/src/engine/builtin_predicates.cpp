#include "engine/builtin_predicates.hpp"

#include <algorithm>
#include <array>

#include "engine/backup_predicates.hpp"
#include "engine/baseline_predicates.hpp"
#include "engine/database_predicates.hpp"
#include "engine/detection_predicates.hpp"
#include "engine/iam_predicates.hpp"
#include "engine/identity_predicates.hpp"
#include "engine/image_predicates.hpp"
#include "engine/logging_predicates.hpp"
#include "engine/network_predicates.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "engine/scp_attachment_predicates.hpp"
#include "engine/scp_guardrail_predicates.hpp"
#include "engine/scp_predicates.hpp"
#include "engine/secret_predicates.hpp"
#include "engine/storage_predicates.hpp"

namespace iacscan::detail {
namespace {

using namespace predicates;

// The registry: every built-in predicate, sorted by name.
constexpr auto kPredicates = std::to_array<BuiltinPredicate>({
    {"account-trust-outside-organization",
     "a trust or resource policy (or Lambda permission) naming an account that is none of the "
     "organization's, its trusted third parties' or AWS's service accounts",
     account_trust_outside_organization, no_arguments},
    {"ai-opt-out-default-not-opted-out",
     "an AI services opt-out policy that does not opt the default (every service) out",
     ai_opt_out_default_not_opted_out, no_arguments},
    {"ai-opt-out-default-unlocked",
     "an AI services opt-out policy whose default setting child policies may change",
     ai_opt_out_default_unlocked, no_arguments},
    {"ai-opt-out-invalid",
     "an AI services opt-out policy with values other than optOut/optIn, IAM syntax, unknown "
     "service keys or operators, or above 2,500 characters",
     ai_opt_out_invalid, no_arguments},
    {"apigw-deployment-without-stage",
     "an API Gateway deployment that creates no stage (no or empty stage name); points nowhere",
     apigw_deployment_without_stage, no_arguments},
    {"backup-copy-cross-account-region",
     "some backup plan copies recovery points to a vault in another account and another region "
     "(read out of the vault ARN); over the scanned set in account rules",
     backup_copy_cross_account_region, no_arguments},
    {"backup-policy-attached",
     "an Organizations backup policy (BACKUP_POLICY) attached to a root, OU or account; over the "
     "scanned set",
     backup_policy_attached, no_arguments},
    {"cidr-open-world",
     "CIDR attributes holding the whole IPv4 or IPv6 internet (/0, or blocks covering it) "
     "(with: {cidrs: [canonical attributes]})",
     cidr_open_world, cidr_open_world_arguments},
    {"deployed-outside-account",
     "the resource is deployed to accounts other than the one of a role, as its Terraform "
     "provider (or the AWS::AccountId parameter) says (with: {role: management | security | "
     "log_archive | identity})",
     deployed_outside_account, account_role_argument},
    {"deployed-to-account",
     "the resource is deployed to the account of a role, as its Terraform provider (or the "
     "AWS::AccountId parameter) says (with: {role: management | security | log_archive | "
     "identity})",
     deployed_to_account, account_role_argument},
    {"ec2-declarative-policy-assigns",
     "an attached EC2 declarative policy assigning a value to one of its settings; over the "
     "scanned set in account rules (with: {setting: path under ec2_attributes, value})",
     ec2_declarative_policy_assigns, ec2_declarative_policy_assigns_arguments},
    {"elb-gateway",
     "a Gateway Load Balancer (load_balancer_type gateway), which writes no access logs; points "
     "nowhere",
     elb_gateway, no_arguments},
    {"email-personal-domain",
     "an email address on a personal mail domain (gmail.com, outlook.com, yahoo.*, ...) "
     "(with: {attribute: canonical attribute})",
     email_personal_domain, attribute_argument},
    {"findings-routed-to-responder",
     "an enabled event rule matching findings of `source` has a target that acts on them (not "
     "only a log group or an email/SMS-only SNS topic); over the scanned set "
     "(with: {source, detail_type})",
     findings_routed_to_responder, findings_routed_arguments},
    {"governance-resource-type",
     "an Organizations, billing, identity, trail or security-service resource, one the "
     "management account is meant to hold (anything but an AWS resource counts too)",
     governance_resource_type, no_arguments},
    {"high-value-events-detected",
     "enabled event rules with a target, or metric filters with an alarm, fire on root logins, "
     "IAM user/key creation, CloudTrail changes and Organizations policy changes; over the "
     "scanned set (with: {categories: [ids]})",
     high_value_events_detected, high_value_events_arguments},
    {"iam-admin-managed-policy",
     "an ARN (or list of ARNs) naming AdministratorAccess, PowerUserAccess or IAMFullAccess "
     "(with: {attribute: canonical attribute})",
     iam_admin_managed_policy, attribute_argument},
    {"iam-full-admin", "an identity policy allowing every action on every resource", iam_full_admin,
     no_arguments},
    {"iam-list-all-my-buckets", "an identity policy granting s3:ListAllMyBuckets",
     iam_list_all_my_buckets, no_arguments},
    {"iam-not-action-allow",
     "an identity policy with an Allow written with NotAction or NotResource", iam_not_action_allow,
     no_arguments},
    {"iam-pass-role-on-all", "an identity policy allowing iam:PassRole on every role",
     iam_pass_role_on_all, no_arguments},
    {"iam-policy-invalid",
     "a malformed IAM policy: bad Version or Effect, unknown actions or condition operators, "
     "wrong value types, elements its policy type forbids",
     iam_policy_invalid, no_arguments},
    {"iam-privilege-escalation",
     "an identity policy granting a known privilege-escalation path (after wildcard expansion)",
     iam_privilege_escalation, no_arguments},
    {"iam-public-principal",
     "a resource or trust policy allowing a public principal without a restricting condition "
     "(with: {policy_type: resource | trust, except_types: [native types judged elsewhere]})",
     iam_public_principal, public_principal_arguments},
    {"iam-service-wildcard", "an identity policy allowing <service>:* on every resource",
     iam_service_wildcard, no_arguments},
    {"iam-trust-allows-service",
     "a role trust policy letting an AWS service principal assume the role",
     iam_trust_allows_service, no_arguments},
    {"image-requires-imdsv2",
     "the image (with: {attribute}) is known to require IMDSv2 by itself: Amazon Linux 2023 "
     "named through its public SSM parameter",
     image_requires_imdsv2, attribute_argument},
    {"image-source-not-approved",
     "an image (with: {attribute}) that is a hard-coded AMI id, or a public SSM parameter of a "
     "publisher outside organization.approved_ami_owners",
     image_source_not_approved, attribute_argument},
    {"keyed-setting-off",
     "a setting in a list of {key, value} entries that is not true, or not there "
     "(with: {attribute: canonical list, key: setting name})",
     keyed_setting_off, keyed_setting_off_arguments},
    {"kms-key-rotatable",
     "a KMS key that can rotate automatically: symmetric encryption, key material generated by "
     "KMS, no custom key store",
     kms_key_rotatable, no_arguments},
    {"native-type-in",
     "the judged resource is declared as one of these native types, e.g. the bucket itself "
     "rather than a split resource judged alone (with: {in: [native types]})",
     native_type_in, native_type_in_arguments},
    {"opensearch-domain-public",
     "an OpenSearch / Elasticsearch domain outside a VPC whose access policy allows a public "
     "principal without a condition limiting callers",
     opensearch_domain_public, no_arguments},
    {"org-policy-attached-to-root",
     "an Organizations policy of a type attached to the root (r-..., or the organization) "
     "(with: {type: AISERVICES_OPT_OUT_POLICY | SERVICE_CONTROL_POLICY | ...}); account rules",
     org_policy_attached_to_root, org_policy_attached_to_root_arguments},
    {"port-range-covers",
     "a protocol and port range letting in one of `ports`, or a port not in `except` "
     "(with: {protocol: attr, from: attr, to: attr, ports | except: [numbers]})",
     port_range_covers, port_range_covers_arguments},
    {"rds-public-by-default",
     "a CloudFormation DB instance without PubliclyAccessible and DBSubnetGroupName, which RDS "
     "makes public in the default VPC (cluster members and read replicas left out)",
     rds_public_by_default, no_arguments},
    {"required-tags-missing",
     "a taggable resource without some of organization.required_tags in its tags or its "
     "provider's default_tags",
     required_tags_missing, no_arguments},
    {"resource-name-matches",
     "the resource's logical id, Terraform name or Name tag matches an RE2 pattern "
     "(with: {pattern: regex})",
     resource_name_matches, name_pattern_argument},
    {"scp-attachments-within-limit",
     "no declared root, OU or account has more SCPs attached than the limit, FullAWSAccess "
     "counted where it applies (limits.scp_max_attachments, or with: {limit}); account rules",
     scp_attachments_within_limit, scp_attachments_within_limit_arguments},
    {"scp-exception-weak",
     "an SCP Deny whose exception exempts every role, any role named to fit, or callers keyed "
     "on aws:userid, aws:username or aws:SourceIp instead of aws:PrincipalArn",
     scp_exception_weak, no_arguments},
    {"scp-guardrail",
     "the SCP set denies these requests on every attachment target (or, with nothing attached, "
     "some scanned SCP does) (with: {deny: [actions | {action, resource, context} | {any_of}], "
     "resource, context, ou_role, exempt}); account rules",
     scp_guardrail, scp_guardrail_arguments},
    {"scp-invalid",
     "an SCP using what SCPs refuse (Principal, bad Version or Effect, malformed actions), or "
     "under the legacy profile what they refused before September 2025 "
     "(with: {profile: 2025 | legacy})",
     scp_invalid, scp_invalid_arguments},
    {"scp-region-deny-breaks-global-services",
     "an SCP region restriction (aws:RequestedRegion) that denies global services (IAM, "
     "Organizations, STS, Route 53, CloudFront, Support, Budgets ...) where they are served",
     scp_region_deny_breaks_global_services, no_arguments},
    {"scp-regions-restricted",
     "every attachment target is region-restricted (a Deny on aws:RequestedRegion denies "
     "with: {action}, default ec2:RunInstances, in an unnamed region), leaving open only "
     "approved regions when organization.approved_regions is set; account rules",
     scp_regions_restricted, scp_regions_restricted_arguments},
    {"scp-services-restricted",
     "every attachment target is denied each service outside organization.approved_services "
     "(an allow list or a Deny with NotAction); account rules",
     scp_services_restricted, no_arguments},
    {"scp-size-limit",
     "an SCP above the size limit as AWS counts it, or within 10% of it "
     "(with: {limit: 5120, near_percent: 90})",
     scp_size_limit, scp_size_arguments},
    {"scp-targets-keep-allow",
     "no declared target is left without an Allow (FullAWSAccess detached where the code "
     "manages p-FullAWSAccess attachments, and no allow list); account rules",
     scp_targets_keep_allow, no_arguments},
    {"secrets-aws-access-key",
     "an AWS access key id, or a secret access key under a secret-key name, in any attribute "
     "(JSON and base64 strings read too)",
     secrets_aws_access_key, no_arguments},
    {"secrets-container-environment",
     "a container environment entry with a secret-looking name, known or not "
     "(with: {attribute: canonical container definitions})",
     secrets_container_environment, attribute_argument},
    {"secrets-named-literal",
     "a map entry with a secret-looking name holding a literal (with: {attribute: canonical map})",
     secrets_named_literal, attribute_argument},
    {"secrets-parameter-unmasked",
     "a CloudFormation parameter or Terraform variable with a secret-looking name that is not "
     "masked (NoEcho / sensitive) or has a default value",
     secrets_parameter_unmasked, no_arguments},
    {"secrets-user-data",
     "credentials (AWS keys, password assignments, private keys) in user data, plain or base64 "
     "(with: {paths: [native attribute paths]})",
     secrets_user_data, secret_paths_arguments},
    {"security-audit-role-defined",
     "whole set: a role the security account can assume with only SecurityAudit, "
     "ViewOnlyAccess or ReadOnlyAccess and no policy allowing changes",
     security_audit_role_defined, no_arguments},
    {"security-services-delegated-to-security-account",
     "whole set: the security services' delegated administrator is the security account, "
     "wherever one is named",
     security_services_delegated_to_security_account, no_arguments},
    {"trust-third-party-without-external-id",
     "a role trust policy letting a third-party account assume the role without an "
     "sts:ExternalId condition",
     trust_third_party_without_external_id, no_arguments},
});

static_assert(std::is_sorted(kPredicates.begin(), kPredicates.end(),
                             [](const BuiltinPredicate& a, const BuiltinPredicate& b) {
                               return a.name < b.name;
                             }),
              "keep the registry sorted by name");

}  // namespace

std::string predicates::attribute_argument(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "attribute") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || e.value.text().empty())
      return "attribute must name a canonical attribute";
  }
  return arguments.find("attribute") ? "" : "needs attribute: the canonical attribute to read";
}

std::span<const BuiltinPredicate> builtin_predicates() {
  return kPredicates;
}

const BuiltinPredicate* find_builtin_predicate(std::string_view name) {
  auto it =
      std::lower_bound(kPredicates.begin(), kPredicates.end(), name,
                       [](const BuiltinPredicate& p, std::string_view n) { return p.name < n; });
  return it != kPredicates.end() && it->name == name ? &*it : nullptr;
}

}  // namespace iacscan::detail
