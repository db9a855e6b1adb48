// Predicates of the org-config rules: they compare what the code declares with the facts only
// the user can give (the `organization` section of .iacscan.yaml), read from
// PredicateInput::context->options. Without those facts (no context: a unit test judging one
// resource alone) they stay undecided; the rules that call them do not run without them anyway.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// --- Judged over the whole scanned set (account-wide controls) -----------------------------

// Some IAM role lets the security account in (an Allow of sts:AssumeRole to one of its
// principals) and carries only audit permissions: at least one of the AWS managed policies
// SecurityAudit, ViewOnlyAccess and ReadOnlyAccess, no other managed policy, and no policy
// (inline, attached, or a customer policy) allowing an action above the List and Read access
// levels. False points at the first shortfall of a role the security account can assume.
Outcome security_audit_role_defined(const PredicateInput& input);

// The administration of the organization's security services (GuardDuty, Security Hub, and
// through Organizations Access Analyzer, Config, Detective, Inspector, Macie, Firewall
// Manager, Security Lake, Audit Manager) is delegated, and every such delegation names the
// security account. False points at a delegation to another account, or nowhere when there
// is none.
Outcome security_services_delegated_to_security_account(const PredicateInput& input);

// --- Judged per resource --------------------------------------------------------------------

// The resource is deployed to the account of `role` (with: {role: management | security |
// log_archive | identity}): every account its Terraform provider configuration allows is that
// one. False when the code names other accounts only or none at all; unknown when it names
// them with a value known only at deployment, or names several that disagree (see
// deployment_account.hpp). Points nowhere (the resource); its detail says how the account is
// known.
Outcome deployed_to_account(const PredicateInput& input);
// The reverse: every account the resource may be deployed to is another one. Also False when
// the code does not name the account.
Outcome deployed_outside_account(const PredicateInput& input);
std::string account_role_argument(const Value& arguments);

// The resource is of a type the management account is meant to hold: Organizations, billing
// and cost, identity (IAM, IAM Identity Center), the organization trail, and the security
// services' organization-wide settings. Only AWS resources are judged: anything else
// (Terraform variables and providers, CloudFormation parameters, other providers' resources,
// split resources folded onto their target) counts as such a type.
Outcome governance_resource_type(const PredicateInput& input);

// A trust or resource policy (or a Lambda permission) names an AWS account, as a principal or
// in an aws:SourceAccount / aws:PrincipalAccount / aws:SourceOwner condition, that is none of
// the organization's accounts, none of its trusted third parties and not an AWS service
// account. Points at the account's value.
Outcome account_trust_outside_organization(const PredicateInput& input);

// A role trust policy lets a third party assume the role (an account in
// organization.trusted_accounts, or, when organization.accounts lists the company's accounts,
// any account outside them) in a statement without an sts:ExternalId condition. Points at the
// principal.
Outcome trust_third_party_without_external_id(const PredicateInput& input);

// A resource of a taggable type lacks some of organization.required_tags: neither its own tags
// (CloudFormation Tags, Terraform tags) nor, in Terraform, its provider's default_tags carry
// the key. Points at the tags when the resource has some, else at the resource.
Outcome required_tags_missing(const PredicateInput& input);

// The image (with: {attribute}) comes from a source the organization did not approve
// (organization.approved_ami_owners): a hard-coded AMI id, whose owner no scanner can check,
// or a public SSM parameter of a publisher that is not approved. An image read from the
// organization's own SSM parameter passes; one known only at deployment is undecided.
Outcome image_source_not_approved(const PredicateInput& input);

// The resource's name (the CloudFormation logical id, the Terraform resource name without its
// module path, or its Name tag) matches the RE2 `pattern` (with: {pattern: '(?i)private'}).
// Points nowhere.
Outcome resource_name_matches(const PredicateInput& input);
std::string name_pattern_argument(const Value& arguments);

}  // namespace iacscan::detail::predicates
