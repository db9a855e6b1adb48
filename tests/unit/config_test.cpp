// The configuration file: every error kind with its exact position, discovery up to the
// repository's top, applying over a base, relative paths, shorthands, the starter file, and
// the rule settings, excludes and config keys as Scanner::create and scan() honour them.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/closest_match.hpp"
#include "iacscan/config.hpp"
#include "iacscan/scanner.hpp"

using namespace iacscan;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPath = "repo/.iacscan.yaml";

Result<ScanOptions> apply(const std::string& text, ScanOptions base = {}) {
  return apply_config_text(text, kPath, std::move(base));
}

// The error of a configuration that must fail, after checking its code and that its message
// starts with the file and position it is located at.
Error error_of(const std::string& text) {
  auto result = apply(text);
  REQUIRE_FALSE(result.has_value());
  const Error& error = result.error();
  CHECK(error.code == ErrorCode::invalid_option);
  CHECK(error.location.path == kPath);
  const std::string prefix = std::string(kPath) + ":" + std::to_string(error.location.start_line) +
                             ":" + std::to_string(error.location.start_column) + ": ";
  CHECK(error.message.rfind(prefix, 0) == 0);
  return error;
}

void check_at(const Error& error, std::uint32_t line, std::uint32_t column) {
  INFO(error.message);
  CHECK(error.location.start_line == line);
  CHECK(error.location.start_column == column);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every field `iacscan init` leaves at its default, compared one by one.
void check_defaults(const ScanOptions& options) {
  const ScanOptions defaults;
  CHECK(options.account_rules == defaults.account_rules);
  CHECK(options.exclude.empty());
  CHECK(options.rule_settings.empty());
  CHECK(options.organization.management_account.empty());
  CHECK(options.organization.approved_regions.empty());
  CHECK(options.organization.ou_roles.empty());
  CHECK(options.max_file_bytes == defaults.max_file_bytes);
  CHECK(options.terraform_max_instances == defaults.terraform_max_instances);
  CHECK(options.scp_max_chars == defaults.scp_max_chars);
  CHECK(options.scp_max_attachments == defaults.scp_max_attachments);
  CHECK(options.scp_syntax == defaults.scp_syntax);
  CHECK(options.policy_dirs.empty());
  CHECK(options.policy_types.empty());
  CHECK(options.terraform_variable_files.empty());
  CHECK(options.terraform_variables.empty());
  CHECK(options.cloudformation_parameter_files.empty());
  CHECK(options.cloudformation_parameters.empty());
}

// A fresh directory under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("iacscan-config-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& relative, const std::string& text) const {
    const fs::path file = path / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
};

}  // namespace

TEST_CASE("config: an empty file, or one of comments only, changes nothing") {
  for (const std::string text : {"", "\n", "# nothing yet\n", "---\n"}) {
    auto result = apply(text);
    REQUIRE(result.has_value());
    check_defaults(*result);
  }
}

