// Who administers the organization's security services: the security account, so that the
// security team sees every member account's findings without working in the management
// account (roadmap stages 1 and 3).
#include <algorithm>
#include <array>
#include <optional>

#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail::predicates {
namespace {

// Delegations that are about a security service whatever they say.
constexpr auto kSecurityServiceKinds = std::to_array<std::string_view>({
    "aws.guardduty.organization_admin_account",
    "aws.securityhub.delegated_admin",
});
constexpr std::string_view kOrganizationsDelegation = "aws.organizations.delegated_administrator";

// Service principals of security services that accept a delegated administrator. Sorted.
constexpr auto kSecurityServicePrincipals = std::to_array<std::string_view>({
    "access-analyzer.amazonaws.com",
    "auditmanager.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "detective.amazonaws.com",
    "fms.amazonaws.com",
    "guardduty.amazonaws.com",
    "inspector2.amazonaws.com",
    "macie.amazonaws.com",
    "securityhub.amazonaws.com",
    "securitylake.amazonaws.com",
});

// Whether a delegation is about a security service.
Truth delegates_security_service(const Resource& r) {
  if (std::find(kSecurityServiceKinds.begin(), kSecurityServiceKinds.end(), r.kind) !=
      kSecurityServiceKinds.end())
    return Truth::true_;
  if (r.kind != kOrganizationsDelegation) return Truth::false_;
  const Value* principal = r.canonical.find("service_principal");
  if (principal == nullptr) return Truth::false_;
  if (principal->is_unknown()) return Truth::unknown;
  return truth_of(principal->is_string() &&
                  std::binary_search(kSecurityServicePrincipals.begin(),
                                     kSecurityServicePrincipals.end(), principal->text()));
}

Outcome outcome(Truth truth, const Span& span, std::string detail) {
  Outcome o;
  o.truth = truth;
  o.attribute = "account_id";
  o.span = span;
  o.detail = std::move(detail);
  return o;
}

}  // namespace

Outcome security_services_delegated_to_security_account(const PredicateInput& input) {
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr || facts->security_account.empty() || input.context->graph == nullptr)
    return undecided({}, {}, "the security account is not configured");
  const ResourceGraph& graph = *input.context->graph;
  PresenceEvidence* evidence = input.context->evidence;
  std::optional<Outcome> misdirected;
  std::optional<Outcome> undecided_one;
  bool delegated = false;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& r = graph.resources[i];
    if (r.folded) continue;
    const Truth security = delegates_security_service(r);
    if (security == Truth::false_) continue;
    const Value* account = r.canonical.find("account_id");
    if (account == nullptr) continue;
    Truth to_security = Truth::unknown;
    if (account->is_string() || account->is_number())
      to_security = truth_of(account->text() == facts->security_account);
    if (to_security == Truth::true_ && security == Truth::true_) {
      delegated = true;
      if (evidence) evidence->met.push_back(i);
      continue;
    }
    if (to_security == Truth::false_ && security == Truth::true_) {
      if (evidence) evidence->near_miss.push_back(i);
      if (!misdirected)
        misdirected = outcome(Truth::false_, account->span,
                              r.address + ": account_id = " + account->text() +
                                  ", not the security account " + facts->security_account);
      continue;
    }
    if (to_security == Truth::true_) continue;  // unknown service, already the right account
    if (!undecided_one)
      undecided_one = outcome(Truth::unknown, account->span,
                              r.address + ": the delegated account or service is unknown");
  }
  if (misdirected) return std::move(*misdirected);
  if (undecided_one) return std::move(*undecided_one);
  if (delegated) return outcome(Truth::true_, {}, {});
  return outcome(Truth::false_, {}, "no security service is delegated to the security account");
}

}  // namespace iacscan::detail::predicates
