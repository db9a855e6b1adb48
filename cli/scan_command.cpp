// `iacscan scan`: scan, compare with a baseline, render every requested report, choose the exit
// code.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/baseline.hpp"
#include "iacscan/changed_files.hpp"
#include "iacscan/report.hpp"
#include "output.hpp"

namespace iacscan::cli {
namespace {

// 3 wins over 1: with files unread, "no findings" is not an answer, and findings may be
// missing. --soft-fail only forgives findings.
int exit_code_for(const ScanResult& result, Severity threshold, bool soft_fail) {
  if (!result.complete()) return kExitIncomplete;
  if (soft_fail) return kExitClean;
  return result.fails(threshold) ? kExitFindings : kExitClean;
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

bool compare_with_baseline(const std::string& path, ScanResult& result) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "iacscan: cannot read the baseline " << path << "\n";
    return false;
  }
  auto applied = apply_baseline(result, text.str());
  if (!applied) {
    std::cerr << "iacscan: " << path << ": " << applied.error().message << "\n";
    return false;
  }
  return true;
}

// The --format report (stdout or -o FILE), then every -o FORMAT=FILE.
bool write_reports(const ScanResult& result, const RawArgs& args) {
  ReportOptions plain;
  ReportOptions main_options;
  main_options.color = use_color(args);
  const ReportFormat format = parse_report_format(args.format).value_or(ReportFormat::text);
  bool ok = write_report(args, render_report(result, format, main_options));
  for (const std::string& spec : args.extra_outputs) {  // checked FORMAT=FILE
    const std::size_t equals = spec.find('=');
    const auto extra = parse_report_format(spec.substr(0, equals));
    if (!extra) continue;
    ok = write_file(spec.substr(equals + 1), render_report(result, *extra, plain)) && ok;
  }
  return ok;
}

void print_summary(const ScanResult& result, const RawArgs& args) {
  std::size_t active = 0;
  for (const Finding& f : result.findings) active += ScanResult::is_active(f) ? 1 : 0;
  std::cerr << "iacscan: " << active << " findings in " << result.files_scanned << " files";
  if (!result.complete()) {
    const auto problems =
        std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.level == DiagnosticLevel::error; });
    std::cerr << ", " << problems << " files could not be read or parsed";
  }
  std::cerr << "; reports written to";
  if (!args.output.empty()) std::cerr << " " << args.output;
  for (const std::string& spec : args.extra_outputs)
    std::cerr << " " << spec.substr(spec.find('=') + 1);
  std::cerr << "\n";
}

}  // namespace

int run_scan(const Scanner& scanner, const ScanOptions& options, const RawArgs& args) {
  auto result = args.changed ? scan_changed_files(scanner, args.paths, options.exclude)
                             : scanner.scan(args.paths);
  if (!result) {
    std::cerr << "iacscan: " << result.error().message << "\n";
    return kExitError;
  }
  if (args.profile_rules) print_profile(*result);
  if (!args.write_baseline.empty() && !write_file(args.write_baseline, render_baseline(*result)))
    return kExitError;
  if (!args.baseline.empty() && !compare_with_baseline(args.baseline, *result)) return kExitError;
  if (!write_reports(*result, args)) return kExitError;
  // With the report on stdout the summary is in it; with files only, say where they went.
  if (!args.output.empty() || (!args.extra_outputs.empty() && args.format != "text"))
    print_summary(*result, args);
  return exit_code_for(*result, parse_severity(args.fail_on).value_or(Severity::low),
                       args.soft_fail);
}

}  // namespace iacscan::cli