TEST_CASE("config: every section applies") {
  auto result = apply(R"(version: 1
account_rules: true
exclude: ["examples/**", "**/*.bak"]
organization:
  management_account: "111111111111"
  security_account: 222222222222
  log_archive_account: "333333333333"
  identity_account: "044444444444"
  accounts: ["555555555555", 666666666666]
  trusted_accounts: []
  email_domains: [corp.example]
  approved_regions: [eu-west-1, us-gov-west-1, us-isob-east-1]
  protected_role_arns: ["arn:aws:iam::*:role/security-*"]
  admin_role_arns: ["arn:aws:iam::111111111111:role/Admin"]
  ou_roles: {ou-abcd-11111111: [workload], Sandbox: [dev], Network: prebuilt-network}
  required_tags: [owner, cost-center]
  approved_ami_owners: ["amazon", "123456789012", 210987654321]
  approved_services: [s3, ec2, lambda]
  security_resource_prefix: security-
rules:
  s3-bucket-access-logging: {enabled: false}
  iam-user-defined: {severity: low}
  kms-key-rotation: off
  ebs-encryption: on
  rds-public: false
limits:
  max_file_bytes: 20m
  terraform_max_instances: 50
  scp_max_chars: 6144
  scp_max_attachments: 10
  scp_syntax: legacy
policy_types: {"org/scps/**": scp, "*.rcp.json": rcp}
terraform:
  variables: {env: prod, replicas: 3, enabled: true, zones: [a, b], tags: {team: "${x}"}}
cloudformation:
  parameters: {Env: prod, Subnets: [subnet-1, subnet-2]}
)");
  REQUIRE(result.has_value());
  const ScanOptions& o = *result;
  CHECK(o.account_rules);
  CHECK(o.exclude == std::vector<std::string>{"examples/**", "**/*.bak"});
  const OrganizationFacts& org = o.organization;
  CHECK(org.management_account == "111111111111");
  CHECK(org.security_account == "222222222222");  // a number, read as written
  CHECK(org.identity_account == "044444444444");
  CHECK(org.accounts == std::vector<std::string>{"555555555555", "666666666666"});
  CHECK(org.trusted_accounts.empty());
  CHECK(org.email_domains == std::vector<std::string>{"corp.example"});
  CHECK(org.approved_regions.size() == 3);
  CHECK(org.protected_role_arns == std::vector<std::string>{"arn:aws:iam::*:role/security-*"});
  CHECK(org.ou_roles.at("ou-abcd-11111111") == std::vector<std::string>{"workload"});
  CHECK(org.ou_roles.at("Network") == std::vector<std::string>{"prebuilt-network"});
  CHECK(org.approved_ami_owners ==
        std::vector<std::string>{"amazon", "123456789012", "210987654321"});
  CHECK(org.approved_services.size() == 3);
  CHECK(org.security_resource_prefix == "security-");

  CHECK_FALSE(o.rule_settings.at("s3-bucket-access-logging").enabled);
  CHECK(o.rule_settings.at("iam-user-defined").enabled);
  CHECK(o.rule_settings.at("iam-user-defined").severity == Severity::low);
  CHECK_FALSE(o.rule_settings.at("kms-key-rotation").enabled);
  CHECK(o.rule_settings.at("ebs-encryption").enabled);
  CHECK_FALSE(o.rule_settings.at("ebs-encryption").severity.has_value());
  CHECK_FALSE(o.rule_settings.at("rds-public").enabled);

  CHECK(o.max_file_bytes == 20u * 1024u * 1024u);
  CHECK(o.terraform_max_instances == 50);
  CHECK(o.scp_max_chars == 6144);
  CHECK(o.scp_max_attachments == 10);
  CHECK(o.scp_syntax == "legacy");
  REQUIRE(o.policy_types.size() == 2);
  CHECK(o.policy_types[0] == std::pair<std::string, std::string>{"org/scps/**", "scp"});
  CHECK(o.policy_types[1] == std::pair<std::string, std::string>{"*.rcp.json", "rcp"});

  CHECK(o.terraform_variables.at("env") == "prod");
  CHECK(o.terraform_variables.at("replicas") == "3");
  CHECK(o.terraform_variables.at("enabled") == "true");
  // Lists and maps become HCL expressions; "${" is escaped so it stays text.
  CHECK(o.terraform_variables.at("zones") == R"(["a", "b"])");
  CHECK(o.terraform_variables.at("tags") == R"({"team" = "$${x}"})");
  CHECK(o.cloudformation_parameters.at("Env") == "prod");
  CHECK(o.cloudformation_parameters.at("Subnets") == "subnet-1,subnet-2");
}

