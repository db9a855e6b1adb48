// Flag definitions (CLI11). Exit code 2 for usage errors, as documented in the README.
#include "flags.hpp"

#include <CLI/CLI.hpp>

#include "exit_codes.hpp"

namespace iacscan::cli {
namespace {

// --parameter values need a key before the first '='; the value may be empty or hold '='.
std::string check_parameter(const std::string& text) {
  const std::size_t equals = text.find('=');
  return equals == std::string::npos || equals == 0 ? "expected KEY=VALUE, got \"" + text + "\""
                                                    : std::string{};
}

void add_scan_flags(CLI::App& scan, RawArgs& args) {
  scan.add_option("paths", args.paths, "Files and directories to scan")->required();
  scan.add_option("-f,--format", args.format, "Report format")
      ->check(CLI::IsMember({"text", "sarif"}))
      ->capture_default_str();
  scan.add_option("-o,--output", args.output, "Write the report to FILE instead of stdout");
  scan.add_option("-j,--jobs", args.jobs, "Worker threads (0: one per hardware thread)")
      ->capture_default_str();
  scan.add_option("--fail-on", args.fail_on, "Exit 1 only for findings at or above this severity")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
      ->capture_default_str();
  scan.add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  scan.add_flag("--no-builtin-policies", args.no_builtin_policies,
                "Load only the --policy-dir rules");
  scan.add_flag("--no-color", args.no_color, "Never colour the text report (also: NO_COLOR)");
  scan.add_option("--max-file-size", args.max_file_bytes,
                  "Refuse files larger than this many bytes (suffixes k, m: 512k, 20m)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  scan.add_option("--parameter", args.parameters,
                  "CloudFormation parameter value KEY=VALUE, also for pseudo parameters "
                  "(AWS::Region=eu-west-1); repeatable, wins over --parameters-file")
      ->check(CLI::Validator(check_parameter, "KEY=VALUE"))
      ->allow_extra_args(false);
  scan.add_option("--parameters-file", args.parameter_files,
                  "CloudFormation parameter values from FILE: [{\"ParameterKey\": ..., "
                  "\"ParameterValue\": ...}] or {\"Parameters\": {...}} (repeatable)")
      ->allow_extra_args(false);
  scan.add_option("--var", args.terraform_variables,
                  "Terraform input variable NAME=VALUE, as terraform plan -var takes it; "
                  "repeatable, wins over every variable file")
      ->check(CLI::Validator(check_parameter, "NAME=VALUE"))
      ->allow_extra_args(false);
  scan.add_option("--var-file", args.terraform_variable_files,
                  "Terraform variable values from a .tfvars or .tfvars.json FILE, applied to "
                  "every root module after its own terraform.tfvars and *.auto.tfvars "
                  "(repeatable; a later file wins)")
      ->allow_extra_args(false);
  scan.add_option(
          "--policy-type", args.policy_types,
          "Type of the standalone policy files matching GLOB: GLOB=TYPE with TYPE one "
          "of scp, rcp, identity, resource, endpoint, trust, ai-opt-out (\"org/scps/**=scp\"); "
          "repeatable, the first match wins over every other clue")
      ->check(CLI::Validator(check_parameter, "GLOB=TYPE"))
      ->allow_extra_args(false);
  scan.add_option("--unknowns", args.unknowns,
                  "What to do when a rule cannot decide because a decisive value is unknown "
                  "(an unresolved variable or parameter): ignore it, or report it as a finding "
                  "of kind review that says which value and why (never fails the scan)")
      ->check(CLI::IsMember({"ignore", "report"}))
      ->capture_default_str();
  scan.add_flag("--profile-rules", args.profile_rules,
                "Print the time spent per rule and per scan phase to stderr");
  scan.add_option("--max-instances", args.terraform_max_instances,
                  "Largest count or for_each expanded; beyond it the resource is evaluated as "
                  "one unknown instance")
      ->capture_default_str();
}

}  // namespace

ParseOutcome parse_args(int argc, char** argv) {
  RawArgs args;
  CLI::App app{"iacscan: find AWS security gaps in CloudFormation, Terraform and IAM policies",
               "iacscan"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(IACSCAN_CLI_VERSION));
  CLI::App* scan = app.add_subcommand("scan", "Scan files and directories and report findings");
  add_scan_flags(*scan, args);
  CLI::App* rules = app.add_subcommand("rules", "List the loaded rules");
  rules->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  CLI::App* explain = app.add_subcommand("explain", "Explain one rule, with its examples");
  explain->add_option("id", args.rule_id, "Rule id, e.g. s3-bucket-public-acl")->required();
  explain->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  CLI::App* docs =
      app.add_subcommand("docs", "Write a Markdown page per rule and an index (README.md)");
  docs->add_option("--out", args.docs_dir, "Directory to write the pages to")->required();
  docs->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  docs->add_flag("--no-builtin-policies", args.no_builtin_policies,
                 "Document only the --policy-dir rules");
  app.add_subcommand("version", "Print the version");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return {std::nullopt, code == 0 ? kExitClean : kExitError};
  }
  if (rules->parsed()) args.command = Command::rules;
  if (explain->parsed()) args.command = Command::explain;
  if (docs->parsed()) args.command = Command::docs;
  if (app.got_subcommand("version")) args.command = Command::version;
  return {std::move(args), 0};
}

}  // namespace iacscan::cli
