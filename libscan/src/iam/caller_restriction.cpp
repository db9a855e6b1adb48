#include "iam/caller_restriction.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "iam/analysis_hit.hpp"
#include "iam/ascii_case.hpp"
#include "iam/pattern_text.hpp"
#include "iam/resource_scope.hpp"

namespace iacscan::detail::iam {
namespace {

enum class KeyKind : std::uint8_t {
  none,     // says nothing about the caller
  plain,    // organization, VPC, external id: any definite value restricts
  arn,      // a caller or source ARN: a wildcard account lets everyone through
  account,  // an account id
  ip,       // aws:SourceIp
  flag,     // aws:PrincipalIsAWSService: restricts when true
  web_identity_claim,
};

// The keys of caller_restriction.hpp, sorted by key (lowercase).
constexpr std::array<std::pair<std::string_view, KeyKind>, 20> kCallerKeys = {{
    {"aws:principalaccount", KeyKind::account},
    {"aws:principalarn", KeyKind::arn},
    {"aws:principalisawsservice", KeyKind::flag},
    {"aws:principalorgid", KeyKind::plain},
    {"aws:principalorgpaths", KeyKind::plain},
    {"aws:principalservicename", KeyKind::plain},
    {"aws:sourceaccount", KeyKind::account},
    {"aws:sourcearn", KeyKind::arn},
    {"aws:sourceip", KeyKind::ip},
    {"aws:sourceorgid", KeyKind::plain},
    {"aws:sourceorgpaths", KeyKind::plain},
    {"aws:sourceowner", KeyKind::account},
    {"aws:sourcevpc", KeyKind::plain},
    {"aws:sourcevpce", KeyKind::plain},
    {"aws:vpceaccount", KeyKind::account},
    {"aws:vpceorgid", KeyKind::plain},
    {"aws:vpceorgpaths", KeyKind::plain},
    {"kms:calleraccount", KeyKind::account},
    {"s3:dataaccesspointaccount", KeyKind::account},
    {"s3:dataaccesspointarn", KeyKind::arn},
}};
static_assert(std::is_sorted(kCallerKeys.begin(), kCallerKeys.end()),
              "kCallerKeys must stay sorted: key_kind searches it");

// Web-identity providers whose tokens all carry the same audience, whoever the customer.
constexpr std::array<std::string_view, 3> kSharedAudienceProviders = {
    "app.terraform.io", "gitlab.com", "token.actions.githubusercontent.com"};

// Claims that name the customer's app or the token's subject.
constexpr std::array<std::string_view, 5> kIdentifyingClaims = {"app_id", "aud", "id", "sub",
                                                                "user_id"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view text) {
  return std::binary_search(sorted.begin(), sorted.end(), text);
}

KeyKind key_kind(std::string_view key, PolicyType type) {
  const std::string lower = ascii_lowercase(key);
  if (lower == "sts:externalid") return type == PolicyType::trust ? KeyKind::plain : KeyKind::none;
  const auto found =
      std::lower_bound(kCallerKeys.begin(), kCallerKeys.end(), lower,
                       [](const std::pair<std::string_view, KeyKind>& entry,
                          const std::string& wanted) { return entry.first < wanted; });
  if (found != kCallerKeys.end() && found->first == lower) return found->second;
  // "<provider host>:<claim>", e.g. "token.actions.githubusercontent.com:sub".
  const std::size_t colon = lower.rfind(':');
  if (colon == std::string::npos) return KeyKind::none;
  const std::string_view provider = std::string_view(lower).substr(0, colon);
  const std::string_view claim = std::string_view(lower).substr(colon + 1);
  if (provider.find('.') == std::string_view::npos || !contains(kIdentifyingClaims, claim))
    return KeyKind::none;
  if (claim == "aud" && contains(kSharedAudienceProviders, provider)) return KeyKind::none;
  return KeyKind::web_identity_claim;
}

bool positive_operator(const ConditionOperator& op, KeyKind kind) {
  if (op.if_exists || op.qualifier == ConditionOperator::SetQualifier::for_all_values) return false;
  if (kind == KeyKind::flag) return op.base == "Bool";
  static constexpr std::array<std::string_view, 6> kPositive = {
      "ArnEquals", "ArnLike", "IpAddress", "StringEquals", "StringEqualsIgnoreCase", "StringLike"};
  return contains(kPositive, op.base);
}

// The account field of an ARN pattern ("arn:aws:sns:us-east-1:123456789012:topic").
std::string_view arn_account(std::string_view arn) {
  std::size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    start = arn.find(':', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = arn.find(':', start);
  return arn.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Whether a value lets every caller through.
bool lets_everyone(std::string_view value, KeyKind kind, const ConditionOperator& op) {
  const bool wildcards = op.base == "StringLike" || op.base.starts_with("Arn");
  if (wildcards && only_stars(value)) return true;
  switch (kind) {
    case KeyKind::arn:
      return wildcards && (covers_all_resources(value) ||
                           (value.starts_with("arn:") && only_stars(arn_account(value))));
    case KeyKind::ip:
      return value.ends_with("/0");
    case KeyKind::flag:
      return ascii_lowercase(value) != "true";
    case KeyKind::web_identity_claim: {
      if (!wildcards) return false;
      const std::string_view fixed = value.substr(0, value.find_first_of("*?"));
      return fixed.size() < value.size() && (fixed.empty() || fixed == "repo:" ||
                                             fixed == "project_path:" || fixed == "organization:");
    }
    default:
      return false;
  }
}

}  // namespace

Truth clause_limits_callers(const ConditionClause& clause, PolicyType type) {
  const KeyKind kind = key_kind(clause.key, type);
  if (kind == KeyKind::none || !positive_operator(clause.op, kind)) return Truth::false_;
  if (clause.values.unknown) return Truth::unknown;
  if (clause.values.items.empty()) return Truth::false_;
  Truth result = Truth::true_;
  for (const Element& value : clause.values.items) {
    if (!lets_everyone(widest_pattern(value), kind, clause.op)) continue;
    if (!value.unknown) return Truth::false_;
    result = Truth::unknown;
  }
  return result;
}

Truth condition_limits_callers(const ConditionBlock& condition, PolicyType type) {
  if (!condition.present) return Truth::false_;
  if (condition.malformed) return Truth::true_;  // AWS rejects it; the validator says so
  Truth result = condition.unknown ? Truth::unknown : Truth::false_;
  for (const ConditionClause& clause : condition.clauses)
    result = truth_or(result, clause_limits_callers(clause, type));
  return result;
}

}  // namespace iacscan::detail::iam
