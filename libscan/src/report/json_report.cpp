// JSON report: every finding (suppressed and unchanged ones too, each saying so), the baseline
// findings that are gone, diagnostics, the rules that ran and the summary counts. Built with
// nlohmann::ordered_json so keys keep the order written here and the same ScanResult always
// gives the same bytes. Every key is always present (empty lists, "" or null), so consumers need
// no existence checks; schemaVersion changes only when a field changes meaning or goes away.
#include "report/json_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "iacscan/version.hpp"
#include "report/json_location.hpp"
#include "report/report_common.hpp"
#include "report/roadmap_common.hpp"
#include "report/sarif_report.hpp"

namespace iacscan::detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;
constexpr std::string_view kSchemaUri =
    "https://github.com/iacscan/iacscan/blob/main/docs/report-schema.json";

Json optional_text(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

Json excerpt_json(const Excerpt& excerpt) {
  if (excerpt.first_line == 0 || excerpt.lines.empty()) return nullptr;
  Json json = Json::object();
  json["firstLine"] = excerpt.first_line;
  json["lines"] = excerpt.lines;
  return json;
}

std::string_view suppression_kind(SuppressionKind kind) {
  return kind == SuppressionKind::external ? "external" : "inSource";
}

Json suppressions_json(const std::vector<Suppression>& suppressions) {
  Json list = Json::array();
  for (const Suppression& suppression : suppressions) {
    Json json = Json::object();
    json["kind"] = suppression_kind(suppression.kind);
    json["origin"] = suppression.origin;
    json["justification"] = suppression.justification;
    json["expires"] = optional_text(suppression.expires);
    json["location"] = location_json(suppression.location);
    list.push_back(std::move(json));
  }
  return list;
}

Json related_json(const std::vector<RelatedLocation>& related) {
  Json list = Json::array();
  for (const RelatedLocation& place : related) {
    Json json = Json::object();
    json["message"] = place.message;
    json["location"] = location_json(place.location);
    list.push_back(std::move(json));
  }
  return list;
}

Json finding_json(const Finding& finding, const RuleIndex& rules) {
  const RuleInfo* rule = rules.find(finding.rule_id);
  Json json = Json::object();
  json["ruleId"] = finding.rule_id;
  json["kind"] = finding.kind == FindingKind::review ? "review" : "fail";
  json["severity"] = to_string(finding.severity);
  json["active"] = ScanResult::is_active(finding);
  json["stage"] = finding.stage;
  json["category"] = rule == nullptr ? Json(nullptr) : Json(rule->category);
  json["message"] = finding.message;
  json["resource"] = finding.resource;
  json["resourceType"] = finding.resource_type;
  json["attribute"] = finding.attribute;
  json["location"] = location_json(finding.location);
  json["excerpt"] = excerpt_json(finding.excerpt);
  json["relatedLocations"] = related_json(finding.related);
  json["fingerprint"] = finding.fingerprint;
  json["baselineState"] = finding.baseline_state == BaselineState::none
                              ? Json(nullptr)
                              : Json(to_string(finding.baseline_state));
  json["suppressions"] = suppressions_json(finding.suppressions);
  json["expiredSuppressions"] = suppressions_json(finding.expired_suppressions);
  return json;
}

Json findings_json(const std::vector<Finding>& findings, const RuleIndex& rules) {
  Json list = Json::array();
  for (const Finding& finding : findings) list.push_back(finding_json(finding, rules));
  return list;
}

Json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  Json list = Json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    Json json = Json::object();
    json["code"] = to_string(diagnostic.code);
    json["level"] = to_string(diagnostic.level);
    json["message"] = diagnostic.message;
    json["location"] = location_json(diagnostic.location);
    json["excerpt"] = excerpt_json(diagnostic.excerpt);
    list.push_back(std::move(json));
  }
  return list;
}

// Only what a consumer needs to label findings; the rule's source path is left out, since for a
// user's rule it is a path on the machine that ran the scan.
Json rules_json(const std::vector<RuleInfo>& rules) {
  Json list = Json::array();
  for (const RuleInfo& rule : rules) {
    Json json = Json::object();
    json["id"] = rule.id;
    json["title"] = rule.title;
    json["severity"] = to_string(rule.severity);
    json["stage"] = rule.stage;
    json["category"] = rule.category;
    json["scope"] = scope_name(rule.scope);
    json["helpUri"] = has_rule_page(rule) ? Json(rule_help_uri(rule.id)) : Json(nullptr);
    list.push_back(std::move(json));
  }
  return list;
}

Json summary_json(const ScanResult& result) {
  const FindingCounts counts = count_findings(result);
  Json by_severity = Json::object();
  for (Severity severity : kSeveritiesDescending) {
    by_severity[std::string(to_string(severity))] = counts.active_of(severity);
  }
  Json by_level = Json::object();
  for (DiagnosticLevel level :
       {DiagnosticLevel::error, DiagnosticLevel::warning, DiagnosticLevel::note}) {
    by_level[std::string(to_string(level))] =
        std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [level](const Diagnostic& diagnostic) { return diagnostic.level == level; });
  }
  Json json = Json::object();
  json["active"] = counts.active;
  json["activeBySeverity"] = std::move(by_severity);
  json["review"] = counts.review;
  json["suppressed"] = counts.suppressed;
  json["unchanged"] = counts.unchanged;
  json["absent"] = counts.absent;
  json["diagnostics"] = std::move(by_level);
  return json;
}

}  // namespace

std::string render_json_report(const ScanResult& result, const ReportOptions& options) {
  const RuleIndex rules(result.rules);
  Json json = Json::object();
  json["$schema"] = kSchemaUri;
  json["schemaVersion"] = kSchemaVersion;
  json["tool"] = Json{
      {"name", "iacscan"},
      {"version", options.tool_version.empty() ? std::string(version()) : options.tool_version}};
  json["complete"] = result.complete();
  json["filesScanned"] = result.files_scanned;
  json["summary"] = summary_json(result);
  json["findings"] = findings_json(result.findings, rules);
  json["absentFindings"] = findings_json(result.absent_findings, rules);
  json["diagnostics"] = diagnostics_json(result.diagnostics);
  json["rules"] = rules_json(result.rules);
  // error_handler::replace: text from a file that is not valid UTF-8 must not throw out of a
  // report; it becomes U+FFFD.
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace iacscan::detail