TEST_CASE("config: applying over a base replaces only what the file sets") {
  ScanOptions base;
  base.account_rules = true;
  base.max_file_bytes = 1234;
  base.exclude = {"old/**"};
  base.rule_settings["kept-rule"] = RuleSetting{false, std::nullopt};
  base.rule_settings["replaced-rule"] = RuleSetting{false, Severity::high};
  base.terraform_variables = {{"a", "base"}, {"b", "base"}};
  base.organization.security_account = "999999999999";
  auto result = apply(R"(limits: {scp_max_chars: 100}
exclude: ["new/**"]
rules: {replaced-rule: {severity: low}}
terraform: {variables: {b: file}}
organization: {management_account: "111111111111"}
)",
                      base);
  REQUIRE(result.has_value());
  CHECK(result->account_rules);
  CHECK(result->max_file_bytes == 1234);
  CHECK(result->scp_max_chars == 100);
  CHECK(result->exclude == std::vector<std::string>{"new/**"});  // lists are replaced
  CHECK_FALSE(result->rule_settings.at("kept-rule").enabled);    // rules merge by id
  CHECK(result->rule_settings.at("replaced-rule").enabled);
  CHECK(result->rule_settings.at("replaced-rule").severity == Severity::low);
  CHECK(result->terraform_variables.at("a") == "base");
  CHECK(result->terraform_variables.at("b") == "file");
  CHECK(result->organization.security_account == "999999999999");
  CHECK(result->organization.management_account == "111111111111");
}

TEST_CASE("config: a key left empty, or whose items are all commented out, is not set") {
  ScanOptions base;
  base.exclude = {"kept/**"};
  auto result = apply("exclude:\n#  - x\norganization:\nrules:\nterraform:\n", base);
  REQUIRE(result.has_value());
  CHECK(result->exclude == std::vector<std::string>{"kept/**"});
}

TEST_CASE("config: relative paths resolve against the configuration file's directory") {
  const std::string text = R"(policy_dirs: [policies/, ./more, /abs/rules]
terraform: {var_files: [env/prod.tfvars]}
cloudformation: {parameter_files: [../params.json]}
exclude: ["examples/**"]
)";
  auto result = apply_config_text(text, "/work/repo/ci/.iacscan.yaml", {});
  REQUIRE(result.has_value());
  CHECK(result->policy_dirs ==
        std::vector<std::string>{"/work/repo/ci/policies/", "/work/repo/ci/more", "/abs/rules"});
  CHECK(result->terraform_variable_files ==
        std::vector<std::string>{"/work/repo/ci/env/prod.tfvars"});
  CHECK(result->cloudformation_parameter_files ==
        std::vector<std::string>{"/work/repo/params.json"});
  // Excludes are relative to the scanned path, not to the file.
  CHECK(result->exclude == std::vector<std::string>{"examples/**"});

  auto here = apply_config_text(text, ".iacscan.yaml", {});
  REQUIRE(here.has_value());
  CHECK(here->policy_dirs.front() == "policies/");
}

TEST_CASE("config: unknown keys name the closest known key and their line") {
  Error top = error_of("version: 1\nacount_rules: true\n");
  check_at(top, 2, 1);
  CHECK(contains(top.message, "unknown key \"acount_rules\"; did you mean \"account_rules\"?"));

  Error nested = error_of(
      "organization:\n  management_account: \"111111111111\"\n"
      "  aproved_regions: [eu-west-1]\n");
  check_at(nested, 3, 3);
  CHECK(contains(nested.message, "organization: unknown key \"aproved_regions\""));
  CHECK(contains(nested.message, "did you mean \"approved_regions\"?"));

  Error rule = error_of("rules:\n  kms-key-rotation: {enable: false}\n");
  check_at(rule, 2, 22);
  CHECK(contains(rule.message, "rules.kms-key-rotation: unknown key \"enable\""));
  CHECK(contains(rule.message, "did you mean \"enabled\"?"));

  Error far = error_of("zzz: 1\n");
  CHECK(contains(far.message, "expected one of version, account_rules"));
}

