// ScanResult: what a scan found, sorted deterministically (path, line, column, rule). A
// self-contained value returned by Scanner::scan: it owns every finding, diagnostic and rule
// description, may outlive its Scanner, and is what the reports, build_roadmap and the
// baseline functions read. Reading one const ScanResult from several threads is safe;
// apply_baseline changes it and must not run concurrently with readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/export.hpp"
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

// A rule judged as a roadmap control over the whole scanned set (ScanOptions::assess_controls).
enum class ControlStatus {
  met,                  // account rule: the control is defined; resource rule: resources of its
                        // kinds exist and none fails it
  missing,              // account rule: not defined (or defined wrongly); resource rule: some
                        // resource fails it
  not_applicable,       // resource rule: the scanned set has nothing the rule judges
  needs_configuration,  // org-config rule: the configuration lacks the facts it needs
  undecided,            // a decisive value is unknown (an unresolved variable)
  not_run,              // account rule while ScanOptions::account_rules is off, or disabled
};
// "met", "missing", "not-applicable", "needs-configuration", "undecided", "not-run".
IACSCAN_API std::string_view to_string(ControlStatus status) noexcept;

struct ControlAssessment {
  std::string rule_id;
  ControlStatus status = ControlStatus::not_run;
  // The resources that prove the status, sorted: for met, those that define the control (or
  // were judged and passed); for missing, the findings' locations or the near misses (a trail
  // that exists but is single-region). Empty when nothing in the scan bears on it.
  std::vector<Location> evidence;
  // needs_configuration: the configuration keys that would enable the rule
  // ("organization.security_account").
  std::vector<std::string> missing_config;
  std::string detail;  // one line: why missing or undecided, when the rule says
};

struct ScanResult {
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;  // files that could not be read or parsed
  std::vector<RuleInfo> rules;          // every rule that ran, sorted by id
  std::size_t files_scanned = 0;        // IaC files loaded (parsed or attempted)
  // One per loaded rule, sorted by rule id; filled only when ScanOptions::assess_controls is set.
  std::vector<ControlAssessment> controls;
  ScanStatistics statistics;
  // Findings of the baseline given to apply_baseline that this scan no longer produces
  // (baseline_state absent), sorted like findings. They carry what the baseline recorded:
  // rule, severity, message, resource, attribute, location (without excerpt) and fingerprint.
  std::vector<Finding> absent_findings;

  // Whether a finding is held against the scan: a failure, not suppressed, not already in the
  // baseline (and not an absent one, which is gone). Only these decide the exit code; reports for
  // people list only these.
  static bool is_active(const Finding& f) noexcept {
    return f.kind == FindingKind::fail && !f.suppressed() &&
           f.baseline_state != BaselineState::unchanged &&
           f.baseline_state != BaselineState::absent;
  }

  // Whether an active finding reaches `threshold`: what makes `iacscan scan --fail-on` exit 1
  // (and the C API's iacscan_result_exit_code return 1).
  bool fails(Severity threshold) const noexcept {
    for (const Finding& f : findings) {
      if (is_active(f) && f.severity >= threshold) return true;
    }
    return false;
  }

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
