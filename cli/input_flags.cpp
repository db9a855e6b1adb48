// Flag definitions shared by subcommands (CLI11). Values are only checked for shape here; the
// library judges files and rules.
#include "input_flags.hpp"

namespace iacscan::cli {
namespace {

// --parameter values need a key before the first '='; the value may be empty or hold '='.
std::string check_parameter(const std::string& text) {
  const std::size_t equals = text.find('=');
  return equals == std::string::npos || equals == 0 ? "expected KEY=VALUE, got \"" + text + "\""
                                                    : std::string{};
}

}  // namespace

void add_config_flags(CLI::App& command, RawArgs& args) {
  CLI::Option* config =
      command
          .add_option("--config", args.config,
                      "Read the configuration from FILE instead of the .iacscan.yaml found "
                      "by walking up from the (first) scanned path to the repository's top")
          ->type_name("FILE");
  command.add_flag("--no-config", args.no_config, "Ignore every configuration file")
      ->excludes(config);
  command.add_flag("-v,--verbose", args.verbose, "Say on stderr which configuration file is used");
}

void add_source_flags(CLI::App& command, RawArgs& args) {
  command.add_option("paths", args.paths, "Files and directories to scan")->required();
  command.add_option("-o,--output", args.output_specs,
                     "Write the report to FILE instead of stdout; FORMAT=FILE writes another "
                     "report of the same scan in that format (repeatable)");
  command.add_option("-j,--jobs", args.jobs, "Worker threads (0: one per hardware thread)")
      ->capture_default_str();
  command.add_option("--policy-dir", args.policy_dirs,
                     "Also load rules from DIR (repeatable; added to the configuration's "
                     "policy_dirs)");
  command.add_flag("--no-builtin-policies", args.no_builtin_policies,
                   "Load only the --policy-dir rules");
  command.add_flag("--no-color", args.no_color, "Never colour the text report (also: NO_COLOR)");
  command
      .add_option("--max-file-size", args.max_file_bytes,
                  "Refuse files larger than this many bytes (suffixes k, m: 512k, 20m)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  command
      .add_option("--parameter", args.parameters,
                  "CloudFormation parameter value KEY=VALUE, also for pseudo parameters "
                  "(AWS::Region=eu-west-1); repeatable, wins over --parameters-file")
      ->check(CLI::Validator(check_parameter, "KEY=VALUE"))
      ->allow_extra_args(false);
  command
      .add_option("--parameters-file", args.parameter_files,
                  "CloudFormation parameter values from FILE: [{\"ParameterKey\": ..., "
                  "\"ParameterValue\": ...}] or {\"Parameters\": {...}} (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--var", args.terraform_variables,
                  "Terraform input variable NAME=VALUE, as terraform plan -var takes it; "
                  "repeatable, wins over every variable file")
      ->check(CLI::Validator(check_parameter, "NAME=VALUE"))
      ->allow_extra_args(false);
  command
      .add_option("--var-file", args.terraform_variable_files,
                  "Terraform variable values from a .tfvars or .tfvars.json FILE, applied to "
                  "every root module after its own terraform.tfvars and *.auto.tfvars "
                  "(repeatable; a later file wins)")
      ->allow_extra_args(false);
  command
      .add_option(
          "--policy-type", args.policy_types,
          "Type of the standalone policy files matching GLOB: GLOB=TYPE with TYPE one "
          "of scp, rcp, identity, resource, endpoint, trust, ai-opt-out (\"org/scps/**=scp\"); "
          "repeatable, the first match wins over every other clue")
      ->check(CLI::Validator(check_parameter, "GLOB=TYPE"))
      ->allow_extra_args(false);
  command
      .add_option("--max-instances", args.terraform_max_instances,
                  "Largest count or for_each expanded; beyond it the resource is evaluated as "
                  "one unknown instance")
      ->capture_default_str();
  command
      .add_option("--exclude", args.exclude,
                  "Leave out the paths matching GLOB, relative to the scanned directory "
                  "(\"examples/**\", \"*.bak\"); repeatable, added to the configuration's "
                  "exclude")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  add_config_flags(command, args);
}

}  // namespace iacscan::cli
