// JUnit XML report. One <testsuite> per rule: rules are what a scan tests, and the result knows
// every rule that ran but not every file that was clean, so only per-rule suites can show what
// passed. A rule without findings is one passing test case, so a CI view counts the checks that
// passed; each finding of a rule is a test case named after its place, classname the rule id
// (Jenkins groups by classname, GitLab by suite; rule ids hold no dots, which Jenkins would read
// as package separators):
//   - active: <failure> (message, type = severity; the body has the place, the rule's title,
//     remediation and documentation link)
//   - suppressed: <skipped> with the justification; undecided (review): <skipped> too
//   - unchanged from the baseline: no test case at all, it is not news
// Diagnostics form a last suite: an error-level one (the scan is incomplete) is an <error>,
// warnings and notes pass with their message in <system-out>. Every count attribute is the
// count of the elements below it, so tests = failures + errors + skipped + passed holds.
#include "report/junit_report.hpp"

#include <map>
#include <vector>

#include "report/report_common.hpp"
#include "report/sarif_report.hpp"
#include "report/text_report.hpp"

namespace iacscan::detail {

namespace {

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF] (surrogates never decode). C1 controls are allowed but discouraged.
bool must_show_escaped(char32_t cp) {
  if (cp == U'\t' || cp == U'\n' || cp == U'\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, pos, cp);
    if (length == 0) {
      out += visible_byte(static_cast<unsigned char>(text[pos]));
      ++pos;
      continue;
    }
    pos += length;
    if (must_show_escaped(cp)) {
      out += visible_escape(cp);
      continue;
    }
    switch (cp) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += attribute ? "&quot;" : "\"";
        break;
      // A parser normalises these to spaces (attribute values) or drops the carriage return
      // (line-end handling); as references they survive.
      case U'\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case U'\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case U'\r':
        out += "&#13;";
        break;
      default:
        out += text.substr(pos - length, length);
    }
  }
  return out;
}

namespace {

// One <testcase>: its outcome element, if any, is already written.
struct TestCase {
  std::string name;
  std::string outcome;  // "<failure ...>...</failure>", "<skipped .../>", ... or "" (passed)
  std::string system_out;
};

struct TestSuite {
  std::vector<TestCase> cases;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
};

std::string attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escape(value, true) + "\"";
}

std::string case_name(const Location& location, std::string_view what) {
  std::string name = position_text(location);
  if (!what.empty()) name += " " + std::string(what);
  return name;
}

// The body of a <failure>: where, what and how to fix it, one fact a line.
std::string failure_body(const Finding& finding, const RuleInfo* rule) {
  std::string body = position_text(finding.location) + "\n";
  if (!finding.resource.empty()) {
    body += "resource: " + finding.resource;
    if (!finding.resource_type.empty()) body += " (" + finding.resource_type + ")";
    body += "\n";
  }
  for (const RelatedLocation& related : finding.related) {
    body += "related: " + related.message + " (" + position_text(related.location) + ")\n";
  }
  for (const Suppression& lapsed : finding.expired_suppressions) {
    body += "expired: " + describe_lapsed(lapsed) + "\n";
  }
  if (rule != nullptr) {
    if (!rule->title.empty()) body += "rule: " + rule->title + "\n";
    if (!rule->remediation.empty()) body += "fix: " + rule->remediation + "\n";
    if (has_rule_page(*rule)) body += "docs: " + rule_help_uri(rule->id) + "\n";
  }
  return body;
}

std::string suppression_text(const std::vector<Suppression>& suppressions) {
  std::string out = "suppressed";
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& suppression = suppressions[i];
    out += i == 0 ? " by " : "; ";
    out += suppression.origin.empty() ? std::string("a suppression") : suppression.origin;
    out += " at " + position_text(suppression.location) + ": ";
    out += suppression.justification.empty() ? "no reason given" : suppression.justification;
  }
  return out;
}

