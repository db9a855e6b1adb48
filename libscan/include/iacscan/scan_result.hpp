// ScanResult: what a scan found, sorted deterministically (path, line, column, rule).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "iacscan/finding.hpp"
#include "iacscan/rule.hpp"

namespace iacscan {

// Where a scan spent its time, for --profile-rules and the benchmark program. Wall-clock
// seconds per phase; per-rule seconds are summed over worker threads. Never part of a report,
// which must be byte-identical between runs.
struct ScanStatistics {
  double discover_seconds = 0;  // walking the given paths
  double load_seconds = 0;      // reading, parsing, evaluating templates and modules
  double graph_seconds = 0;     // kinds, references, folding
  double rules_seconds = 0;     // evaluating the rules
  std::size_t resources = 0;    // resources in the graph
  struct RuleTime {
    std::string rule_id;
    double seconds = 0;
  };
  std::vector<RuleTime> rule_seconds;  // filled only when ScanOptions::profile_rules is set
};

struct ScanResult {
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;  // files that could not be read or parsed
  std::vector<RuleInfo> rules;          // every rule that ran, sorted by id
  std::size_t files_scanned = 0;        // IaC files loaded (parsed or attempted)
  ScanStatistics statistics;

  // False when some file could not be read or parsed (an error-level diagnostic): the
  // findings may be incomplete.
  bool complete() const noexcept {
    for (const Diagnostic& d : diagnostics) {
      if (d.level == DiagnosticLevel::error) return false;
    }
    return true;
  }
};

}  // namespace iacscan