TEST_CASE("config: values of the wrong type") {
  Error yes = error_of("account_rules: yes\n");
  check_at(yes, 1, 16);
  CHECK(contains(yes.message, "account_rules: expected true or false, got \"yes\""));
  CHECK(contains(yes.message, "YAML 1.2"));

  Error list = error_of("exclude: examples/**\n");
  check_at(list, 1, 10);
  CHECK(contains(list.message, "exclude: expected a list, got \"examples/**\""));

  Error item = error_of("exclude:\n  - ok\n  - [nested]\n");
  check_at(item, 3, 5);
  CHECK(contains(item.message, "exclude[1]: expected a string, got a list"));

  Error map = error_of("organization: [a]\n");
  CHECK(contains(map.message, "organization: expected a map of keys, got a list"));

  Error number = error_of("limits:\n  scp_max_chars: -5\n");
  check_at(number, 2, 18);
  CHECK(contains(number.message, "limits.scp_max_chars: expected a positive whole number"));

  Error empty = error_of("organization:\n  security_resource_prefix:\n");
  check_at(empty, 2, 3);  // nothing to point at but the key
  CHECK(contains(empty.message, "expected a string, got nothing"));

  Error version = error_of("version: 2\n");
  check_at(version, 1, 10);
  CHECK(contains(version.message, "version: only version 1 exists"));

  Error document = error_of("- a\n- b\n");
  check_at(document, 1, 1);
  CHECK(contains(document.message, "must be a map"));
}

TEST_CASE("config: account ids, regions, severities and other checked values") {
  Error account = error_of("organization:\n  management_account: \"11111111111\"\n");
  check_at(account, 2, 23);
  CHECK(contains(account.message, "organization.management_account: expected a 12-digit"));

  Error in_list = error_of("organization:\n  accounts: [\"111111111111\", 12345]\n");
  check_at(in_list, 2, 30);
  CHECK(contains(in_list.message, "organization.accounts[1]"));

  Error region = error_of("organization:\n  approved_regions:\n    - eu-west-1\n    - eu-west\n");
  check_at(region, 4, 7);
  CHECK(contains(region.message, "organization.approved_regions[1]: expected an AWS region name"));

  Error severity = error_of("rules:\n  iam-user-defined: {severity: severe}\n");
  check_at(severity, 2, 32);
  CHECK(contains(severity.message,
                 "rules.iam-user-defined.severity: expected info, low, medium, "
                 "high or critical, got \"severe\""));

  Error syntax = error_of("limits:\n  scp_syntax: curent\n");
  check_at(syntax, 2, 15);
  CHECK(contains(syntax.message, "limits.scp_syntax: expected current or legacy"));
  CHECK(contains(syntax.message, "did you mean \"current\"?"));

  Error shorthand = error_of("rules:\n  kms-key-rotation: disabled\n");
  check_at(shorthand, 2, 21);
  CHECK(contains(shorthand.message, "rules.kms-key-rotation: expected {enabled"));

  Error rule_id = error_of("rules:\n  KMS_Rotation: off\n");
  check_at(rule_id, 2, 3);
  CHECK(contains(rule_id.message, "is not a rule id"));

  Error domain = error_of("organization: {email_domains: [\"@corp.example\"]}\n");
  CHECK(contains(domain.message, "organization.email_domains[0]: expected an e-mail domain"));

  Error arn = error_of("organization: {admin_role_arns: [Admin]}\n");
  CHECK(contains(arn.message, "organization.admin_role_arns[0]: expected an IAM role ARN"));

  Error ou = error_of("organization:\n  ou_roles:\n    ou-12: [workload]\n");
  check_at(ou, 3, 5);
  CHECK(contains(ou.message, "organization.ou_roles.ou-12: \"ou-12\" starts like an OU id"));

  Error role = error_of("organization:\n  ou_roles: {Sandbox: [develop]}\n");
  CHECK(contains(role.message, "organization.ou_roles.Sandbox[0]: expected workload, dev"));

  Error owner = error_of("organization: {approved_ami_owners: [canonical]}\n");
  CHECK(contains(owner.message, "expected an account id or one of amazon"));

  Error type = error_of("policy_types:\n  \"org/**\": service-control\n");  // a glob key
  check_at(type, 2, 13);
  CHECK(contains(type.message, "policy_types[\"org/**\"]: expected scp, rcp"));

  Error size = error_of("limits: {max_file_bytes: 20x}\n");
  CHECK(contains(size.message, "limits.max_file_bytes: expected a positive number of bytes"));
}

