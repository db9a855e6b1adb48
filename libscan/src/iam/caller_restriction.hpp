// Whether a Condition limits WHO can use a statement that names a public principal: the
// conditions that make "Principal": "*" safe (a bucket policy for CloudFront with
// aws:SourceArn, a KMS key shared with the organization through aws:PrincipalOrgID, a GitHub
// OIDC trust pinned to a repository with token.actions.githubusercontent.com:sub).
//
// A clause limits callers when all of these hold:
//  - its key names the caller or where the call comes from: aws:SourceArn, aws:SourceAccount,
//    aws:SourceOwner, aws:SourceOrgID, aws:SourceOrgPaths, aws:PrincipalOrgID,
//    aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpc,
//    aws:SourceVpce, aws:SourceIp, aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths,
//    aws:PrincipalServiceName, aws:PrincipalIsAWSService (Bool true), kms:CallerAccount
//    (AWS's default key policy opens the key to "AWS": "*" of one account through
//    kms:CallerAccount and kms:ViaService), s3:DataAccessPointAccount and
//    s3:DataAccessPointArn (a bucket policy that delegates access control to the account's
//    access points), sts:ExternalId (trust policies only), and a web-identity provider's
//    "<provider>:sub" and "<provider>:aud" keys. aws:ResourceAccount and aws:ResourceOrgID do not
//    count: in a resource policy the resource is the policy owner's, so they say nothing of the
//    caller. The ":aud" of GitHub Actions, GitLab and HCP Terraform does not count either: every
//    customer's tokens carry the same audience, so only ":sub" picks a repository.
//  - its operator is positive (StringEquals, StringEqualsIgnoreCase, StringLike, ArnEquals,
//    ArnLike, IpAddress; Bool for aws:PrincipalIsAWSService), without ForAllValues (which
//    passes when the key is absent) and without IfExists: IfExists also passes when the key
//    is absent, and a direct call by an anonymous or outside principal carries no
//    aws:SourceArn / aws:SourceAccount at all, so an IfExists clause restricts nothing for
//    the callers that matter here.
//  - none of its values lets every caller through: a Like value of only stars, an ARN whose
//    account is a wildcard, a 0.0.0.0/0 or ::/0 range, a ":sub" that fixes no owner
//    ("repo:*", "project_path:*", "organization:*").
#pragma once

#include "engine/truth.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

Truth clause_limits_callers(const ConditionClause& clause, PolicyType type);

// True when a clause limits callers (the clauses of a block all have to hold); Unknown when
// none does but an unknown part could.
Truth condition_limits_callers(const ConditionBlock& condition, PolicyType type);

}  // namespace iacscan::detail::iam
