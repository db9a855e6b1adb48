#include "report/report_common.hpp"

#include <set>

namespace iacscan::detail {

Disposition disposition_of(const Finding& finding) noexcept {
  if (finding.suppressed()) return Disposition::suppressed;
  if (finding.baseline_state == BaselineState::unchanged) return Disposition::unchanged;
  if (finding.kind == FindingKind::review) return Disposition::review;
  return Disposition::active;
}

FindingCounts count_findings(const ScanResult& result) {
  FindingCounts counts;
  for (const Finding& finding : result.findings) {
    switch (disposition_of(finding)) {
      case Disposition::active:
        ++counts.active;
        ++counts.active_by_severity[static_cast<std::size_t>(finding.severity)];
        break;
      case Disposition::review:
        ++counts.review;
        break;
      case Disposition::suppressed:
        ++counts.suppressed;
        break;
      case Disposition::unchanged:
        ++counts.unchanged;
        break;
    }
  }
  counts.absent = result.absent_findings.size();
  return counts;
}

std::string severity_breakdown(const FindingCounts& counts) {
  std::string out;
  for (Severity severity : kSeveritiesDescending) {
    const std::size_t count = counts.active_of(severity);
    if (count == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(count) + " " + std::string(to_string(severity));
  }
  return out;
}

std::string plural(std::size_t count, std::string_view noun) {
  std::string out = std::to_string(count) + " " + std::string(noun);
  if (count != 1) out += 's';
  return out;
}

std::size_t unparsed_file_count(const ScanResult& result) {
  std::set<std::string_view> paths;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.level == DiagnosticLevel::error) paths.insert(diagnostic.location.path);
  }
  return paths.size();
}

std::string position_text(const Location& location) {
  std::string out = location.path;
  if (!location.has_position()) return out;
  out += ":" + std::to_string(location.start_line);
  if (location.start_column != 0) out += ":" + std::to_string(location.start_column);
  return out;
}

std::string describe_lapsed(const Suppression& suppression) {
  std::string where = suppression.location.path;
  if (suppression.location.has_position()) {
    where += ":" + std::to_string(suppression.location.start_line);
  }
  std::string details = suppression.origin;
  if (!suppression.expires.empty()) {
    details += (details.empty() ? "until " : ", until ") + suppression.expires;
  }
  std::string out = "suppression at " + where;
  if (!details.empty()) out += " (" + details + ")";
  out += suppression.justification.empty() ? std::string(", no reason given")
                                           : ": " + suppression.justification;
  return out;
}

std::vector<const Finding*> findings_with(const ScanResult& result, Disposition disposition) {
  std::vector<const Finding*> out;
  for (const Finding& finding : result.findings) {
    if (disposition_of(finding) == disposition) out.push_back(&finding);
  }
  return out;
}

RuleIndex::RuleIndex(const std::vector<RuleInfo>& rules) {
  for (const RuleInfo& rule : rules) by_id_.emplace(rule.id, &rule);
}

const RuleInfo* RuleIndex::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

}  // namespace iacscan::detail
