#include "config/organization_section.hpp"

#include <algorithm>
#include <cctype>

namespace iacscan::detail {
namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_lower_alnum(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0 || is_digit(c);
}

bool all_of(std::string_view text, bool (*predicate)(char)) {
  return std::all_of(text.begin(), text.end(), predicate);
}

// Account ids are often written unquoted, which YAML reads as a number: its text as written
// keeps any leading zero, so both spellings work.
std::string read_account_id(const Field& field) {
  const std::string text =
      field.value.is_string() || field.value.is_number() ? field.value.text() : std::string{};
  if (text.size() != 12 || !all_of(text, is_digit))
    fail(field, "expected a 12-digit AWS account id such as \"111122223333\", got " +
                    describe(field.value));
  return text;
}

// Region names as AWS forms them: a country or area code, an optional partition marker, a
// direction and a digit ("eu-west-1", "us-gov-west-1", "us-isob-east-1").
bool is_region_name(std::string_view name) {
  auto take_letters = [&name]() {
    std::size_t n = 0;
    while (n < name.size() && std::islower(static_cast<unsigned char>(name[n]))) ++n;
    std::string_view letters = name.substr(0, n);
    name.remove_prefix(n);
    return letters;
  };
  auto take_dash = [&name]() {
    if (name.empty() || name.front() != '-') return false;
    name.remove_prefix(1);
    return true;
  };
  if (take_letters().size() != 2 || !take_dash()) return false;
  std::string_view word = take_letters();
  if (word == "gov" || word.starts_with("iso")) {
    if (!take_dash()) return false;
    word = take_letters();
  }
  if (word.empty() || !take_dash()) return false;
  return name.size() == 1 && std::isdigit(static_cast<unsigned char>(name.front()));
}

std::string read_region(const Field& field) {
  const std::string region = field.value.is_string() ? field.value.text() : std::string{};
  if (!is_region_name(region))
    fail(field, "expected an AWS region name such as \"eu-west-1\", got " + describe(field.value));
  return region;
}

// Root users' e-mail domains: a domain, not an address.
std::string read_email_domain(const Field& field) {
  const std::string domain = read_string(field);
  bool valid = domain.find('.') != std::string::npos && domain.front() != '.' &&
               domain.back() != '.' && domain.find("..") == std::string::npos;
  for (char c : domain)
    valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.');
  if (!valid)
    fail(field, "expected an e-mail domain such as \"corp.example\" (without the @), got " +
                    describe(field.value));
  return domain;
}

// arn:partition:service:region:account:resource, wildcards allowed anywhere.
std::string read_role_arn_pattern(const Field& field) {
  const std::string arn = read_string(field);
  if (!arn.starts_with("arn:") || std::count(arn.begin(), arn.end(), ':') < 5)
    fail(field,
         "expected an IAM role ARN pattern such as \"arn:aws:iam::*:role/security-*\", got " +
             describe(field.value));
  return arn;
}

// EC2's owner aliases, or an account id.
std::string read_ami_owner(const Field& field) {
  static const std::vector<std::string_view> kAliases = {"amazon", "aws-marketplace",
                                                         "aws-backup-vault", "self"};
  if (field.value.is_string() &&
      std::find(kAliases.begin(), kAliases.end(), field.value.text()) != kAliases.end())
    return field.value.text();
  const std::string text =
      field.value.is_string() || field.value.is_number() ? field.value.text() : std::string{};
  if (text.size() != 12 || !all_of(text, is_digit))
    fail(field,
         "expected an account id or one of amazon, aws-marketplace, aws-backup-vault, self, got " +
             describe(field.value));
  return text;
}

// Service prefixes as IAM actions spell them ("s3", "ec2", "bedrock-agent").
std::string read_service_prefix(const Field& field) {
  const std::string prefix = field.value.is_string() ? field.value.text() : std::string{};
  const bool valid = !prefix.empty() && std::all_of(prefix.begin(), prefix.end(), [](char c) {
    return is_lower_alnum(c) || c == '-';
  });
  if (!valid)
    fail(field, "expected a service prefix as in IAM actions, such as \"s3\" or \"ec2\", got " +
                    describe(field.value));
  return prefix;
}

// An OU id is "ou-" then the root's 4-32 characters, '-', and 8-32 more; anything else is an
// OU name. A key that starts like an id but is not one is almost always a typo.
bool is_ou_id(std::string_view key) {
  if (!key.starts_with("ou-")) return false;
  key.remove_prefix(3);
  const std::size_t dash = key.find('-');
  if (dash == std::string_view::npos) return false;
  const std::string_view root = key.substr(0, dash);
  const std::string_view rest = key.substr(dash + 1);
  return root.size() >= 4 && root.size() <= 32 && rest.size() >= 8 && rest.size() <= 32 &&
         all_of(root, is_lower_alnum) && all_of(rest, is_lower_alnum);
}

const std::vector<std::string_view> kOuRoles = {"workload",         "dev",      "prod",
                                                "prebuilt-network", "security", "infrastructure"};

void read_ou_roles(const Field& field, std::map<std::string, std::vector<std::string>>& out) {
  if (!is_set(field)) return;
  std::map<std::string, std::vector<std::string>> roles;
  for (const Value::Entry& entry : read_map(field)) {
    const Field ou = entry_field(field, entry);
    if (entry.key.starts_with("ou-") && !is_ou_id(entry.key))
      fail_at_key(ou, "\"" + entry.key +
                          "\" starts like an OU id but is not one: expected ou-, 4 to 32 "
                          "lower-case letters or digits, -, and 8 to 32 more (ou-abcd-12345678)");
    std::vector<std::string> ou_roles;
    if (ou.value.is_string()) {
      ou_roles.push_back(read_choice(ou, kOuRoles));  // one role without brackets
    } else {
      read_each(ou, ou_roles, [](const Field& item) { return read_choice(item, kOuRoles); });
    }
    roles[entry.key] = std::move(ou_roles);
  }
  out = std::move(roles);
}

const std::vector<std::string_view> kKeys = {
    "management_account",  "security_account",  "log_archive_account",
    "identity_account",    "accounts",          "trusted_accounts",
    "email_domains",       "approved_regions",  "protected_role_arns",
    "admin_role_arns",     "ou_roles",          "required_tags",
    "approved_ami_owners", "approved_services", "security_resource_prefix"};

}  // namespace

