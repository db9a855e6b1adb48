// The AWS accounts a trust or resource policy lets in: the accounts of its Allow statements'
// AWS principals, and the accounts named by conditions that pick the caller's or the source's
// account (aws:PrincipalAccount, aws:SourceAccount, aws:SourceOwner).
#pragma once

#include <vector>

#include "engine/org_accounts.hpp"
#include "engine/truth.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::predicates {

struct AccountMention {
  NamedAccount account;  // unknown: a principal (or the whole statement) known only later
  Span span;             // the principal or condition value; the statement when unknown
  const iam::Statement* statement = nullptr;
  bool from_condition = false;
  // Whether the statement lets the principal call sts:AssumeRole (trust policies).
  Truth assumes_role = Truth::unknown;
};

// In statement order; principals before condition values. Statements whose Effect is Deny
// are left out; an unknown Effect counts as Allow (it may be one).
std::vector<AccountMention> accounts_let_in(const iam::Policy& policy);

// Where a CloudFormation document writes an ARN around the stack's own account
// (!Sub arn:aws:iam::${AWS::AccountId}:root): such a value is unknown as a whole, and only its
// reason says that the unknown part is the account the stack is deployed in.
std::vector<Span> own_account_values(const Value& document);

// An ARN around the account the policy is deployed in, written with a value known only at
// deployment (${AWS::AccountId}, data.aws_caller_identity; `own_account` from
// own_account_values): most often no stranger, and doubting every such key policy would leave
// rules about other accounts undecided everywhere.
bool names_own_account(const AccountMention& mention, const std::vector<Span>& own_account);

// Whether the statement's Condition carries an sts:ExternalId test (any operator but Null):
// unknown when the Condition block is unknown.
Truth requires_external_id(const iam::Statement& statement);

}  // namespace iacscan::detail::predicates