TEST_CASE("config: duplicate keys and invalid YAML name their line") {
  Error duplicate = error_of("exclude: [a]\naccount_rules: true\nexclude: [b]\n");
  check_at(duplicate, 3, 1);
  CHECK(contains(duplicate.message, "duplicate key \"exclude\""));

  Error nested = error_of("organization:\n  accounts: []\n  \"accounts\": []\n");
  check_at(nested, 3, 3);
  CHECK(contains(nested.message, "duplicate key \"accounts\""));

  Error yaml = error_of("organization:\n  accounts: [\"111111111111\"\n");
  CHECK(yaml.location.start_line >= 2);
  CHECK(contains(yaml.message, "invalid YAML"));
}

TEST_CASE("config: the starter configuration applies cleanly and sets the defaults") {
  const std::string starter = starter_config();
  CHECK(contains(starter, "version: 1"));
  CHECK(contains(starter, "management_account"));
  auto result = apply(starter);
  REQUIRE_MESSAGE(result.has_value(), result.error().message);
  check_defaults(*result);
  // Every organization fact is documented, and uncommenting them all gives a valid file.
  std::string uncommented;
  for (std::size_t start = 0; start < starter.size();) {
    std::size_t end = starter.find('\n', start);
    if (end == std::string::npos) end = starter.size();
    std::string line = starter.substr(start, end - start);
    if (line.rfind("#  ", 0) == 0) line = line.substr(1);
    uncommented += line + "\n";
    start = end + 1;
  }
  auto full = apply(uncommented);
  REQUIRE_MESSAGE(full.has_value(), full.error().message);
  CHECK(full->organization.management_account == "111122223333");
  CHECK(full->organization.ou_roles.at("Sandbox") == std::vector<std::string>{"dev"});
  CHECK_FALSE(full->rule_settings.at("s3-bucket-access-logging").enabled);
  CHECK(full->exclude.size() == 2);
  CHECK(full->policy_types.size() == 1);
}

TEST_CASE("config: apply_config_file reads files and reports unreadable ones") {
  TempDir dir;
  const fs::path file = dir.write(".iacscan.yaml", "policy_dirs: [rules]\nlimits:\n  bad: 1\n");
  auto bad = apply_config_file(file.string(), {});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().location.path == file.string());
  CHECK(bad.error().location.start_line == 3);
  CHECK(contains(bad.error().message, file.string() + ":3:3: limits: unknown key \"bad\""));

  dir.write(".iacscan.yaml", "policy_dirs: [rules]\n");
  auto good = apply_config_file(file.string(), {});
  REQUIRE(good.has_value());
  CHECK(good->policy_dirs == std::vector<std::string>{(dir.path / "rules").generic_string()});

  auto missing = apply_config_file((dir.path / "nope.yaml").string(), {});
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == ErrorCode::invalid_option);
  CHECK(contains(missing.error().message, "no such configuration file"));

  auto directory = apply_config_file(dir.path.string(), {});
  REQUIRE_FALSE(directory.has_value());
  CHECK(contains(directory.error().message, "is a directory"));

  dir.write("empty.yaml", "");
  CHECK(apply_config_file((dir.path / "empty.yaml").string(), {}).has_value());
}

