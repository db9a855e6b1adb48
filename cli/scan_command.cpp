// `iacscan scan`: scan, render, write, choose the exit code.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/report.hpp"
#include "output.hpp"

namespace iacscan::cli {
namespace {

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

}  // namespace

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

}  // namespace iacscan::cli
