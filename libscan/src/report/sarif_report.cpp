// SARIF 2.1.0 report as GitHub code scanning consumes it (and any other SARIF viewer): one run,
// every rule that ran with GitHub's security-severity and tags, one result per finding and one
// tool notification per file that could not be scanned. Built with nlohmann::ordered_json so
// keys keep the order written here and the same ScanResult always gives the same bytes.
#include "report/sarif_report.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "iacscan/version.hpp"
#include "report/text_report.hpp"

namespace iacscan::detail {

std::string rule_help_uri(std::string_view rule_id) {
  return "https://github.com/iacscan/iacscan/blob/main/docs/rules/" + std::string(rule_id) + ".md";
}

bool has_rule_page(const RuleInfo& rule) {
  return rule.source_path.empty() || rule.source_path.starts_with("builtin:");
}

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/iacscan/iacscan";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "iacscan/v1";

// result.level and rule.defaultConfiguration.level.
std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::critical:
    case Severity::high:
      return "error";
    case Severity::medium:
      return "warning";
    case Severity::low:
    case Severity::info:
      return "note";
  }
  return "note";
}

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

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string first_nonempty(std::string_view preferred, std::string_view fallback) {
  return std::string(trim(preferred).empty() ? trim(fallback) : trim(preferred));
}

// A relative URI reference for a path: everything but unreserved characters and '/' is
// percent-encoded, byte by byte (so spaces, '%', '#', ':' and non-ASCII all survive).
std::string percent_encode(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    if (is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0xFu];
  }
  return out;
}

// Relative paths (the usual case: paths as given on the command line) resolve against
// %SRCROOT%; an absolute path given on the command line becomes a file: URI of its own.
Json artifact_location(std::string_view path) {
  Json artifact = Json::object();
  if (path.starts_with('/')) {
    artifact["uri"] = "file://" + percent_encode(path);
  } else {
    artifact["uri"] = percent_encode(path);
    artifact["uriBaseId"] = kSourceRoot;
  }
  return artifact;
}

const std::string* excerpt_line(const Excerpt& excerpt, std::uint32_t number) {
  if (excerpt.first_line == 0 || number < excerpt.first_line) return nullptr;
  const std::size_t index = number - excerpt.first_line;
  return index < excerpt.lines.size() ? &excerpt.lines[index] : nullptr;
}

// UTF-16 code units in the first `bytes` bytes of `line` (SARIF's default column unit).
// An invalid byte counts as one unit (it reads as U+FFFD); bytes past the end count one each.
std::uint32_t utf16_units(std::string_view line, std::size_t bytes) {
  std::size_t units = 0;
  const std::size_t stop = std::min(bytes, line.size());
  for (std::size_t pos = 0; pos < stop;) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(line, pos, cp);
    units += length != 0 && cp >= 0x10000 ? 2 : 1;
    pos += std::max<std::size_t>(length, 1);
  }
  if (bytes > line.size()) units += bytes - line.size();
  return static_cast<std::uint32_t>(units);
}

// Offset just past the character that contains byte `last` (an inclusive end column may
// name the first byte of a multi-byte character).
std::size_t end_of_character(std::string_view line, std::size_t last) {
  std::size_t end = last + 1;
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0u) == 0x80u) ++end;
  return end;
}

// The text of lines [first, last] of the excerpt, from byte `start` of the first line to
// byte `end` (exclusive) of the last; nullopt when the excerpt lacks one of those lines.
std::optional<std::string> excerpt_text(const Excerpt& excerpt, std::uint32_t first,
                                        std::uint32_t last, std::size_t start, std::size_t end) {
  std::string text;
  for (std::uint32_t number = first; number <= last; ++number) {
    const std::string* line = excerpt_line(excerpt, number);
    if (line == nullptr) return std::nullopt;
    std::string_view part = *line;
    if (number == last) part = part.substr(0, std::min(end, part.size()));
    if (number == first) part = part.substr(std::min(start, part.size()));
    if (number != first) text += '\n';
    text += part;
  }
  return text;
}