void add_finding(TestSuite& suite, const Finding& finding, const RuleInfo* rule) {
  TestCase test;
  test.name = case_name(finding.location, finding.resource);
  switch (disposition_of(finding)) {
    case Disposition::unchanged:
      return;
    case Disposition::active:
      test.outcome = "<failure" + attribute("message", finding.message) +
                     attribute("type", to_string(finding.severity)) + ">" +
                     xml_escape(failure_body(finding, rule), false) + "</failure>";
      ++suite.failures;
      break;
    case Disposition::suppressed:
      test.outcome =
          "<skipped" + attribute("message", suppression_text(finding.suppressions)) + "/>";
      ++suite.skipped;
      break;
    case Disposition::review:
      test.outcome = "<skipped" + attribute("message", "undecided: " + finding.message) + "/>";
      ++suite.skipped;
      break;
  }
  suite.cases.push_back(std::move(test));
}

TestSuite diagnostics_suite(const std::vector<Diagnostic>& diagnostics) {
  TestSuite suite;
  for (const Diagnostic& diagnostic : diagnostics) {
    TestCase test;
    const std::string_view code = to_string(diagnostic.code);
    test.name = case_name(diagnostic.location, code);
    if (diagnostic.level == DiagnosticLevel::error) {
      test.outcome = "<error" + attribute("message", diagnostic.message) + attribute("type", code) +
                     ">" + xml_escape(position_text(diagnostic.location) + "\n", false) +
                     "</error>";
      ++suite.errors;
    } else {
      const std::string level = diagnostic.level == DiagnosticLevel::warning ? "warning" : "note";
      test.system_out = level + ": " + diagnostic.message + "\n";
    }
    suite.cases.push_back(std::move(test));
  }
  return suite;
}

void append_suite(std::string& out, std::string_view name, const TestSuite& suite) {
  out += "  <testsuite" + attribute("name", name) +
         attribute("tests", std::to_string(suite.cases.size())) +
         attribute("failures", std::to_string(suite.failures)) +
         attribute("errors", std::to_string(suite.errors)) +
         attribute("skipped", std::to_string(suite.skipped)) + ">\n";
  for (const TestCase& test : suite.cases) {
    out += "    <testcase" + attribute("classname", name) + attribute("name", test.name);
    if (test.outcome.empty() && test.system_out.empty()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    if (!test.outcome.empty()) out += "      " + test.outcome + "\n";
    if (!test.system_out.empty()) {
      out += "      <system-out>" + xml_escape(test.system_out, false) + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n";
}

}  // namespace

std::string render_junit_report(const ScanResult& result, const ReportOptions& /*options*/) {
  const RuleIndex rules(result.rules);
  // Every rule that ran, and the rules of findings the result does not list, in id order.
  std::map<std::string, TestSuite, std::less<>> suites;
  for (const RuleInfo& rule : result.rules) suites[rule.id];
  for (const Finding& finding : result.findings) {
    add_finding(suites[finding.rule_id], finding, rules.find(finding.rule_id));
  }
  for (auto& [id, suite] : suites) {
    if (suite.cases.empty()) suite.cases.push_back({"no findings", {}, {}});
  }
  const TestSuite diagnostics = diagnostics_suite(result.diagnostics);

  std::size_t tests = diagnostics.cases.size();
  std::size_t failures = 0;
  std::size_t errors = diagnostics.errors;
  std::size_t skipped = 0;
  for (const auto& [id, suite] : suites) {
    tests += suite.cases.size();
    failures += suite.failures;
    errors += suite.errors;
    skipped += suite.skipped;
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attribute("name", "iacscan") + attribute("tests", std::to_string(tests)) +
         attribute("failures", std::to_string(failures)) +
         attribute("errors", std::to_string(errors)) +
         attribute("skipped", std::to_string(skipped)) + ">\n";
  for (const auto& [id, suite] : suites) append_suite(out, id, suite);
  if (!diagnostics.cases.empty()) append_suite(out, "diagnostics", diagnostics);
  out += "</testsuites>\n";
  return out;
}

}  // namespace iacscan::detail
