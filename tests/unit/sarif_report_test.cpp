// The SARIF report's suppressions, baseline states, results for findings the baseline had and
// the scan lost, findings about the scanned set as a whole, GitHub's fingerprint, and rule names
// the validator accepts. (report_test.cpp covers rules, regions, URIs and notifications.)
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "iacscan/baseline.hpp"
#include "iacscan/report.hpp"
#include "iacscan/scanner.hpp"

using namespace iacscan;
using Json = nlohmann::json;

namespace {

RuleInfo make_rule(std::string id, Severity severity) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.title = "Title of " + rule.id;
  rule.severity = severity;
  rule.stage = 6;
  rule.category = "public-exposure";
  rule.source_path = "builtin:public-exposure/" + rule.id + ".yaml";
  return rule;
}

Finding make_finding(std::string rule_id, std::string fingerprint, std::uint32_t line) {
  Finding f;
  f.rule_id = std::move(rule_id);
  f.severity = Severity::high;
  f.message = "Bucket is public";
  f.resource = "aws_s3_bucket.b" + std::to_string(line);
  f.location = Location{"infra/main.tf", line, 3, line, 9};
  f.fingerprint = std::move(fingerprint);
  return f;
}

Suppression comment(std::string reason, std::string expires = {}) {
  Suppression s;
  s.kind = SuppressionKind::in_source;
  s.origin = "comment";
  s.justification = std::move(reason);
  s.expires = std::move(expires);
  s.location = Location{"infra/main.tf", 11, 3, 11, 60};
  return s;
}

Suppression config_entry() {
  Suppression s;
  s.kind = SuppressionKind::external;
  s.origin = "config";
  s.location = Location{".iacscan.yaml", 4, 5, 4, 5};
  return s;
}

ScanResult base_result() {
  ScanResult result;
  result.rules = {make_rule("s3-bucket-public-acl", Severity::high)};
  return result;
}

Json results_of(const ScanResult& result) {
  return Json::parse(render_report(result, ReportFormat::sarif)).at("runs").at(0).at("results");
}

}  // namespace

TEST_CASE("SARIF suppressions: kind, status, justification, location and origin") {
  ScanResult result = base_result();
  Finding inline_suppressed = make_finding("s3-bucket-public-acl", "aaaa", 12);
  inline_suppressed.suppressions = {comment("  Public website, SEC-123 ", "2027-01-31")};
  Finding config_suppressed = make_finding("s3-bucket-public-acl", "bbbb", 20);
  config_suppressed.suppressions = {config_entry()};
  Finding active = make_finding("s3-bucket-public-acl", "cccc", 30);
  result.findings = {inline_suppressed, config_suppressed, active};

  const Json results = results_of(result);
  REQUIRE(results.size() == 3);
  CHECK(results[0]["suppressions"] ==
        Json::array(
            {{{"kind", "inSource"},
              {"status", "accepted"},
              {"justification", "Public website, SEC-123"},
              {"location",
               {{"physicalLocation",
                 {{"artifactLocation", {{"uri", "infra/main.tf"}, {"uriBaseId", "%SRCROOT%"}}},
                  {"region",
                   {{"startLine", 11}, {"startColumn", 3}, {"endLine", 11}, {"endColumn", 61}}}}}}},
              {"properties", {{"origin", "comment"}, {"expires", "2027-01-31"}}}}}));
  // No reason given: no justification, rather than an empty one.
  const Json& external = results[1]["suppressions"][0];
  CHECK(external["kind"] == "external");
  CHECK(external["status"] == "accepted");
  CHECK_FALSE(external.contains("justification"));
  CHECK(external["location"]["physicalLocation"]["artifactLocation"]["uri"] == ".iacscan.yaml");
  CHECK(external["properties"] == Json{{"origin", "config"}});
  // Every result has the array (SARIF: all or none), empty when nothing applies.
  CHECK(results[2]["suppressions"] == Json::array());
  // A suppressed finding keeps its level: the suppression says why it is not held against us.
  CHECK(results[0]["level"] == "error");
}

TEST_CASE("SARIF suppressions without a location or origin leave those out") {
  ScanResult result = base_result();
  Finding f = make_finding("s3-bucket-public-acl", "aaaa", 12);
  f.suppressions = {Suppression{}};
  result.findings = {f};
  CHECK(results_of(result)[0]["suppressions"] ==
        Json::array({{{"kind", "inSource"}, {"status", "accepted"}}}));
}