void apply_organization_section(const Field& section, OrganizationFacts& facts) {
  check_known_keys(section, kKeys);
  for (const Value::Entry& entry : read_map(section)) {
    const Field field = entry_field(section, entry);
    const std::string& key = entry.key;
    if (key == "management_account") {
      facts.management_account = read_account_id(field);
    } else if (key == "security_account") {
      facts.security_account = read_account_id(field);
    } else if (key == "log_archive_account") {
      facts.log_archive_account = read_account_id(field);
    } else if (key == "identity_account") {
      facts.identity_account = read_account_id(field);
    } else if (key == "accounts") {
      read_each(field, facts.accounts, read_account_id);
    } else if (key == "trusted_accounts") {
      read_each(field, facts.trusted_accounts, read_account_id);
    } else if (key == "email_domains") {
      read_each(field, facts.email_domains, read_email_domain);
    } else if (key == "approved_regions") {
      read_each(field, facts.approved_regions, read_region);
    } else if (key == "protected_role_arns") {
      read_each(field, facts.protected_role_arns, read_role_arn_pattern);
    } else if (key == "admin_role_arns") {
      read_each(field, facts.admin_role_arns, read_role_arn_pattern);
    } else if (key == "ou_roles") {
      read_ou_roles(field, facts.ou_roles);
    } else if (key == "required_tags") {
      read_each(field, facts.required_tags, read_string);
    } else if (key == "approved_ami_owners") {
      read_each(field, facts.approved_ami_owners, read_ami_owner);
    } else if (key == "approved_services") {
      read_each(field, facts.approved_services, read_service_prefix);
    } else if (key == "security_resource_prefix") {
      facts.security_resource_prefix = read_string(field);
    }
  }
}

}  // namespace iacscan::detail
