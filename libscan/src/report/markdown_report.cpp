// Markdown report, written to be posted as a pull-request comment: a headline with the active
// findings by severity, a table of them (most serious first, capped so a comment stays within
// GitHub's size limit), and collapsed sections for what needs no action now: undecided checks,
// suppressed findings, findings the baseline already has, baseline findings now fixed, and
// diagnostics. Everything taken from the scanned files (messages, paths, reasons) is escaped so
// that a file name or a message cannot inject Markdown, HTML or mentions into the comment.
#include "report/markdown_report.hpp"

#include <algorithm>
#include <functional>

#include "iacscan/version.hpp"
#include "report/report_common.hpp"
#include "report/roadmap_common.hpp"
#include "report/sarif_report.hpp"

namespace iacscan::detail {

std::string markdown_text(std::string_view raw) {
  // CommonMark lets any ASCII punctuation be backslash-escaped. A table cell holds inline
  // content only, so these are the characters that matter: emphasis, code, links, images,
  // HTML, entities, strikethrough, table cells, GitHub's math ($) and mentions and references.
  static constexpr std::string_view kSpecial = "\\`*_[]<>|~&!$@#";
  std::string one_line(raw);
  for (char& c : one_line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string out;
  bool in_space = false;
  for (char c : printable(one_line)) {
    if (c == ' ') {
      if (!in_space && !out.empty()) out += ' ';
      in_space = true;
      continue;
    }
    in_space = false;
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string markdown_code(std::string_view raw) {
  const std::string content = printable(raw);
  std::size_t longest = 0;
  std::size_t run = 0;
  std::string body;
  for (char c : content) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|') body += '\\';
    body += c;
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick needs a space inside the fence, which Markdown
  // strips again.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

namespace {

// Rows shown per table; the rest are counted. GitHub refuses comments over 65536 characters.
constexpr std::size_t kMaxRows = 100;

std::string rule_cell(std::string_view rule_id, const RuleInfo* rule) {
  const std::string id = markdown_code(rule_id);
  // Our own https URI, without spaces or parentheses: it needs no escaping.
  if (rule == nullptr || !has_rule_page(*rule)) return id;
  return "[" + id + "](" + rule_help_uri(rule->id) + ")";
}

std::string location_cell(const Location& location) {
  return markdown_code(position_text(location));
}

std::string message_cell(const Finding& finding) {
  std::string cell = markdown_text(finding.message);
  for (const Suppression& lapsed : finding.expired_suppressions) {
    cell += "<br>**Expired** " + markdown_text(describe_lapsed(lapsed));
  }
  return cell;
}

std::string justification_cell(const Finding& finding) {
  std::string cell;
  for (const Suppression& suppression : finding.suppressions) {
    if (!cell.empty()) cell += "<br>";
    cell += suppression.justification.empty() ? "*no reason given*"
                                              : markdown_text(suppression.justification);
  }
  return cell;
}

std::string suppressed_by_cell(const Finding& finding) {
  std::string cell;
  for (const Suppression& suppression : finding.suppressions) {
    if (!cell.empty()) cell += "<br>";
    cell += markdown_text(suppression.origin) + " at " + location_cell(suppression.location);
  }
  return cell;
}

// A table of up to kMaxRows rows, then "…and N more".
template <typename Item>
void append_table(std::string& out, std::string_view header, const std::vector<Item>& items,
                  const std::function<std::string(const Item&)>& row) {
  out += header;
  const std::size_t columns =
      static_cast<std::size_t>(std::count(header.begin(), header.end(), '|')) - 1;
  out += "|";
  for (std::size_t i = 0; i < columns; ++i) out += "---|";
  out += "\n";
  const std::size_t shown = std::min(items.size(), kMaxRows);
  for (std::size_t i = 0; i < shown; ++i) out += row(items[i]) + "\n";
  if (items.size() > shown) {
    out += "\n…and " + std::to_string(items.size() - shown) +
           " more (the `text`, `json` or `sarif` report lists every one).\n";
  }
}

void open_details(std::string& out, const std::string& summary) {
  out += "\n<details>\n<summary>" + summary + "</summary>\n\n";
}

void close_details(std::string& out) {
  out += "\n</details>\n";
}

std::string headline(const FindingCounts& counts) {
  if (counts.active == 0) return "## iacscan: no findings\n";
  return "## iacscan: " + plural(counts.active, "finding") + " (" + severity_breakdown(counts) +
         ")\n";
}

// Most serious first, so that a capped table keeps what matters; the result's order (path, line,
// rule) within a severity.
std::vector<const Finding*> by_severity(std::vector<const Finding*> findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  return findings;
}

void append_findings_table(std::string& out, const std::vector<const Finding*>& findings,
                           const RuleIndex& rules) {
  append_table<const Finding*>(out, "| Severity | Rule | Location | Message |\n", findings,
                               [&rules](const Finding* const& finding) {
                                 return "| " + std::string(to_string(finding->severity)) + " | " +
                                        rule_cell(finding->rule_id, rules.find(finding->rule_id)) +
                                        " | " + location_cell(finding->location) + " | " +
                                        message_cell(*finding) + " |";
                               });
}

void append_suppressed(std::string& out, const std::vector<const Finding*>& findings,
                       const RuleIndex& rules) {
  if (findings.empty()) return;
  open_details(out, plural(findings.size(), "suppressed finding"));
  append_table<const Finding*>(out, "| Severity | Rule | Location | Suppressed by | Reason |\n",
                               findings, [&rules](const Finding* const& finding) {
                                 return "| " + std::string(to_string(finding->severity)) + " | " +
                                        rule_cell(finding->rule_id, rules.find(finding->rule_id)) +
                                        " | " + location_cell(finding->location) + " | " +
                                        suppressed_by_cell(*finding) + " | " +
                                        justification_cell(*finding) + " |";
                               });
  close_details(out);
}

void append_diagnostics(std::string& out, const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return;
  open_details(out, plural(diagnostics.size(), "diagnostic"));
  append_table<Diagnostic>(
      out, "| Level | Code | Location | Message |\n", diagnostics,
      [](const Diagnostic& diagnostic) {
        const std::string_view level = diagnostic.level == DiagnosticLevel::error     ? "error"
                                       : diagnostic.level == DiagnosticLevel::warning ? "warning"
                                                                                      : "note";
        return "| " + std::string(level) + " | " + markdown_code(to_string(diagnostic.code)) +
               " | " + location_cell(diagnostic.location) + " | " +
               markdown_text(diagnostic.message) + " |";
      });
  close_details(out);
}

}  // namespace

std::string render_markdown_report(const ScanResult& result, const ReportOptions& options) {
  const RuleIndex rules(result.rules);
  const FindingCounts counts = count_findings(result);
  std::string out = headline(counts) + "\n";

  const std::size_t unparsed = unparsed_file_count(result);
  if (unparsed > 0) {
    out += "> [!WARNING]\n> " + plural(unparsed, "file") +
           " could not be parsed, so the findings may be incomplete (see the diagnostics "
           "below).\n\n";
  }
  const std::vector<const Finding*> active =
      by_severity(findings_with(result, Disposition::active));
  if (!active.empty()) append_findings_table(out, active, rules);

  const std::vector<const Finding*> review = findings_with(result, Disposition::review);
  if (!review.empty()) {
    open_details(out, plural(review.size(), "undecided check") + " to review");
    append_findings_table(out, review, rules);
    close_details(out);
  }
  append_suppressed(out, findings_with(result, Disposition::suppressed), rules);
  const std::vector<const Finding*> unchanged =
      by_severity(findings_with(result, Disposition::unchanged));
  if (!unchanged.empty()) {
    open_details(out, plural(unchanged.size(), "finding") + " unchanged from the baseline");
    append_findings_table(out, unchanged, rules);
    close_details(out);
  }
  if (!result.absent_findings.empty()) {
    std::vector<const Finding*> absent;
    for (const Finding& finding : result.absent_findings) absent.push_back(&finding);
    open_details(out, plural(absent.size(), "finding") + " fixed since the baseline");
    append_findings_table(out, by_severity(std::move(absent)), rules);
    close_details(out);
  }
  append_diagnostics(out, result.diagnostics);

  const std::string tool_version =
      options.tool_version.empty() ? std::string(version()) : options.tool_version;
  out += "\n<sub>" + plural(result.files_scanned, "file") + " scanned by iacscan " +
         markdown_text(tool_version) + "</sub>\n";
  return out;
}

}  // namespace iacscan::detail