TEST_CASE("SARIF lapsed suppressions are properties of an active result, without a status") {
  ScanResult result = base_result();
  Finding f = make_finding("s3-bucket-public-acl", "aaaa", 12);
  f.expired_suppressions = {comment("Until the VPN is up", "2020-01-31")};
  result.findings = {f};
  const Json results = results_of(result);
  CHECK(results[0]["suppressions"] == Json::array());
  const Json& lapsed = results[0]["properties"]["expiredSuppressions"];
  REQUIRE(lapsed.size() == 1);
  CHECK_FALSE(lapsed[0].contains("status"));
  CHECK(lapsed[0]["justification"] == "Until the VPN is up");
  CHECK(lapsed[0]["properties"]["expires"] == "2020-01-31");
  CHECK(lapsed[0]["location"]["physicalLocation"]["region"]["startLine"] == 11);
}

TEST_CASE("SARIF baselineState: only with a baseline, and absent findings as passing results") {
  ScanResult result = base_result();
  result.findings = {make_finding("s3-bucket-public-acl", "aaaa", 12),
                     make_finding("s3-bucket-public-acl", "bbbb", 20)};
  const std::string baseline = render_baseline(result);

  const Json plain = results_of(result);
  CHECK_FALSE(plain[0].contains("baselineState"));
  CHECK_FALSE(plain[1].contains("baselineState"));

  result.findings.erase(result.findings.begin());  // aaaa fixed
  result.findings.push_back(make_finding("s3-bucket-public-acl", "cccc", 30));
  REQUIRE(apply_baseline(result, baseline).has_value());
  const Json results = results_of(result);
  REQUIRE(results.size() == 3);
  CHECK(results[0]["baselineState"] == "unchanged");
  CHECK(results[0]["level"] == "error");
  CHECK(results[1]["baselineState"] == "new");

  // The baseline's finding comes last, where it was, without source text (the scan no longer
  // has it), and as "pass": the rule no longer finds the problem.
  const Json& gone = results[2];
  CHECK(gone["baselineState"] == "absent");
  CHECK(gone["kind"] == "pass");
  CHECK(gone["level"] == "none");
  CHECK(gone["ruleId"] == "s3-bucket-public-acl");
  CHECK(gone["ruleIndex"] == 0);
  CHECK(gone["message"]["text"] == "Bucket is public");
  CHECK(gone["partialFingerprints"]["iacscan/v1"] == "aaaa");
  const Json& physical = gone["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"] == "infra/main.tf");
  CHECK(physical["region"] == Json{{"startLine", 12}, {"endLine", 12}});
  CHECK_FALSE(physical.contains("contextRegion"));
  CHECK(gone["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "aws_s3_bucket.b12");
  CHECK(gone["suppressions"] == Json::array());
}

TEST_CASE("SARIF review and suppressed findings keep their baseline state") {
  ScanResult result = base_result();
  Finding review = make_finding("s3-bucket-public-acl", "rrrr", 12);
  review.kind = FindingKind::review;
  review.baseline_state = BaselineState::new_finding;
  Finding suppressed = make_finding("s3-bucket-public-acl", "ssss", 20);
  suppressed.suppressions = {comment("ok")};
  suppressed.baseline_state = BaselineState::unchanged;
  result.findings = {review, suppressed};
  const Json results = results_of(result);
  CHECK(results[0]["kind"] == "review");
  CHECK(results[0]["level"] == "none");
  CHECK(results[0]["baselineState"] == "new");
  CHECK(results[1]["baselineState"] == "unchanged");
  CHECK(results[1]["suppressions"].size() == 1);
}

TEST_CASE("SARIF fingerprints: ours, and GitHub's with the occurrence") {
  ScanResult result = base_result();
  result.findings = {make_finding("s3-bucket-public-acl", "aaaa", 12),
                     make_finding("s3-bucket-public-acl", "bbbb", 13),
                     make_finding("s3-bucket-public-acl", "aaaa", 14)};
  const Json results = results_of(result);
  CHECK(results[0]["partialFingerprints"] ==
        Json{{"iacscan/v1", "aaaa"}, {"primaryLocationLineHash", "aaaa:1"}});
  CHECK(results[1]["partialFingerprints"]["primaryLocationLineHash"] == "bbbb:1");
  CHECK(results[2]["partialFingerprints"]["primaryLocationLineHash"] == "aaaa:2");

  result.findings[0].fingerprint.clear();  // a hand-built finding without one
  CHECK_FALSE(results_of(result)[0].contains("partialFingerprints"));
}

TEST_CASE("SARIF fingerprints do not move when lines are inserted above a finding") {
  auto scanner = Scanner::create({});
  REQUIRE(scanner.has_value());
  const std::string code =
      "resource \"aws_s3_bucket\" \"assets\" {\n  bucket = \"assets\"\n}\n"
      "resource \"aws_s3_bucket_acl\" \"assets\" {\n"
      "  bucket = aws_s3_bucket.assets.id\n  acl    = \"public-read\"\n}\n";
  auto before = scanner->scan_buffers({{"main.tf", code}});
  auto after = scanner->scan_buffers({{"main.tf", "# one\n# two\n# three\n" + code}});
  REQUIRE(before.has_value());
  REQUIRE(after.has_value());
  const Json old_results = results_of(*before);
  const Json new_results = results_of(*after);
  REQUIRE(old_results.size() == new_results.size());
  REQUIRE_FALSE(old_results.empty());
  for (std::size_t i = 0; i < old_results.size(); ++i) {
    CHECK(old_results[i]["partialFingerprints"] == new_results[i]["partialFingerprints"]);
    CHECK(old_results[i]["locations"][0]["physicalLocation"]["region"]["startLine"] !=
          new_results[i]["locations"][0]["physicalLocation"]["region"]["startLine"]);
  }
}

TEST_CASE("SARIF findings about the scanned set point at its directory, at line 1") {
  ScanResult result = base_result();
  result.rules.push_back(make_rule("guardduty-enabled", Severity::critical));
  Finding whole;
  whole.rule_id = "guardduty-enabled";
  whole.severity = Severity::critical;
  whole.message = "No enabled GuardDuty detector in the scanned set";
  whole.resource_type = "iacscan::ScannedSet";
  whole.location = Location{"landing-zone"};
  whole.fingerprint = "dddd";
  result.findings = {whole};
  const Json location = results_of(result)[0]["locations"][0];
  CHECK(location ==
        Json{{"physicalLocation",
              {{"artifactLocation", {{"uri", "landing-zone"}, {"uriBaseId", "%SRCROOT%"}}},
               {"region", {{"startLine", 1}}}}}});
}

TEST_CASE("SARIF account findings of a real scan point at the scanned directory") {
  ScanOptions options;
  options.account_rules = true;
  auto scanner = Scanner::create(options);
  REQUIRE(scanner.has_value());
  auto result =
      scanner->scan_buffers({{"landing/main.tf", "resource \"aws_sns_topic\" \"t\" {}\n"}});
  REQUIRE(result.has_value());
  const Json results = results_of(*result);
  std::size_t whole_set = 0;
  for (const Json& r : results) {
    const Json& physical = r["locations"][0]["physicalLocation"];
    if (physical["artifactLocation"]["uri"] != "landing") continue;
    ++whole_set;
    CHECK(physical["region"] == Json{{"startLine", 1}});
    CHECK_FALSE(r["locations"][0].contains("logicalLocations"));
    CHECK(r["partialFingerprints"].contains("primaryLocationLineHash"));
  }
  CHECK(whole_set > 0);  // guardduty-enabled, cloudtrail-org-trail, ...
}

TEST_CASE("SARIF rule names that would only repeat the id are left out") {
  ScanResult result;
  result.rules = {make_rule("tagging", Severity::low), make_rule("Team-Tagging", Severity::low),
                  make_rule("s3-bucket-public-acl", Severity::high)};
  const Json rules =
      Json::parse(render_report(result, ReportFormat::sarif))["runs"][0]["tool"]["driver"]["rules"];
  CHECK_FALSE(rules[0].contains("name"));  // "Tagging" is "tagging" to the validator
  CHECK(rules[1]["name"] == "TeamTagging");
  CHECK(rules[2]["name"] == "S3BucketPublicAcl");
}

TEST_CASE("SARIF with suppressions and a baseline is byte-identical between renderings") {
  ScanResult result = base_result();
  Finding f = make_finding("s3-bucket-public-acl", "aaaa", 12);
  f.suppressions = {comment("reason"), config_entry()};
  f.expired_suppressions = {comment("old", "2020-01-01")};
  result.findings = {f, make_finding("s3-bucket-public-acl", "bbbb", 14)};
  const std::string baseline = render_baseline(result);
  result.findings.pop_back();
  REQUIRE(apply_baseline(result, baseline).has_value());
  ScanResult copy = result;
  CHECK(render_report(result, ReportFormat::sarif) == render_report(copy, ReportFormat::sarif));
}
