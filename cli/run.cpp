// Command execution: build ScanOptions, scan, render, write, choose the exit code.
#include "run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
  options.report_unknowns = args.unknowns == "report";
  options.profile_rules = args.profile_rules;
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
    if (f.kind == FindingKind::fail && f.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

// --profile-rules: where the time went, slowest rules first, on stderr so reports stay clean.
void print_profile(const ScanResult& result) {
  const ScanStatistics& s = result.statistics;
  std::fprintf(stderr, "phase      seconds\ndiscover   %8.4f\nload       %8.4f\n",
               s.discover_seconds, s.load_seconds);
  std::fprintf(stderr, "graph      %8.4f\nrules      %8.4f   (%zu resources)\n\n", s.graph_seconds,
               s.rules_seconds, s.resources);
  std::vector<ScanStatistics::RuleTime> rules = s.rule_seconds;
  std::stable_sort(rules.begin(), rules.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  std::fprintf(stderr, "rule seconds (summed over threads)\n");
  for (const auto& rule : rules)
    std::fprintf(stderr, "%10.6f  %s\n", rule.seconds, rule.rule_id.c_str());
}

int run_scan(const Scanner& scanner, const RawArgs& args) {
  auto result = scanner.scan(args.paths);
  if (!result) {
    std::cerr << "iacscan: " << result.error().message << "\n";
    return kExitError;
  }
  if (args.profile_rules) print_profile(*result);
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

const RuleInfo* find_rule(const Scanner& scanner, const std::string& id) {
  for (const RuleInfo& rule : scanner.rules())
    if (rule.id == id) return &rule;
  return nullptr;
}

int run_explain(const Scanner& scanner, const RawArgs& args) {
  const RuleInfo* rule = find_rule(scanner, args.rule_id);
  if (!rule) {
    std::cerr << "iacscan: no rule \"" << args.rule_id << "\" (iacscan rules lists them)\n";
    return kExitError;
  }
  std::cout << render_rule_text(*rule);
  return kExitClean;
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "iacscan: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

// Pages are rewritten, never merged: the directory holds exactly the loaded rules' pages.
int run_docs(const Scanner& scanner, const RawArgs& args) {
  namespace fs = std::filesystem;
  const fs::path dir(args.docs_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "iacscan: cannot create " << dir.string() << ": " << ec.message() << "\n";
    return kExitError;
  }
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".md") stale.push_back(entry.path());
  for (const fs::path& page : stale) fs::remove(page, ec);
  for (const RuleInfo& rule : scanner.rules()) {
    if (!write_file(dir / (rule.id + ".md"), render_rule_markdown(rule))) return kExitError;
  }
  if (!write_file(dir / "README.md", render_rule_index_markdown(scanner.rules())))
    return kExitError;
  std::cerr << "iacscan: wrote " << scanner.rules().size() << " rule pages and README.md to "
            << dir.string() << "\n";
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
  if (args.command == Command::explain) return run_explain(*scanner, args);
  if (args.command == Command::docs) return run_docs(*scanner, args);
  return run_scan(*scanner, args);
}

}  // namespace iacscan::cli
