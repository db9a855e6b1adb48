// Precedence: defaults < configuration file < flags given on the command line. Single values
// given as flags replace the file's; repeatable flags add to the file's lists and, for named
// values (--var, --parameter), replace the file's value of the same name.
#include "scan_options.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

#include "iacscan/config.hpp"
#include "progress.hpp"

namespace iacscan::cli {
namespace {

std::optional<std::string> config_path(const RawArgs& args) {
  if (args.no_config) return std::nullopt;
  if (!args.config.empty()) return args.config;
  // rules, explain and docs scan nothing: the configuration of the current directory applies.
  return find_config_file(args.paths.empty() ? std::string(".") : args.paths.front());
}

void set_named_values(const std::vector<std::string>& entries,
                      std::map<std::string, std::string>& out) {
  for (const std::string& entry : entries) {  // the parser checked NAME=VALUE
    const std::size_t equals = entry.find('=');
    out[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
}

void append(const std::vector<std::string>& extra, std::vector<std::string>& out) {
  out.insert(out.end(), extra.begin(), extra.end());
}

void apply_flags(const RawArgs& args, ScanOptions& options) {
  options.jobs = args.jobs;
  options.no_builtin_policies = args.no_builtin_policies;
  options.report_unknowns = args.unknowns == "report";
  options.profile_rules = args.profile_rules;
  options.report_unused_suppressions = args.report_unused_suppressions;
  if (args.was_given("--max-file-size")) options.max_file_bytes = args.max_file_bytes;
  if (args.was_given("--max-instances"))
    options.terraform_max_instances = args.terraform_max_instances;
  if (args.was_given("--account-rules")) options.account_rules = args.account_rules;
  for (const std::string& dir : args.policy_dirs) {
    // The same folder twice would define every rule in it twice.
    if (std::find(options.policy_dirs.begin(), options.policy_dirs.end(), dir) ==
        options.policy_dirs.end())
      options.policy_dirs.push_back(dir);
  }
  append(args.parameter_files, options.cloudformation_parameter_files);
  append(args.terraform_variable_files, options.terraform_variable_files);
  append(args.exclude, options.exclude);
  set_named_values(args.terraform_variables, options.terraform_variables);
  set_named_values(args.parameters, options.cloudformation_parameters);
  // The first matching glob wins, so the command line's go first.
  std::vector<std::pair<std::string, std::string>> policy_types;
  for (const std::string& entry : args.policy_types) {  // checked GLOB=TYPE
    const std::size_t equals = entry.rfind('=');        // a type never holds '=', a glob might
    policy_types.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
  }
  policy_types.insert(policy_types.end(), options.policy_types.begin(), options.policy_types.end());
  options.policy_types = std::move(policy_types);
}

}  // namespace

Result<ScanOptions> scan_options_for(const RawArgs& args) {
  ScanOptions options;
  if (const auto path = config_path(args)) {
    if (args.verbose) std::cerr << "iacscan: using configuration " << *path << "\n";
    auto configured = apply_config_file(*path, options);
    if (!configured) return configured.error();
    options = std::move(configured).value();
  } else if (args.verbose) {
    std::cerr << "iacscan: no configuration file\n";
  }
  apply_flags(args, options);
  options.progress = progress_reporter(args);
  if (args.command == Command::explain || args.command == Command::docs) {
    // Documentation describes the rules as they ship, whatever this repository turned off.
    options.rule_settings.clear();
  }
  // Findings about the scanned set as a whole point at no changed file, and a change's few
  // files are no landing zone: judging them as one would only cost time.
  if (args.changed) options.account_rules = false;
  if (args.command == Command::roadmap) {
    options.account_rules = true;
    options.assess_controls = true;
  }
  return options;
}

}  // namespace iacscan::cli
