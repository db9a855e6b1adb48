// What the reports of findings share: which findings a report for people shows (active and
// review findings) and which it only counts (suppressed, unchanged from the baseline, fixed since
// it), the counts their summaries give, rules by id, and the wording of a lapsed suppression.
// JSON and SARIF list every finding and state the same facts as fields.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/scan_result.hpp"

namespace iacscan::detail {

// Where a finding belongs in a report. A partition: a suppressed finding is never held against
// the scan whatever the baseline says, and a finding already in the baseline is old news even
// when undecided.
enum class Disposition {
  active,      // ScanResult::is_active: a new, unsuppressed failure
  review,      // an undecided check (--unknowns=report), new and unsuppressed
  suppressed,  // an inline, Metadata or configuration suppression applies
  unchanged,   // the baseline has it already
};
Disposition disposition_of(const Finding& finding) noexcept;

// Severities from most to least serious: the order of every summary and table.
inline constexpr std::array<Severity, 5> kSeveritiesDescending = {
    Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info};

struct FindingCounts {
  std::array<std::size_t, 5> active_by_severity{};  // indexed by Severity
  std::size_t active = 0;
  std::size_t review = 0;
  std::size_t suppressed = 0;
  std::size_t unchanged = 0;
  std::size_t absent = 0;  // ScanResult::absent_findings: fixed since the baseline

  std::size_t active_of(Severity severity) const noexcept {
    return active_by_severity[static_cast<std::size_t>(severity)];
  }
};
FindingCounts count_findings(const ScanResult& result);

// "1 critical, 2 high": the severities of active findings that occur, most serious first.
std::string severity_breakdown(const FindingCounts& counts);

// "1 file", "3 files".
std::string plural(std::size_t count, std::string_view noun);

// Distinct paths with an error-level diagnostic: the files the scan is missing.
std::size_t unparsed_file_count(const ScanResult& result);

// "path:line:col", "path:line" or "path", whatever the location knows. Not escaped.
std::string position_text(const Location& location);

// "suppression at main.tf:11 (comment, until 2020-01-31): legacy bucket" — what a finding whose
// suppression lapsed says about it. Not escaped.
std::string describe_lapsed(const Suppression& suppression);

// The findings a report for people lists, in the result's order (path, line, column, rule).
std::vector<const Finding*> findings_with(const ScanResult& result, Disposition disposition);

// Rules by id, for the title, remediation and documentation link a finding shows. A finding of
// a rule the result does not list (a hand-built result) gets nullptr.
class RuleIndex {
 public:
  explicit RuleIndex(const std::vector<RuleInfo>& rules);
  const RuleInfo* find(std::string_view id) const;

 private:
  std::map<std::string_view, const RuleInfo*, std::less<>> by_id_;
};

}  // namespace iacscan::detail
