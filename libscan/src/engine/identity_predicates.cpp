#include "engine/identity_predicates.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "engine/predicate_support.hpp"
#include "iam/action_catalog.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::predicates {
namespace {

using iam::PolicyType;

// Whether the statement lets a service principal in: True with the principal value that says
// so, Unknown when an unknown part might.
struct ServiceTrust {
  Truth truth = Truth::false_;
  Span span;
  std::string service;  // as written; empty when unknown
};

ServiceTrust service_principal(const iam::PrincipalBlock& principal) {
  ServiceTrust out;
  if (!principal.present || principal.wildcard || principal.malformed) return out;
  if (principal.unknown) {
    out.truth = Truth::unknown;
    out.span = principal.span;
    return out;
  }
  for (const iam::PrincipalBlock::Entry& entry : principal.entries) {
    if (!iam::ascii_iequals(entry.type, "Service")) continue;
    // Whatever the service turns out to be, the role is a service role.
    out.truth = Truth::true_;
    out.span = entry.type_span;
    for (const iam::Element& value : entry.values.items) {
      if (value.unknown) continue;
      out.span = value.span;
      out.service = value.text;
      break;
    }
    return out;
  }
  return out;
}

ServiceTrust statement_trusts_service(const iam::Statement& statement) {
  if (statement.unknown) return {Truth::unknown, statement.span, {}};
  Truth effect = Truth::false_;
  if (statement.effect == iam::Effect::allow) effect = Truth::true_;
  if (statement.effect == iam::Effect::unknown) effect = Truth::unknown;
  if (effect == Truth::false_) return {};
  ServiceTrust trust = service_principal(statement.principal);
  if (trust.truth == Truth::false_) return {};
  static const std::optional<iam::ActionId> assume_role =
      iam::ActionCatalog::builtin().find("sts:AssumeRole");
  const Truth assumes = iam::names_action(
      iam::statement_actions(statement, iam::ActionCatalog::builtin()), assume_role);
  trust.truth = truth_and(truth_and(effect, trust.truth), assumes);
  if (!trust.span.valid()) trust.span = statement.span;
  return trust;
}

// Personal mail providers, by exact domain...
constexpr auto kPersonalDomains = std::to_array<std::string_view>({
    "126.com",        "163.com",      "aim.com",     "att.net",        "bk.ru",
    "btinternet.com", "comcast.net",  "daum.net",    "email.com",      "fastmail.com",
    "fastmail.fm",    "free.fr",      "freenet.de",  "gmail.com",      "googlemail.com",
    "hanmail.net",    "hey.com",      "icloud.com",  "inbox.ru",       "laposte.net",
    "libero.it",      "list.ru",      "mac.com",     "mail.com",       "mail.ru",
    "me.com",         "msn.com",      "naver.com",   "orange.fr",      "pm.me",
    "posteo.de",      "proton.me",    "qq.com",      "rediffmail.com", "rocketmail.com",
    "sbcglobal.net",  "sina.com",     "t-online.de", "tuta.com",       "tuta.io",
    "tutanota.com",   "tutanota.de",  "usa.com",     "verizon.net",    "virgilio.it",
    "wanadoo.fr",     "web.de",       "ya.ru",       "yeah.net",       "ymail.com",
    "zoho.com",       "zohomail.com", "gmx.com",     "outlook.com",
});

// ... and by provider name under any country's public suffix (yahoo.co.uk, gmx.de).
constexpr auto kPersonalProviders = std::to_array<std::string_view>({
    "aol",
    "gmx",
    "hotmail",
    "live",
    "outlook",
    "protonmail",
    "yahoo",
    "yandex",
});

// "com", "de", "co.uk", "com.br": one or two short labels, as country suffixes are.
bool looks_like_public_suffix(std::string_view rest) {
  int labels = 0;
  while (!rest.empty()) {
    const std::size_t dot = rest.find('.');
    const std::string_view label = rest.substr(0, dot);
    if (label.size() < 2 || label.size() > 3) return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return labels >= 1 && labels <= 2;
}

// The domain of an address, lowercased, when it is known: a plain string, or a template whose
// unknown parts all sit before the '@'.
std::optional<std::string> mail_domain(const Value& address) {
  std::string_view text;
  if (address.is_string()) {
    text = address.text();
  } else if (address.is_unknown() && address.encoded) {
    text = address.encoded->partial_text;
  } else {
    return std::nullopt;
  }
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view domain = text.substr(at + 1);
  if (domain.empty() || domain.find(kUnknownMarker) != std::string_view::npos) return std::nullopt;
  return iam::ascii_lowercase(domain);
}

// The text of a string, or of a template with unknown parts (marked); nullopt otherwise.
std::optional<std::string_view> known_text(const Value& v) {
  if (v.is_string()) return std::string_view(v.text());
  if (v.is_unknown() && v.encoded) return std::string_view(v.encoded->partial_text);
  return std::nullopt;
}

bool has_marker(std::string_view text) {
  return text.find(kUnknownMarker) != std::string_view::npos;
}

}  // namespace

bool is_admin_managed_policy_arn(std::string_view arn) {
  static constexpr std::array<std::string_view, 3> kAdminPolicies = {
      "AdministratorAccess", "PowerUserAccess", "IAMFullAccess"};
  static constexpr std::string_view kAwsManaged = ":iam::aws:policy/";
  if (!arn.starts_with("arn:")) return false;
  const std::size_t at = arn.find(kAwsManaged);
  if (at == std::string_view::npos) return false;
  // The partition: aws, aws-cn, aws-us-gov ..., or unknown (${AWS::Partition} unresolved).
  std::string_view partition = arn.substr(4, at - 4);
  const bool partition_ok = partition.starts_with("aws") || partition == kUnknownMarker;
  const std::string_view name = arn.substr(at + kAwsManaged.size());
  return partition_ok && !has_marker(name) &&
         std::find(kAdminPolicies.begin(), kAdminPolicies.end(), name) != kAdminPolicies.end();
}

bool is_personal_mail_domain(std::string_view domain) {
  if (std::find(kPersonalDomains.begin(), kPersonalDomains.end(), domain) != kPersonalDomains.end())
    return true;
  const std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view provider = domain.substr(0, dot);
  return std::find(kPersonalProviders.begin(), kPersonalProviders.end(), provider) !=
             kPersonalProviders.end() &&
         looks_like_public_suffix(domain.substr(dot + 1));
}

Outcome iam_trust_allows_service(const PredicateInput& input) {
  Outcome maybe;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::trust) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown || policy.statement_unknown) {
      if (maybe.truth != Truth::unknown)
        maybe =
            undecided(embedded.attribute, embedded.document->span, "the trust policy is unknown");
      if (policy.unknown) continue;
    }
    for (const iam::Statement& statement : policy.statements) {
      const ServiceTrust trust = statement_trusts_service(statement);
      if (trust.truth == Truth::true_)
        return found(embedded.attribute, trust.span,
                     (trust.service.empty() ? std::string("an AWS service") : trust.service) +
                         " can assume the role");
      if (trust.truth == Truth::unknown && maybe.truth != Truth::unknown)
        maybe = undecided(embedded.attribute, trust.span,
                          "whether an AWS service can assume the role is unknown");
    }
  }
  return maybe;
}

