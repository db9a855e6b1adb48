// What a guardrail rule asks of the SCP set, read from the `with:` map of `scp-guardrail`:
// which requests must be denied, in which alternatives, and for which targets.
//
//   with:
//     deny:                                   # every entry must be denied
//       - organizations:LeaveOrganization     # an action, on every resource
//       - {action: ec2:RunInstances,          # an action on a resource, in a request context
//          resource: "arn:aws:ec2:*:*:instance/*",
//          context: {ec2:MetadataHttpTokens: optional}}
//       - any_of:                             # alternatives: one group fully denied is enough
//           - [guardduty:DisassociateFromAdministratorAccount]
//           - [guardduty:DisassociateFromMasterAccount]
//     resource: ...                           # default resource of the entries ("*")
//     context: {...}                          # default context keys of the entries
//     ou_role: dev                            # only targets in OUs with this role
//                                             # (organization.ou_roles); default every target
//     exempt: [organization.identity_account] # account facts the guardrail need not cover
//
// A resource may name an organization fact in braces: `{organization.security_resource_prefix}`
// is replaced by its value, and `{organization.protected_role_arns}` turns the entry into one
// entry per protected role ARN, each of which must be denied.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iacscan/options.hpp"
#include "value/value.hpp"

namespace iacscan::detail::predicates {

// One request the SCPs must deny.
struct DenyProbe {
  std::string action;
  std::string resource = "*";  // may hold wildcards: a concrete resource is made per query
  std::map<std::string, std::vector<std::string>> context;  // keys as written
};

// Met when all probes of one alternative are denied.
struct Requirement {
  std::vector<std::vector<DenyProbe>> alternatives;
};

struct GuardrailSpec {
  std::vector<Requirement> requirements;  // all must be met
  std::string ou_role;                    // empty: every target
  std::vector<std::string> exempt_facts;  // "organization.identity_account"
};

// "" when `with` is a valid guardrail specification, else what is wrong with it.
std::string guardrail_arguments(const Value& with);

// The specification with organization facts filled in. A fact the options do not give leaves
// its probes out and is named in `missing_fact` (the rule then cannot decide).
struct ResolvedSpec {
  GuardrailSpec spec;
  std::string missing_fact;
};
ResolvedSpec resolve_guardrail(const Value& with, const ScanOptions* options);

// The value of an account fact (organization.identity_account, ...); empty when not set.
std::string account_fact(const ScanOptions* options, const std::string& fact);

// "ec2:RunInstances (ec2:MetadataHttpTokens=optional)", for messages.
std::string describe_probe(const DenyProbe& probe);

}  // namespace iacscan::detail::predicates
