#include "engine/org_accounts.hpp"

#include <algorithm>
#include <array>

namespace iacscan::detail::predicates {
namespace {

bool listed(const std::vector<std::string>& list, std::string_view account) {
  return std::find(list.begin(), list.end(), account) != list.end();
}

// Elastic Load Balancing writes access logs as these accounts (one per Region opened before
// August 2022; later Regions use a service principal instead), so bucket policies of log
// buckets name them. Sorted.
constexpr auto kElbLogDeliveryAccounts = std::to_array<std::string_view>({
    "009996457667",  // eu-west-3
    "027434742980",  // us-west-1
    "033677994240",  // us-east-2
    "037604701340",  // cn-northwest-1
    "048591011584",  // us-gov-west-1
    "054676820928",  // eu-central-1
    "076674570225",  // me-south-1
    "098369216593",  // af-south-1
    "114774131450",  // ap-southeast-1
    "127311923021",  // us-east-1
    "156460612806",  // eu-west-1
    "190560391635",  // us-gov-east-1
    "383597477331",  // ap-northeast-3
    "507241528517",  // sa-east-1
    "582318560864",  // ap-northeast-1
    "600734575887",  // ap-northeast-2
    "635631232127",  // eu-south-1
    "638102146993",  // cn-north-1
    "652711504416",  // eu-west-2
    "718504428378",  // ap-south-1
    "754344448648",  // ap-east-1
    "783225319266",  // ap-southeast-2
    "797873946194",  // us-west-2
    "897822967062",  // eu-north-1
    "985666609251",  // ca-central-1
});

bool has_marker(std::string_view text) {
  return text.find(kUnknownMarker) != std::string_view::npos;
}

}  // namespace

const OrganizationFacts* organization_facts(const PredicateInput& input) {
  if (input.context == nullptr || input.context->options == nullptr) return nullptr;
  return &input.context->options->organization;
}

bool is_account_role(std::string_view role) {
  return role == "management" || role == "security" || role == "log_archive" || role == "identity";
}

const std::string& account_of_role(const OrganizationFacts& facts, std::string_view role) {
  static const std::string none;
  if (role == "management") return facts.management_account;
  if (role == "security") return facts.security_account;
  if (role == "log_archive") return facts.log_archive_account;
  if (role == "identity") return facts.identity_account;
  return none;
}

bool is_organization_account(const OrganizationFacts& facts, std::string_view account) {
  if (account.empty()) return false;
  return account == facts.management_account || account == facts.security_account ||
         account == facts.log_archive_account || account == facts.identity_account ||
         listed(facts.accounts, account);
}

bool is_trusted_account(const OrganizationFacts& facts, std::string_view account) {
  return listed(facts.trusted_accounts, account);
}

bool is_aws_service_account(std::string_view account) {
  return std::binary_search(kElbLogDeliveryAccounts.begin(), kElbLogDeliveryAccounts.end(),
                            account);
}

bool is_account_id(std::string_view text) {
  return text.size() == 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

NamedAccount account_named_by(std::string_view text) {
  NamedAccount out;
  if (is_account_id(text)) {
    out.state = NamedAccount::State::known;
    out.id = std::string(text);
    return out;
  }
  if (!text.starts_with("arn:")) {
    // A bare id built from an unknown part ("${var.partner_account}").
    if (text == kUnknownMarker) out.state = NamedAccount::State::unknown;
    return out;
  }
  // arn:partition:service:region:account:resource
  std::array<std::string_view, 5> fields;
  std::string_view rest = text;
  for (std::string_view& field : fields) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return out;
    field = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  const std::string_view service = fields[2];
  const std::string_view account = fields[4];
  if (has_marker(service) || has_marker(account)) {
    out.state = NamedAccount::State::unknown;
    out.only_account_unknown = !has_marker(service) && account == kUnknownMarker;
    return out;
  }
  if (!is_account_id(account)) return out;  // "*", "aws" (managed policies), empty
  out.state = NamedAccount::State::known;
  out.id = std::string(account);
  return out;
}

}  // namespace iacscan::detail::predicates
