#include "iam/public_principal.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "iam/ascii_case.hpp"
#include "iam/caller_restriction.hpp"
#include "iam/pattern_text.hpp"
#include "iam/statement_checks.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {
namespace {

// Sorted. Hosts that issue tokens to anyone who signs up.
constexpr std::array<std::string_view, 7> kPublicIssuers = {
    "accounts.google.com", "app.terraform.io",   "cognito-identity.amazonaws.com",
    "gitlab.com",          "graph.facebook.com", "token.actions.githubusercontent.com",
    "www.amazon.com",
};

// "*", a bare wildcard, or an ARN whose account field has a wildcard.
bool is_public_aws_principal(std::string_view value) {
  if (!value.starts_with("arn:")) return has_wildcard(value);
  std::size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    start = value.find(':', start);
    if (start == std::string_view::npos) return has_wildcard(value);
    ++start;
  }
  const std::size_t end = value.find(':', start);
  return has_wildcard(value.substr(start, end == std::string_view::npos ? end : end - start));
}

// "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" or the bare
// host ("cognito-identity.amazonaws.com"): whether the issuer is a public one.
bool is_public_issuer(std::string_view value) {
  constexpr std::string_view kOidc = "oidc-provider/";
  const std::size_t at = value.find(kOidc);
  std::string host =
      ascii_lowercase(at == std::string_view::npos ? value : value.substr(at + kOidc.size()));
  if (const std::size_t slash = host.find('/'); slash != std::string::npos) host.resize(slash);
  return std::binary_search(kPublicIssuers.begin(), kPublicIssuers.end(), host);
}

struct PublicPrincipal {
  Truth truth = Truth::false_;
  Span span;
  std::string detail;
};

void consider(PublicPrincipal& best, Truth truth, Span span, std::string detail) {
  if (truth == Truth::false_ || best.truth == Truth::true_) return;
  if (best.truth == Truth::unknown && truth == Truth::unknown) return;
  best = {truth, span, std::move(detail)};
}

PublicPrincipal public_principal(const Statement& statement) {
  PublicPrincipal best;
  if (statement.unknown) {
    consider(best, Truth::unknown, statement.span, "the statement is unknown");
    return best;
  }
  if (statement.not_principal.present) {
    consider(best, Truth::true_, statement.not_principal.span,
             "NotPrincipal with Allow grants everyone not listed");
    return best;
  }
  const PrincipalBlock& principal = statement.principal;
  if (!principal.present) return best;
  if (principal.unknown) {
    consider(best, Truth::unknown, principal.span, "the principal is unknown");
    return best;
  }
  if (principal.wildcard) consider(best, Truth::true_, principal.span, "Principal \"*\"");
  for (const PrincipalBlock::Entry& entry : principal.entries) {
    const bool aws = entry.type == "AWS";
    const bool federated = entry.type == "Federated";
    if (!aws && !federated) continue;
    if (entry.values.unknown) {
      consider(best, Truth::unknown, entry.values.span,
               "the " + entry.type + " principal is unknown");
      continue;
    }
    for (const Element& value : entry.values.items) {
      if (!value.is_string) continue;
      const std::string widest = widest_pattern(value);
      const bool is_public = aws ? is_public_aws_principal(widest) : is_public_issuer(widest);
      // An unknown part of a Federated value could name a public issuer only if nothing
      // known rules it out; we cannot tell, so any unknown Federated value may be public.
      const bool may_be_public = is_public || (federated && value.unknown);
      if (!may_be_public) continue;
      const Truth truth = value.unknown ? Truth::unknown : Truth::true_;
      const std::string shown = value.unknown ? "an unknown value" : "\"" + value.text + "\"";
      consider(best, truth, value.span,
               aws ? "AWS principal " + shown
                   : "Federated " + shown + " (a public web-identity provider)");
    }
  }
  return best;
}

}  // namespace

std::vector<AnalysisHit> find_public_principals(const Policy& policy, PolicyType type) {
  std::vector<AnalysisHit> hits;
  for (const Statement& statement : policy.statements) {
    Truth truth = effect_is(statement, Effect::allow);
    if (truth == Truth::false_) continue;
    const PublicPrincipal principal = public_principal(statement);
    truth = truth_and(truth, principal.truth);
    if (truth == Truth::false_) continue;
    truth = truth_and(truth, truth_not(condition_limits_callers(statement.condition, type)));
    if (truth == Truth::false_) continue;
    hits.push_back(statement_hit(statement, principal.span,
                                 principal.detail + " without a condition that limits callers",
                                 truth));
  }
  add_policy_unknowns(policy, "whether a public principal is allowed", hits);
  return hits;
}

}  // namespace iacscan::detail::iam
