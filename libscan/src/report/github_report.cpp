// GitHub Actions report: one workflow command per active finding,
//   ::error file=PATH,line=L,endLine=E,col=C,endColumn=EC,title=RULE TITLE::message
// error for critical and high, warning for medium, notice for low and info, and notice for an
// undecided check; one per diagnostic (error, warning or notice by its level). GitHub shows only
// the first few annotations of each kind per step, so the most serious come first. Suppressed
// findings and those the baseline already has produce nothing. A last plain line sums up for
// the log. Columns are sent only for a range on one line, which is all GitHub accepts.
#include "report/github_report.hpp"

#include <algorithm>
#include <vector>

#include "report/report_common.hpp"
#include "report/roadmap_common.hpp"
#include "report/sarif_report.hpp"
#include "report/sarif_result.hpp"

namespace iacscan::detail {

namespace {

std::string workflow_escape(std::string_view text, bool property) {
  std::string out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find_first_of("\r\n", begin);
    // Other controls would reach the log viewer, which acts on escape sequences: shown escaped.
    for (char c : printable(text.substr(begin, end - begin))) {
      if (c == '%') {
        out += "%25";
      } else if (property && c == ':') {
        out += "%3A";
      } else if (property && c == ',') {
        out += "%2C";
      } else {
        out += c;
      }
    }
    if (end == std::string_view::npos) break;
    out += text[end] == '\n' ? "%0A" : "%0D";
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::string workflow_data(std::string_view text) {
  return workflow_escape(text, false);
}

std::string workflow_property(std::string_view text) {
  return workflow_escape(text, true);
}

namespace {

// The SARIF level of the severity (one place decides which severities are errors), in GitHub's
// spelling: "note" is "notice" there.
std::string_view command_for(Severity severity) {
  const std::string_view level = sarif_level(severity);
  return level == "note" ? "notice" : level;
}

std::string_view command_for(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::error:
      return "error";
    case DiagnosticLevel::warning:
      return "warning";
    case DiagnosticLevel::note:
      return "notice";
  }
  return "notice";
}

// "file=a.tf,line=3,endLine=3,col=5,endColumn=9": what the location knows. GitHub takes columns
// only when the annotation starts and ends on the same line.
std::string place_properties(const Location& location) {
  std::string out = "file=" + workflow_property(location.path);
  if (!location.has_position()) return out;
  const std::uint32_t end_line = std::max(location.end_line, location.start_line);
  out += ",line=" + std::to_string(location.start_line);
  out += ",endLine=" + std::to_string(end_line);
  if (end_line == location.start_line && location.start_column != 0) {
    out += ",col=" + std::to_string(location.start_column);
    out += ",endColumn=" + std::to_string(std::max(location.end_column, location.start_column));
  }
  return out;
}

std::string command(std::string_view name, const std::string& properties,
                    const std::string& message) {
  return "::" + std::string(name) + " " + properties + "::" + workflow_data(message) + "\n";
}

// The message, why it still counts when a suppression lapsed, and how to fix it: an annotation
// shows several lines.
std::string finding_message(const Finding& finding, const RuleInfo* rule) {
  std::string message = finding.message;
  for (const Suppression& lapsed : finding.expired_suppressions) {
    message += "\nExpired " + describe_lapsed(lapsed);
  }
  if (rule != nullptr && !rule->remediation.empty()) message += "\n\nFix: " + rule->remediation;
  message += "\nRule: " + finding.rule_id;
  if (rule != nullptr && has_rule_page(*rule)) message += " (" + rule_help_uri(rule->id) + ")";
  return message;
}

std::string finding_command(const Finding& finding, const RuleInfo* rule) {
  const bool review = finding.kind == FindingKind::review;
  std::string title = rule != nullptr && !rule->title.empty() ? rule->title : finding.rule_id;
  if (review) title = "Undecided: " + title;
  const std::string properties =
      place_properties(finding.location) + ",title=" + workflow_property(title);
  return command(review ? "notice" : command_for(finding.severity), properties,
                 finding_message(finding, rule));
}

std::string summary_line(const ScanResult& result) {
  const FindingCounts counts = count_findings(result);
  std::string out = "iacscan: ";
  out += counts.active == 0
             ? std::string("no findings")
             : plural(counts.active, "finding") + " (" + severity_breakdown(counts) + ")";
  out += " in " + plural(result.files_scanned, "file");
  if (counts.review > 0) out += ", " + plural(counts.review, "undecided check");
  if (counts.suppressed > 0) out += ", " + std::to_string(counts.suppressed) + " suppressed";
  if (counts.unchanged > 0) {
    out += ", " + std::to_string(counts.unchanged) + " unchanged from the baseline";
  }
  if (counts.absent > 0) out += ", " + std::to_string(counts.absent) + " fixed since the baseline";
  const std::size_t unparsed = unparsed_file_count(result);
  if (unparsed > 0) out += ", " + plural(unparsed, "file") + " could not be parsed";
  return out + "\n";
}

}  // namespace

std::string render_github_report(const ScanResult& result, const ReportOptions& /*options*/) {
  const RuleIndex rules(result.rules);
  std::vector<const Finding*> shown = findings_with(result, Disposition::active);
  std::stable_sort(shown.begin(), shown.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  for (const Finding* review : findings_with(result, Disposition::review)) shown.push_back(review);

  std::string out;
  for (const Finding* finding : shown) {
    out += finding_command(*finding, rules.find(finding->rule_id));
  }
  for (const Diagnostic& diagnostic : result.diagnostics) {
    const std::string properties =
        place_properties(diagnostic.location) +
        ",title=" + workflow_property("iacscan " + std::string(to_string(diagnostic.code)));
    out += command(command_for(diagnostic.level), properties, diagnostic.message);
  }
  return out + summary_line(result);
}

}  // namespace iacscan::detail