TEST_CASE("config: discovery walks up to the nearest file and stops at the repository's top") {
  TempDir dir;
  const fs::path repo = dir.path / "repo";
  fs::create_directories(repo / ".git");
  fs::create_directories(repo / "a" / "b" / "c");
  dir.write(".iacscan.yaml", "# above the repository: never used\n");
  CHECK_FALSE(find_config_file((repo / "a" / "b").string()).has_value());

  const fs::path top = dir.write("repo/.iacscan.yaml", "");
  auto found = find_config_file((repo / "a" / "b" / "c").string());
  REQUIRE(found.has_value());
  CHECK(fs::equivalent(*found, top));

  const fs::path nearer = dir.write("repo/a/.iacscan.yaml", "");
  found = find_config_file((repo / "a" / "b").string());
  REQUIRE(found.has_value());
  CHECK(fs::equivalent(*found, nearer));

  // A file's own directory is where the walk starts.
  const fs::path tf = dir.write("repo/a/b/main.tf", "");
  found = find_config_file(tf.string());
  REQUIRE(found.has_value());
  CHECK(fs::equivalent(*found, nearer));

  // .git as a file (a worktree or submodule) also marks the top.
  fs::create_directories(dir.path / "worktree" / "x");
  dir.write("worktree/.git", "gitdir: elsewhere\n");
  CHECK_FALSE(find_config_file((dir.path / "worktree" / "x").string()).has_value());

  // A directory named .iacscan.yaml is not a configuration.
  fs::create_directories(dir.path / "odd" / ".git");
  fs::create_directories(dir.path / "odd" / ".iacscan.yaml");
  CHECK_FALSE(find_config_file((dir.path / "odd").string()).has_value());
}

TEST_CASE("config: closest_match suggests plausible typos only") {
  const std::vector<std::string_view> keys = {"account_rules", "exclude", "organization", "limits"};
  CHECK(detail::closest_match("acount_rules", keys) == "account_rules");
  CHECK(detail::closest_match("Organisation", keys) == "organization");
  CHECK(detail::closest_match("limtis", keys) == "limits");  // a swap is one edit
  CHECK_FALSE(detail::closest_match("zzz", keys).has_value());
  CHECK_FALSE(detail::closest_match("", keys).has_value());
}

TEST_CASE("config: Scanner::create applies rule settings and refuses unknown rule ids") {
  ScanOptions options;
  auto all = Scanner::create(options);
  REQUIRE(all.has_value());
  REQUIRE(all->rules().size() >= 2);
  const RuleInfo first = all->rules()[0];
  const RuleInfo second = all->rules()[1];
  const Severity other = second.severity == Severity::info ? Severity::critical : Severity::info;

  options.rule_settings[first.id] = RuleSetting{false, std::nullopt};
  options.rule_settings[second.id] = RuleSetting{true, other};
  auto configured = Scanner::create(options);
  REQUIRE(configured.has_value());
  CHECK(configured->rules().size() == all->rules().size() - 1);
  CHECK(configured->rules()[0].id == second.id);
  CHECK(configured->rules()[0].severity == other);

  options.rule_settings["s3-bucket-publc-acl"] = RuleSetting{};
  auto unknown = Scanner::create(options);
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().code == ErrorCode::invalid_option);
  CHECK(contains(unknown.error().message, "rules.s3-bucket-publc-acl"));
  CHECK(contains(unknown.error().message, "did you mean \"s3-bucket-public-acl\"?"));
}

TEST_CASE("config: excludes leave paths out of a scan, relative to the scanned directory") {
  TempDir dir;
  const std::string bucket = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n";
  dir.write("infra/main.tf", bucket);
  dir.write("infra/examples/demo/main.tf", bucket);
  dir.write("infra/modules/examples.tf", bucket);
  dir.write("infra/old/main.tf.bak", bucket);
  dir.write("infra/test/fixture.tf", bucket);

  ScanOptions options;
  auto plain = Scanner::create(options);
  REQUIRE(plain.has_value());
  auto everything = plain->scan({(dir.path / "infra").string()});
  REQUIRE(everything.has_value());
  CHECK(everything->files_scanned == 4);  // the .bak is not IaC anyway

  options.exclude = {"examples/**", "test", "*.bak"};
  auto filtered = Scanner::create(options);
  REQUIRE(filtered.has_value());
  auto some = filtered->scan({(dir.path / "infra").string()});
  REQUIRE(some.has_value());
  CHECK(some->files_scanned == 2);  // main.tf and modules/examples.tf

  // A file named on the command line is scanned whatever the excludes say.
  auto named = filtered->scan({(dir.path / "infra" / "test" / "fixture.tf").string()});
  REQUIRE(named.has_value());
  CHECK(named->files_scanned == 1);
}
