// ScanOptions: everything that changes what a scan reads and reports.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace iacscan {

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
};

}  // namespace iacscan