Outcome iam_admin_managed_policy(const PredicateInput& input) {
  const std::string attribute = input.arguments.find("attribute")->text();
  const Value* held = input.subject.find(attribute);
  if (held == nullptr) return Outcome{};
  if (held->is_unknown() && !held->encoded) {
    Outcome o;
    o.truth = Truth::unknown;
    o.witness = held;
    o.attribute = attribute;
    return o;
  }
  std::vector<const Value*> arns;
  if (held->is_list()) {
    for (const Value& item : held->items()) arns.push_back(&item);
  } else {
    arns.push_back(held);
  }
  const Value* unknown = nullptr;
  for (const Value* arn : arns) {
    const std::optional<std::string_view> text = known_text(*arn);
    if (text && is_admin_managed_policy_arn(*text)) {
      Outcome o;
      o.truth = Truth::true_;
      o.witness = arn;  // a template shows as "(unknown)" but still points at its line
      o.attribute = attribute;
      return o;
    }
    if (arn->is_unknown() && !unknown) unknown = arn;
  }
  if (!unknown) return Outcome{};
  Outcome o;
  o.truth = Truth::unknown;
  o.witness = unknown;
  o.attribute = attribute;
  return o;
}

Outcome email_personal_domain(const PredicateInput& input) {
  const std::string attribute = input.arguments.find("attribute")->text();
  const Value* address = input.subject.find(attribute);
  if (address == nullptr) return Outcome{};
  const std::optional<std::string> domain = mail_domain(*address);
  if (!domain) {
    if (!address->is_unknown()) return Outcome{};
    Outcome o;
    o.truth = Truth::unknown;
    o.witness = address;
    o.attribute = attribute;
    return o;
  }
  if (!is_personal_mail_domain(*domain)) return Outcome{};
  Outcome o;
  o.truth = Truth::true_;
  o.attribute = attribute;
  if (address->is_string()) {
    o.witness = address;
  } else {  // a template: show it, its unknown parts as "${...}"
    o.span = address->span;
    o.detail = address->encoded->partial_text;
    for (std::size_t at = o.detail.find(kUnknownMarker); at != std::string::npos;
         at = o.detail.find(kUnknownMarker, at))
      o.detail.replace(at, kUnknownMarker.size(), "${...}");
  }
  return o;
}

}  // namespace iacscan::detail::predicates
