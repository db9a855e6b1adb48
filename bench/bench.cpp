// iacscan-bench: scans paths end to end through the public API, repeatedly, and prints the
// time split (discover, load, graph, rules, report) of the median run and the throughput.
// Usage: iacscan-bench [--jobs N] [--repeat R] [--rules] PATH...
//   --rules  also print the slowest rules (ScanOptions::profile_rules)
// Measure speed with this program over ../shared/corpus, never with timed tests.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"

namespace {

struct Run {
  double total = 0;
  double report = 0;  // rendering text and SARIF
  iacscan::ScanStatistics statistics;
};

double seconds_between(std::chrono::steady_clock::time_point a,
                       std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

void print_phase(const char* name, double seconds, double total) {
  std::printf("  %-9s %8.3f s  %5.1f%%\n", name, seconds, total > 0 ? 100 * seconds / total : 0);
}

}  // namespace

int main(int argc, char** argv) {
  iacscan::ScanOptions options;
  int repeat = 5;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      options.jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--rules") {
      options.profile_rules = true;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: iacscan-bench [--jobs N] [--repeat R] [--rules] PATH...\n");
    return 2;
  }
  auto scanner = iacscan::Scanner::create(options);
  if (!scanner) {
    std::fprintf(stderr, "%s\n", scanner.error().message.c_str());
    return 2;
  }
  std::vector<Run> runs;
  std::size_t files = 0, findings = 0, diagnostics = 0, report_bytes = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    auto result = scanner->scan(paths);
    const auto scanned = std::chrono::steady_clock::now();
    if (!result) {
      std::fprintf(stderr, "%s\n", result.error().message.c_str());
      return 2;
    }
    report_bytes = iacscan::render_report(*result, iacscan::ReportFormat::text).size() +
                   iacscan::render_report(*result, iacscan::ReportFormat::sarif).size();
    const auto reported = std::chrono::steady_clock::now();
    files = result->files_scanned;
    findings = result->findings.size();
    diagnostics = result->diagnostics.size();
    runs.push_back(Run{seconds_between(start, reported), seconds_between(scanned, reported),
                       result->statistics});
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.total < b.total; });
  const Run& median = runs[runs.size() / 2];
  const iacscan::ScanStatistics& s = median.statistics;
  std::printf("files %zu, resources %zu, findings %zu, diagnostics %zu, jobs %u\n", files,
              s.resources, findings, diagnostics, options.jobs);
  std::printf("median %.3f s over %d runs (min %.3f s): %.0f files/s\n", median.total, repeat,
              runs.front().total, median.total > 0 ? static_cast<double>(files) / median.total : 0);
  std::printf("time split of the median run:\n");
  print_phase("discover", s.discover_seconds, median.total);
  print_phase("load", s.load_seconds, median.total);
  print_phase("graph", s.graph_seconds, median.total);
  print_phase("rules", s.rules_seconds, median.total);
  print_phase("report", median.report, median.total);
  std::printf("  (report: text + SARIF, %zu bytes)\n", report_bytes);
  if (options.profile_rules) {
    std::vector<iacscan::ScanStatistics::RuleTime> rules = s.rule_seconds;
    std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
      return a.seconds > b.seconds || (a.seconds == b.seconds && a.rule_id < b.rule_id);
    });
    std::printf("slowest rules (seconds summed over threads):\n");
    for (std::size_t i = 0; i < rules.size() && i < 15; ++i)
      std::printf("  %9.4f  %s\n", rules[i].seconds, rules[i].rule_id.c_str());
  }
  return 0;
}
