// Which accounts trust and resource policies let in, compared with the organization's.
#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "engine/trust_principals.hpp"
#include "iam/embedded_policies.hpp"

namespace iacscan::detail::predicates {
namespace {

using iam::PolicyType;

// A stranger: none of the organization's accounts, trusted third parties or AWS services.
bool is_stranger(const OrganizationFacts& facts, std::string_view account) {
  return !is_organization_account(facts, account) && !is_trusted_account(facts, account) &&
         !is_aws_service_account(account);
}

// A Lambda permission names its principal and source account in attributes of its own.
std::vector<std::pair<const Value*, std::string>> lambda_permission_accounts(const Resource& r) {
  std::vector<std::pair<const Value*, std::string>> out;
  const bool cfn = r.native_type == "AWS::Lambda::Permission";
  if (!cfn && r.native_type != "aws_lambda_permission") return out;
  for (const char* name :
       {cfn ? "Principal" : "principal", cfn ? "SourceAccount" : "source_account"}) {
    if (const Value* v = r.attributes.find(name)) out.emplace_back(v, name);
  }
  return out;
}

Outcome lambda_permission_outside(const PredicateInput& input, const OrganizationFacts& facts) {
  Outcome maybe;
  for (const auto& [value, attribute] : lambda_permission_accounts(input.resource)) {
    if (value->is_unknown()) {
      std::string_view partial = value->encoded ? std::string_view(value->encoded->partial_text)
                                                : std::string_view(kUnknownMarker);
      const NamedAccount named = account_named_by(partial);
      if (named.state != NamedAccount::State::none && !named.only_account_unknown &&
          maybe.truth != Truth::unknown)
        maybe = undecided(attribute, value->span, "the account it names is unknown");
      continue;
    }
    if (!value->is_string()) continue;
    const NamedAccount named = account_named_by(value->text());
    if (named.state == NamedAccount::State::known && is_stranger(facts, named.id))
      return found(attribute, value->span,
                   "account " + named.id + " is not one of the organization's accounts");
  }
  return maybe;
}

bool judged_policy(PolicyType type) {
  return type == PolicyType::trust || type == PolicyType::resource;
}

}  // namespace

Outcome account_trust_outside_organization(const PredicateInput& input) {
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr) return undecided({}, {}, "the organization's accounts are not known");
  Outcome maybe = lambda_permission_outside(input, *facts);
  if (maybe.truth == Truth::true_) return maybe;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (!judged_policy(embedded.type)) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown) {
      if (maybe.truth != Truth::unknown)
        maybe = undecided(embedded.attribute, embedded.document->span, "the policy is unknown");
      continue;
    }
    const std::vector<Span> own_account = own_account_values(*embedded.document);
    for (const AccountMention& m : accounts_let_in(policy)) {
      if (names_own_account(m, own_account)) continue;
      if (m.account.state == NamedAccount::State::unknown) {
        if (maybe.truth != Truth::unknown)
          maybe = undecided(embedded.attribute, m.span, "an account the policy names is unknown");
        continue;
      }
      if (is_stranger(*facts, m.account.id))
        return found(embedded.attribute, m.span,
                     "account " + m.account.id + " is not one of the organization's accounts");
    }
  }
  return maybe;
}

Outcome trust_third_party_without_external_id(const PredicateInput& input) {
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr) return undecided({}, {}, "the organization's accounts are not known");
  // Without the list of the company's own accounts, only the declared third parties are
  // known to be third parties.
  const bool organization_listed = !facts->accounts.empty();
  auto third_party = [&](std::string_view account) {
    if (is_trusted_account(*facts, account)) return true;
    return organization_listed && !is_organization_account(*facts, account) &&
           !is_aws_service_account(account);
  };
  Outcome maybe;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::trust) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown) {
      if (maybe.truth != Truth::unknown)
        maybe =
            undecided(embedded.attribute, embedded.document->span, "the trust policy is unknown");
      continue;
    }
    const std::vector<Span> own_account = own_account_values(*embedded.document);
    for (const AccountMention& m : accounts_let_in(policy)) {
      if (m.from_condition || m.assumes_role == Truth::false_) continue;
      if (names_own_account(m, own_account)) continue;
      Truth holds = Truth::unknown;
      std::string why = "an account the trust policy names is unknown";
      if (m.account.state == NamedAccount::State::known) {
        if (!third_party(m.account.id)) continue;
        holds = truth_and(m.assumes_role, truth_not(requires_external_id(*m.statement)));
        why = "whether third-party account " + m.account.id +
              " must give an sts:ExternalId is unknown";
      }
      if (holds == Truth::true_)
        return found(embedded.attribute, m.span,
                     "third-party account " + m.account.id +
                         " may assume the role without an sts:ExternalId condition");
      if (holds == Truth::unknown && maybe.truth != Truth::unknown)
        maybe = undecided(embedded.attribute, m.span, why);
    }
  }
  return maybe;
}

}  // namespace iacscan::detail::predicates