// The region of a located value. Location columns count bytes with an inclusive end; SARIF
// columns count UTF-16 code units with an exclusive end. The excerpt holds the lines needed to
// convert; without it, byte columns are used as they are (identical for ASCII lines).
Json region(const Location& location, const Excerpt& excerpt) {
  const std::uint32_t end_line = std::max(location.end_line, location.start_line);
  const std::string* first = excerpt_line(excerpt, location.start_line);
  const std::string* last = excerpt_line(excerpt, end_line);
  std::size_t start_byte = 0;
  std::size_t end_byte = std::string::npos;
  std::uint32_t start_column = 0;

  Json json = Json::object();
  json["startLine"] = location.start_line;
  if (location.start_column != 0) {
    start_byte = location.start_column - 1;
    start_column = first != nullptr ? utf16_units(*first, start_byte) + 1 : location.start_column;
    json["startColumn"] = start_column;
  }
  json["endLine"] = end_line;
  if (location.end_column != 0) {
    end_byte = last != nullptr ? end_of_character(*last, location.end_column - 1)
                               : std::size_t{location.end_column};
    std::uint32_t end_column =
        last != nullptr ? utf16_units(*last, end_byte) + 1 : location.end_column + 1;
    // An inverted range would make the log invalid; shrink it to an insertion point instead.
    if (end_line == location.start_line) end_column = std::max(end_column, start_column);
    json["endColumn"] = end_column;
  }
  const auto snippet = excerpt_text(excerpt, location.start_line, end_line, start_byte, end_byte);
  if (snippet && !snippet->empty()) json["snippet"] = Json{{"text", *snippet}};
  return json;
}

// Whole lines from the start of the excerpt (its context lines) to the end of the location;
// only when there is context, since otherwise it would add nothing to the region.
std::optional<Json> context_region(const Location& location, const Excerpt& excerpt) {
  const std::uint32_t end_line = std::max(location.end_line, location.start_line);
  if (excerpt.first_line == 0 || excerpt.first_line >= location.start_line) return std::nullopt;
  const auto text = excerpt_text(excerpt, excerpt.first_line, end_line, 0, std::string::npos);
  if (!text) return std::nullopt;
  return Json{
      {"startLine", excerpt.first_line}, {"endLine", end_line}, {"snippet", {{"text", *text}}}};
}

// Where a result points. A finding about a whole file (no position) is anchored at its first
// line, as GitHub displays it anyway: validators flag a result location without a region
// (SARIF2017), and the file's length, which a whole-file region would need, is not known here.
Json result_location(const Location& location, const Excerpt& excerpt) {
  Json physical = Json::object();
  physical["artifactLocation"] = artifact_location(location.path);
  if (!location.has_position()) {
    physical["region"] = Json{{"startLine", 1}};
    return physical;
  }
  physical["region"] = region(location, excerpt);
  if (auto context = context_region(location, excerpt)) physical["contextRegion"] = *context;
  return physical;
}

std::string help_text(const RuleInfo& rule) {
  std::string text = first_nonempty(rule.title, rule.id);
  if (!trim(rule.description).empty()) text += "\n\n" + std::string(trim(rule.description));
  if (!trim(rule.remediation).empty()) {
    text += "\n\nRemediation: " + std::string(trim(rule.remediation));
  }
  if (!rule.references.empty()) text += "\n\nReferences:";
  for (const std::string& reference : rule.references) text += "\n- " + reference;
  return text;
}

std::string help_markdown(const RuleInfo& rule) {
  std::string text = "**" + first_nonempty(rule.title, rule.id) + "**";
  if (!trim(rule.description).empty()) text += "\n\n" + std::string(trim(rule.description));
  if (!trim(rule.remediation).empty()) {
    text += "\n\n**Remediation:** " + std::string(trim(rule.remediation));
  }
  if (!rule.references.empty()) text += "\n\n**References:**\n";
  for (const std::string& reference : rule.references) {
    text += "\n- <" + reference + ">";
  }
  return text;
}

