// Command execution: build ScanOptions, scan, render, write, choose the exit code.
#include "run.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "exit_codes.hpp"
#include "iacscan/iacscan.hpp"

namespace iacscan::cli {
namespace {

ScanOptions to_options(const RawArgs& args) {
  ScanOptions options;
  options.jobs = args.jobs;
  options.policy_dirs = args.policy_dirs;
  options.no_builtin_policies = args.no_builtin_policies;
  options.max_file_bytes = args.max_file_bytes;
  options.cloudformation_parameter_files = args.parameter_files;
  options.terraform_variable_files = args.terraform_variable_files;
  options.terraform_max_instances = args.terraform_max_instances;
  for (const std::string& variable : args.terraform_variables) {  // checked NAME=VALUE
    const std::size_t equals = variable.find('=');
    options.terraform_variables[variable.substr(0, equals)] = variable.substr(equals + 1);
  }
  for (const std::string& entry : args.policy_types) {  // checked GLOB=TYPE
    // A type never holds '=', a glob might.
    const std::size_t equals = entry.rfind('=');
    options.policy_types.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
  }
  for (const std::string& parameter : args.parameters) {  // the parser checked KEY=VALUE
    const std::size_t equals = parameter.find('=');
    options.cloudformation_parameters[parameter.substr(0, equals)] = parameter.substr(equals + 1);
  }
  return options;
}

bool use_color(const RawArgs& args) {
  if (args.no_color || !args.output.empty() || args.format != "text") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool write_report(const RawArgs& args, const std::string& report) {
  if (args.output.empty()) {
    std::cout << report << std::flush;
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  out << report;
  out.close();
  if (!out) {
    std::cerr << "iacscan: cannot write " << args.output << "\n";
    return false;
  }
  return true;
}

int exit_code_for(const ScanResult& result, Severity threshold) {
  if (!result.complete()) return kExitIncomplete;
  for (const Finding& f : result.findings) {
    if (f.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

int run_scan(const Scanner& scanner, const RawArgs& args) {
  auto result = scanner.scan(args.paths);
  if (!result) {
    std::cerr << "iacscan: " << result.error().message << "\n";
    return kExitError;
  }
  ReportOptions report_options;
  report_options.color = use_color(args);
  const ReportFormat format = parse_report_format(args.format).value_or(ReportFormat::text);
  if (!write_report(args, render_report(*result, format, report_options))) return kExitError;
  if (!args.output.empty()) {
    std::cerr << "iacscan: " << result->findings.size() << " findings in " << result->files_scanned
              << " files";
    if (!result->complete())
      std::cerr << ", " << result->diagnostics.size() << " problems reading files";
    std::cerr << "; report written to " << args.output << "\n";
  }
  return exit_code_for(*result, parse_severity(args.fail_on).value_or(Severity::low));
}

int run_rules(const Scanner& scanner) {
  // One line per rule, tab-separated: id, severity, stage, category, formats, title.
  for (const RuleInfo& rule : scanner.rules()) {
    std::string formats;
    for (const std::string& format : rule.formats) formats += (formats.empty() ? "" : ",") + format;
    std::cout << rule.id << "\t" << to_string(rule.severity) << "\tstage " << rule.stage << "\t"
              << rule.category << "\t" << (formats.empty() ? "-" : formats) << "\t" << rule.title
              << "\n";
  }
  return kExitClean;
}

}  // namespace

int run(const RawArgs& args) {
  if (args.command == Command::version) {
    std::cout << "iacscan " << version() << "\n";
    return kExitClean;
  }
  auto scanner = Scanner::create(to_options(args));
  if (!scanner) {
    std::cerr << "iacscan: " << scanner.error().message << "\n";
    return kExitError;
  }
  if (args.command == Command::rules) return run_rules(*scanner);
  return run_scan(*scanner, args);
}

}  // namespace iacscan::cli
