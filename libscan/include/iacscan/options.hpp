// ScanOptions: everything that changes what a scan reads and reports. A plain value with
// defaults that scan like the CLI without flags; fill it by hand, or from .iacscan.yaml with
// apply_config_file (config.hpp). Scanner::create copies it: later changes do not reach a
// Scanner that exists.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "iacscan/location.hpp"
#include "iacscan/severity.hpp"

namespace iacscan {

// Facts about the user's AWS organization that only the user can give (the `organization`
// section of .iacscan.yaml). Rules that need a fact stay silent while it is empty, and the
// roadmap report names the key that would enable them. Account ids are 12-digit strings.
struct OrganizationFacts {
  std::string management_account;   // organization.management_account
  std::string security_account;     // organization.security_account
  std::string log_archive_account;  // organization.log_archive_account
  std::string identity_account;     // organization.identity_account (the one with IAM users)
  // Every other account the company owns (workloads, sandboxes...), so that a trust to an
  // account outside all of these stands out. organization.accounts
  std::vector<std::string> accounts;
  // Third parties' accounts the company deliberately trusts (vendors).
  // organization.trusted_accounts
  std::vector<std::string> trusted_accounts;
  std::vector<std::string> email_domains;     // organization.email_domains (root user emails)
  std::vector<std::string> approved_regions;  // organization.approved_regions
  // Roles guardrails protect from tampering (ARN patterns). organization.protected_role_arns
  std::vector<std::string> protected_role_arns;
  // The admin / automation roles that guardrails except (ARN patterns).
  // organization.admin_role_arns
  std::vector<std::string> admin_role_arns;
  // OU ids or names by role: "workload", "dev", "prebuilt-network". organization.ou_roles
  std::map<std::string, std::vector<std::string>> ou_roles;
  std::vector<std::string> required_tags;        // organization.required_tags
  std::vector<std::string> approved_ami_owners;  // organization.approved_ami_owners
  std::vector<std::string> approved_services;    // organization.approved_services ("s3", "ec2")
  // Name prefix of the security team's EventBridge rules, alarms and topics.
  std::string security_resource_prefix;  // organization.security_resource_prefix
};

// A rule's settings from the configuration: enabled or not, and its severity.
struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;  // overrides the rule's own
};

// A suppression in the configuration file (.iacscan.yaml `suppressions`): findings of `rule`
// ("*": every rule) are suppressed where every given selector matches.
struct ConfiguredSuppression {
  std::string rule;
  std::vector<std::string> paths;      // globs over display paths, like `exclude`; empty: any
  std::vector<std::string> resources;  // resource addresses ("aws_s3_bucket.site", "module.x.*"
                                       // with `*` globs); empty: any
  std::string reason;
  std::string expires;  // "YYYY-MM-DD"; empty: never
  Location location;    // the entry in the configuration file, for reports
};

// Called from worker threads while files load: `done` of `total` files loaded. Calls may
// overlap and arrive out of order (a smaller `done` after a larger one); the last call of a
// scan, after every worker finished, has done == total. Must be thread-safe and quick (the CLI
// draws a progress line on a terminal). Concurrent scans of one Scanner share one copy of it.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

struct ScanOptions {
  // Worker threads for loading and evaluating; 0 means one per hardware thread.
  unsigned jobs = 0;
  // Extra directories of policy files, loaded after the built-in ones.
  std::vector<std::string> policy_dirs;
  // Load only the rules of policy_dirs, not the built-in rules (the built-in kinds still load:
  // they are the vocabulary rules are written in).
  bool no_builtin_policies = false;
  // Files larger than this are refused with a limit-exceeded diagnostic (default 20 MiB).
  std::size_t max_file_bytes = 20u * 1024u * 1024u;
  // CloudFormation parameter values by name (also pseudo parameters such as AWS::Region); they
  // win over cloudformation_parameter_files and over a template's defaults.
  std::map<std::string, std::string> cloudformation_parameters;
  // JSON or YAML files of parameter values, read once when the Scanner is created: the AWS
  // CLI's [{"ParameterKey": k, "ParameterValue": v}, ...] or {"Parameters": {k: v}}. A later
  // file wins over an earlier one.
  std::vector<std::string> cloudformation_parameter_files;
  // Terraform input variables by name, as `terraform plan -var NAME=VALUE` takes them: a
  // string for variables of a primitive type, an HCL expression for lists, maps and objects.
  // They win over every variable file.
  std::map<std::string, std::string> terraform_variables;
  // .tfvars / .tfvars.json files applied to every root module after its own terraform.tfvars
  // and *.auto.tfvars files, in order (a later file wins).
  std::vector<std::string> terraform_variable_files;
  // The most instances one count or for_each may create before it is evaluated as a single
  // unknown instance (with a diagnostic).
  std::size_t terraform_max_instances = 1000;
  // The type of standalone policy files by path glob ("org/scps/**" → "scp"), tried in order,
  // the first match winning over every other clue. Types: scp, rcp, identity, resource,
  // endpoint, trust, ai-opt-out. Globs match display paths: `*`, `?`, `**`; a glob without '/'
  // matches file names (docs/iam.md).
  std::vector<std::pair<std::string, std::string>> policy_types;
  // Report a rule that could not decide because a decisive value is unknown as a finding of
  // kind FindingKind::review (by default such cases produce nothing).
  bool report_unknowns = false;
  // Measure the time each rule takes (ScanResult::statistics.rule_seconds).
  bool profile_rules = false;

  // Run the account-scope rules (and org-config rules judged over the whole set): "the scanned
  // set defines no GuardDuty detector". Off by default so that scanning one application module
  // never nags about a missing CloudTrail; the roadmap report turns it on.
  bool account_rules = false;
  // Fill ScanResult::controls: each rule's status as a roadmap control (met, missing, not
  // applicable, needs configuration). Implies nothing about account_rules.
  bool assess_controls = false;
  OrganizationFacts organization;
  // By rule id; ids not loaded are an invalid_option error at Scanner::create.
  std::map<std::string, RuleSetting> rule_settings;
  // Paths to leave out, as globs over display paths relative to the scanned path ("**/test/**",
  // "examples/*", "*.bak"); a directory that matches is not walked.
  std::vector<std::string> exclude;
  // Organizations limits (defaults are AWS's published quotas).
  std::size_t scp_max_chars = 5120;     // limits.scp_max_chars
  std::size_t scp_max_attachments = 5;  // limits.scp_max_attachments (per target)
  // "current" (AWS's 2025 SCP language) or "legacy" (before Sept 2025: no Condition or
  // NotAction in Allow, no NotResource...). limits.scp_syntax
  std::string scp_syntax = "current";

  // Suppressions from the configuration, in addition to those written in the sources.
  std::vector<ConfiguredSuppression> suppressions;
  // Report suppressions that matched no finding, as findings of the rule `unused-suppression`.
  bool report_unused_suppressions = false;
  // The date suppression expiry is judged against, "YYYY-MM-DD"; empty: today (UTC).
  std::string today;
  ProgressCallback progress;  // empty: no progress reports
};

}  // namespace iacscan