// GitHub shows tags as filters; the SARIF schema requires them to be unique.
Json rule_tags(const RuleInfo& rule) {
  std::vector<std::string> tags = {"security"};
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
  json["name"] = pascal_case(rule.id);
  json["shortDescription"] = Json{{"text", first_nonempty(rule.title, rule.id)}};
  json["fullDescription"] =
      Json{{"text", first_nonempty(rule.description, first_nonempty(rule.title, rule.id))}};
  json["help"] = Json{{"text", help_text(rule)}, {"markdown", help_markdown(rule)}};
  if (has_rule_page(rule)) json["helpUri"] = rule_help_uri(rule.id);
  json["defaultConfiguration"] = Json{{"level", sarif_level(rule.severity)}};
  json["properties"] = Json{{"tags", rule_tags(rule)},
                            {"security-severity", security_severity(rule.severity)},
                            {"precision", "high"},
                            {"problem.severity", problem_severity(rule.severity)}};
  return json;
}

Json related_locations(const std::vector<RelatedLocation>& related) {
  Json json = Json::array();
  for (std::size_t i = 0; i < related.size(); ++i) {
    Json location = Json::object();
    location["id"] = i + 1;
    location["physicalLocation"] = result_location(related[i].location, Excerpt{});
    location["message"] = Json{{"text", first_nonempty(related[i].message, "Related location")}};
    json.push_back(std::move(location));
  }
  return json;
}

Json result_object(const Finding& finding, const std::map<std::string_view, std::size_t>& index,
                   const std::vector<RuleInfo>& rules) {
  const auto rule = index.find(finding.rule_id);
  const std::string fallback_message =
      rule == index.end() ? finding.rule_id
                          : first_nonempty(rules[rule->second].title, finding.rule_id);

  Json json = Json::object();
  json["ruleId"] = finding.rule_id;
  if (rule != index.end()) json["ruleIndex"] = rule->second;
  if (finding.kind == FindingKind::review) {
    // SARIF's own class for "a human must decide": kind review, level none.
    json["kind"] = "review";
    json["level"] = "none";
  } else {
    json["level"] = sarif_level(finding.severity);
  }
  json["message"] = Json{{"text", first_nonempty(finding.message, fallback_message)}};
  Json location = Json::object();
  location["physicalLocation"] = result_location(finding.location, finding.excerpt);
  if (!finding.resource.empty()) {
    location["logicalLocations"] =
        Json::array({Json{{"fullyQualifiedName", finding.resource}, {"kind", "resource"}}});
  }
  json["locations"] = Json::array({std::move(location)});
  if (!finding.related.empty()) json["relatedLocations"] = related_locations(finding.related);
  if (!finding.fingerprint.empty()) {
    json["partialFingerprints"] = Json{{kFingerprintKey, finding.fingerprint}};
  }
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
  json["message"] = Json{{"text", first_nonempty(diagnostic.message, to_string(diagnostic.code))}};
  json["descriptor"] = Json{{"id", to_string(diagnostic.code)}};
  Json physical = Json::object();
  physical["artifactLocation"] = artifact_location(diagnostic.location.path);
  // A file that could not be read has no position; the file alone says enough.
  if (diagnostic.location.has_position()) {
    physical["region"] = region(diagnostic.location, diagnostic.excerpt);
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
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < result.rules.size(); ++i) rule_index.emplace(result.rules[i].id, i);

  Json results = Json::array();
  for (const Finding& finding : result.findings) {
    results.push_back(result_object(finding, rule_index, result.rules));
  }

  Json run = Json::object();
  run["tool"] = Json{{"driver", driver(result, options)}};
  run["invocations"] = Json::array({invocation(result)});
  // %SRCROOT% is declared without a "uri": the scan root is where iacscan ran, and writing
  // that machine's absolute path would make the log differ between machines and leak local
  // paths. Consumers supply the root themselves (GitHub resolves against the checkout).
  run["originalUriBaseIds"] = Json{
      {kSourceRoot,
       {{"description", {{"text", "The directory iacscan ran in; paths are relative to it."}}}}}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);

  Json log = Json::object();
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  // Invalid UTF-8 from scanned files becomes U+FFFD instead of an exception.
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace iacscan::detail
