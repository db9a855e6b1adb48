// SARIF 2.1.0 report as GitHub code scanning consumes it (and any other SARIF viewer): one run,
// every rule that ran with GitHub's security-severity and tags, one result per finding
// (sarif_result.cpp) and one tool notification per file that could not be scanned. Built with
// nlohmann::ordered_json so keys keep the order written here and the same ScanResult always
// gives the same bytes.
#include "report/sarif_report.hpp"

#include <algorithm>

#include "iacscan/version.hpp"
#include "report/sarif_location.hpp"
#include "report/sarif_result.hpp"

namespace iacscan::detail {

std::string rule_help_uri(std::string_view rule_id) {
  return "https://github.com/iacscan/iacscan/blob/main/docs/rules/" + std::string(rule_id) + ".md";
}

bool has_rule_page(const RuleInfo& rule) {
  return rule.source_path.empty() || rule.source_path.starts_with("builtin:");
}

namespace {

using Json = SarifJson;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/iacscan/iacscan";

// GitHub's "problem.severity" for alerts that are not security alerts.
std::string_view problem_severity(Severity severity) {
  const std::string_view level = sarif_level(severity);
  return level == "note" ? "recommendation" : level;
}

// GitHub's "security-severity": a CVSS-like score as a string; 9.0+ is critical, 7.0+ high,
// 4.0+ medium, below that low.
std::string_view security_severity(Severity severity) {
  switch (severity) {
    case Severity::critical:
      return "9.5";
    case Severity::high:
      return "8.0";
    case Severity::medium:
      return "5.5";
    case Severity::low:
      return "3.0";
    case Severity::info:
      return "1.0";
  }
  return "1.0";
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "s3-bucket-public-acl" → "S3BucketPublicAcl": SARIF wants rule names as identifiers.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool word_start = true;
  for (char c : id) {
    if (!is_alnum(c)) {
      word_start = true;
      continue;
    }
    out += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return out;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

std::string help_text(const RuleInfo& rule) {
  const std::string description = trimmed_or(rule.description, "");
  const std::string remediation = trimmed_or(rule.remediation, "");
  std::string text = trimmed_or(rule.title, rule.id);
  if (!description.empty()) text += "\n\n" + description;
  if (!remediation.empty()) text += "\n\nRemediation: " + remediation;
  if (!rule.references.empty()) text += "\n\nReferences:";
  for (const std::string& reference : rule.references) text += "\n- " + reference;
  return text;
}

std::string help_markdown(const RuleInfo& rule) {
  const std::string description = trimmed_or(rule.description, "");
  const std::string remediation = trimmed_or(rule.remediation, "");
  std::string text = "**" + trimmed_or(rule.title, rule.id) + "**";
  if (!description.empty()) text += "\n\n" + description;
  if (!remediation.empty()) text += "\n\n**Remediation:** " + remediation;
  if (!rule.references.empty()) text += "\n\n**References:**\n";
  for (const std::string& reference : rule.references) text += "\n- <" + reference + ">";
  return text;
}

// GitHub shows tags as filters; the SARIF schema requires them to be unique.
// The rules about suppressions are code-hygiene findings, not vulnerabilities: without the
// "security" tag and security-severity GitHub lists them as ordinary (non-security) alerts.
bool is_security_rule(const RuleInfo& rule) {
  return rule.category != "suppressions";
}

Json rule_tags(const RuleInfo& rule) {
  std::vector<std::string> tags;
  if (is_security_rule(rule)) tags.push_back("security");
  if (!rule.category.empty()) tags.push_back(rule.category);
  if (rule.stage > 0) tags.push_back("stage-" + std::to_string(rule.stage));
  for (const std::string& tag : rule.tags) tags.push_back(tag);
  Json json = Json::array();
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (std::find(tags.begin(), tags.begin() + static_cast<std::ptrdiff_t>(i), tags[i]) ==
        tags.begin() + static_cast<std::ptrdiff_t>(i)) {
      json.push_back(tags[i]);
    }
  }
  return json;
}

Json rule_descriptor(const RuleInfo& rule) {
  Json json = Json::object();
  json["id"] = rule.id;
  // The validator (SARIF1001) rejects a name that only repeats the id, as a one-word id's would.
  if (const std::string name = pascal_case(rule.id); !same_ignoring_case(name, rule.id))
    json["name"] = name;
  json["shortDescription"] = Json{{"text", trimmed_or(rule.title, rule.id)}};
  json["fullDescription"] =
      Json{{"text", trimmed_or(rule.description, trimmed_or(rule.title, rule.id))}};
  json["help"] = Json{{"text", help_text(rule)}, {"markdown", help_markdown(rule)}};
  if (has_rule_page(rule)) json["helpUri"] = rule_help_uri(rule.id);
  json["defaultConfiguration"] = Json{{"level", sarif_level(rule.severity)}};
  json["properties"] = Json{{"tags", rule_tags(rule)}};
  if (is_security_rule(rule))
    json["properties"]["security-severity"] = security_severity(rule.severity);
  json["properties"]["precision"] = "high";
  json["properties"]["problem.severity"] = problem_severity(rule.severity);
  return json;
}

std::string_view notification_level(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::warning:
      return "warning";
    case DiagnosticLevel::note:
      return "note";
    default:
      return "error";
  }
}

Json notification(const Diagnostic& diagnostic) {
  Json json = Json::object();
  json["level"] = notification_level(diagnostic.level);
  json["message"] = Json{{"text", trimmed_or(diagnostic.message, to_string(diagnostic.code))}};
  json["descriptor"] = Json{{"id", to_string(diagnostic.code)}};
  Json physical = Json::object();
  physical["artifactLocation"] = sarif_artifact_location(diagnostic.location.path);
  // A file that could not be read has no position; the file alone says enough.
  if (diagnostic.location.has_position()) {
    physical["region"] = sarif_region(diagnostic.location, diagnostic.excerpt);
  }
  json["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
  return json;
}

Json invocation(const ScanResult& result) {
  Json json = Json::object();
  json["executionSuccessful"] = result.complete();
  if (result.diagnostics.empty()) return json;
  Json notifications = Json::array();
  for (const Diagnostic& diagnostic : result.diagnostics) {
    notifications.push_back(notification(diagnostic));
  }
  json["toolExecutionNotifications"] = std::move(notifications);
  return json;
}

Json driver(const ScanResult& result, const ReportOptions& options) {
  const std::string version =
      options.tool_version.empty() ? std::string(iacscan::version()) : options.tool_version;
  Json rules = Json::array();
  for (const RuleInfo& rule : result.rules) rules.push_back(rule_descriptor(rule));
  Json json = Json::object();
  json["name"] = "iacscan";
  json["informationUri"] = kInformationUri;
  json["semanticVersion"] = version;
  json["version"] = version;
  json["rules"] = std::move(rules);
  return json;
}

}  // namespace

std::string render_sarif_report(const ScanResult& result, const ReportOptions& options) {
  Json run = Json::object();
  run["tool"] = Json{{"driver", driver(result, options)}};
  run["invocations"] = Json::array({invocation(result)});
  // %SRCROOT% is declared without a "uri": the scan root is where iacscan ran, and writing
  // that machine's absolute path would make the log differ between machines and leak local
  // paths. Consumers supply the root themselves (GitHub resolves against the checkout).
  run["originalUriBaseIds"] = Json{
      {kSarifSourceRoot,
       {{"description", {{"text", "The directory iacscan ran in; paths are relative to it."}}}}}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = sarif_results(result);

  Json log = Json::object();
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  // Invalid UTF-8 from scanned files becomes U+FFFD instead of an exception.
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace iacscan::detail
