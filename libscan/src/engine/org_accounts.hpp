// The organization's accounts as the configuration names them, and the account an ARN or a
// policy principal names: what the org-config predicates compare.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/builtin_predicates.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail::predicates {

// The scan's organization facts; null when the predicate runs without a scan (unit tests that
// judge one resource), so the predicate stays undecided rather than guessing.
const OrganizationFacts* organization_facts(const PredicateInput& input);

// The account roles a rule may name: management, security, log_archive, identity.
bool is_account_role(std::string_view role);
// The configured account of a role; empty when the role is not configured (or not a role).
const std::string& account_of_role(const OrganizationFacts& facts, std::string_view role);

// The organization's own accounts: the four roles and organization.accounts.
bool is_organization_account(const OrganizationFacts& facts, std::string_view account);
// Third parties the company trusts on purpose (organization.trusted_accounts).
bool is_trusted_account(const OrganizationFacts& facts, std::string_view account);
// AWS's own service accounts that resource policies must name to let a service deliver into
// them (Elastic Load Balancing's access-log writers, one per Region): never a stranger.
bool is_aws_service_account(std::string_view account);

// The account a principal or ARN names. `text` may hold kUnknownMarker for unknown parts of a
// template ("arn:aws:iam::${var.id}:root").
struct NamedAccount {
  enum class State { none, known, unknown } state = State::none;
  std::string id;  // the 12 digits, when known
  // Unknown, in an ARN known but for its account ("arn:aws:iam::${AWS::AccountId}:root"): most
  // often the account the policy is deployed in, which no rule about strangers should doubt.
  bool only_account_unknown = false;
};
// A bare account id ("123456789012") or the account of an ARN that has one
// ("arn:aws:iam::123456789012:role/x", "arn:aws:sts::123456789012:assumed-role/r/s"); none
// for service principals, wildcards ("*", "arn:aws:iam::*:root") and ARNs without an account.
NamedAccount account_named_by(std::string_view text);

bool is_account_id(std::string_view text);

}  // namespace iacscan::detail::predicates
