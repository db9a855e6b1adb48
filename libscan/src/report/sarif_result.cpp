// What GitHub code scanning and SARIF viewers read from a result: its rule, level, message,
// where it is (with the resource as a logical location), where its value came from, a
// fingerprint that survives line shifts, whether a suppression applies, and its state against
// a baseline.
#include "report/sarif_result.hpp"

#include <map>
#include <string>
#include <string_view>

namespace iacscan::detail {
namespace {

constexpr std::string_view kFingerprintKey = "iacscan/v1";
// The only partial fingerprint GitHub reads. Left out, its upload action would hash the text of
// the result's line, which changes when the flagged value changes and cannot be computed for a
// finding about a directory; ours is rule + file + resource + attribute.
constexpr std::string_view kGitHubFingerprintKey = "primaryLocationLineHash";

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

class ResultWriter {
 public:
  explicit ResultWriter(const ScanResult& result) : rules_(result.rules) {
    for (std::size_t i = 0; i < rules_.size(); ++i) rule_index_.emplace(rules_[i].id, i);
  }

  SarifJson result_object(const Finding& finding) {
    const auto rule = rule_index_.find(finding.rule_id);
    const std::string fallback_message =
        rule == rule_index_.end() ? finding.rule_id
                                  : trimmed_or(rules_[rule->second].title, finding.rule_id);

    SarifJson json = SarifJson::object();
    json["ruleId"] = finding.rule_id;
    if (rule != rule_index_.end()) json["ruleIndex"] = rule->second;
    if (finding.baseline_state == BaselineState::absent) {
      // The rule no longer finds this problem: SARIF's "pass", which has no level.
      json["kind"] = "pass";
      json["level"] = "none";
    } else if (finding.kind == FindingKind::review) {
      // SARIF's own class for "a human must decide": kind review, level none.
      json["kind"] = "review";
      json["level"] = "none";
    } else {
      json["level"] = sarif_level(finding.severity);
    }
    json["message"] = SarifJson{{"text", trimmed_or(finding.message, fallback_message)}};
    json["locations"] = SarifJson::array({primary_location(finding)});
    if (!finding.related.empty()) json["relatedLocations"] = related_locations(finding.related);
    if (!finding.fingerprint.empty()) json["partialFingerprints"] = fingerprints(finding);
    // SARIF wants every result of a run to have the array or none to (3.27.23): iacscan always
    // looks for suppressions, so an empty array says "looked, none applies".
    json["suppressions"] = suppressions(finding.suppressions, true);
    if (finding.baseline_state != BaselineState::none)
      json["baselineState"] = to_string(finding.baseline_state);
    if (!finding.expired_suppressions.empty()) {
      // SARIF has no status for "lapsed", and "rejected" in `suppressions` would still read as
      // suppressed to the tools that dismiss every result with a non-empty array. The message
      // says it lapsed as well.
      json["properties"] =
          SarifJson{{"expiredSuppressions", suppressions(finding.expired_suppressions, false)}};
    }
    return json;
  }

 private:
  // A finding about the scanned set as a whole (an account rule that found neither the control
  // nor a near miss to point at) has the scanned path as its location and no line; it is kept
  // there, anchored at line 1 like any location without a position. SARIF has no region for "a
  // whole directory", the validator flags a location without a region (SARIF2017), and GitHub
  // requires a location (it rejects the whole upload otherwise) but lists an alert whose path
  // is not a file, with "preview unavailable", as it does for repository-level results of other
  // tools. Pointing at some file of the set instead would be arbitrary and would move the alert
  // whenever that file changed. Its fingerprint is rule + scanned path, so it stays one alert.
  SarifJson primary_location(const Finding& finding) const {
    SarifJson location = SarifJson::object();
    location["physicalLocation"] = sarif_physical_location(finding.location, finding.excerpt);
    if (!finding.resource.empty()) {
      location["logicalLocations"] =
          SarifJson::array({{{"fullyQualifiedName", finding.resource}, {"kind", "resource"}}});
    }
    return location;
  }

  static SarifJson related_locations(const std::vector<RelatedLocation>& related) {
    SarifJson json = SarifJson::array();
    for (std::size_t i = 0; i < related.size(); ++i) {
      SarifJson location = SarifJson::object();
      location["id"] = i + 1;
      location["physicalLocation"] = sarif_physical_location(related[i].location, Excerpt{});
      location["message"] = SarifJson{{"text", trimmed_or(related[i].message, "Related location")}};
      json.push_back(std::move(location));
    }
    return json;
  }

  // GitHub's fingerprint names the occurrence too (as its own line hashes do), so two results
  // with the same identity stay two alerts; results come in a fixed order, so the count is
  // stable.
  SarifJson fingerprints(const Finding& finding) {
    const std::size_t occurrence = ++occurrences_[finding.fingerprint];
    return SarifJson{
        {kFingerprintKey, finding.fingerprint},
        {kGitHubFingerprintKey, finding.fingerprint + ":" + std::to_string(occurrence)}};
  }

  // `in_effect`: "accepted", GitHub's cue to dismiss the alert; a lapsed one gets no status.
  static SarifJson suppressions(const std::vector<Suppression>& list, bool in_effect) {
    SarifJson json = SarifJson::array();
    for (const Suppression& suppression : list) {
      SarifJson entry = SarifJson::object();
      entry["kind"] = suppression.kind == SuppressionKind::in_source ? "inSource" : "external";
      if (in_effect) entry["status"] = "accepted";
      if (!trim(suppression.justification).empty())
        entry["justification"] = std::string(trim(suppression.justification));
      if (!suppression.location.path.empty()) {
        entry["location"] = SarifJson{
            {"physicalLocation", sarif_physical_location(suppression.location, Excerpt{})}};
      }
      SarifJson properties = SarifJson::object();
      if (!suppression.origin.empty()) properties["origin"] = suppression.origin;
      if (!suppression.expires.empty()) properties["expires"] = suppression.expires;
      if (!properties.empty()) entry["properties"] = std::move(properties);
      json.push_back(std::move(entry));
    }
    return json;
  }

  const std::vector<RuleInfo>& rules_;
  std::map<std::string_view, std::size_t> rule_index_;
  std::map<std::string, std::size_t> occurrences_;
};

}  // namespace

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

std::string trimmed_or(std::string_view preferred, std::string_view fallback) {
  return std::string(trim(preferred).empty() ? trim(fallback) : trim(preferred));
}

SarifJson sarif_results(const ScanResult& result) {
  ResultWriter writer(result);
  SarifJson results = SarifJson::array();
  for (const Finding& finding : result.findings) results.push_back(writer.result_object(finding));
  for (const Finding& gone : result.absent_findings) results.push_back(writer.result_object(gone));
  return results;
}

}  // namespace iacscan::detail
