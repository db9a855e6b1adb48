#include "engine/configuration_facts.hpp"

#include <algorithm>
#include <array>

namespace iacscan::detail {
namespace {

constexpr std::array<std::string_view, 15> kFacts = {
    "organization.accounts",
    "organization.admin_role_arns",
    "organization.approved_ami_owners",
    "organization.approved_regions",
    "organization.approved_services",
    "organization.email_domains",
    "organization.identity_account",
    "organization.log_archive_account",
    "organization.management_account",
    "organization.ou_roles",
    "organization.protected_role_arns",
    "organization.required_tags",
    "organization.security_account",
    "organization.security_resource_prefix",
    "organization.trusted_accounts",
};

}  // namespace

std::span<const std::string_view> configuration_facts() {
  return kFacts;
}

bool is_configuration_fact(std::string_view key) {
  return std::binary_search(kFacts.begin(), kFacts.end(), key);
}

bool configuration_fact_is_set(const ScanOptions& options, std::string_view key) {
  const OrganizationFacts& o = options.organization;
  if (key == "organization.accounts") return !o.accounts.empty();
  if (key == "organization.admin_role_arns") return !o.admin_role_arns.empty();
  if (key == "organization.approved_ami_owners") return !o.approved_ami_owners.empty();
  if (key == "organization.approved_regions") return !o.approved_regions.empty();
  if (key == "organization.approved_services") return !o.approved_services.empty();
  if (key == "organization.email_domains") return !o.email_domains.empty();
  if (key == "organization.identity_account") return !o.identity_account.empty();
  if (key == "organization.log_archive_account") return !o.log_archive_account.empty();
  if (key == "organization.management_account") return !o.management_account.empty();
  if (key == "organization.ou_roles") return !o.ou_roles.empty();
  if (key == "organization.protected_role_arns") return !o.protected_role_arns.empty();
  if (key == "organization.required_tags") return !o.required_tags.empty();
  if (key == "organization.security_account") return !o.security_account.empty();
  if (key == "organization.security_resource_prefix") return !o.security_resource_prefix.empty();
  if (key == "organization.trusted_accounts") return !o.trusted_accounts.empty();
  return false;
}

}  // namespace iacscan::detail
