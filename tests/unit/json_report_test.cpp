// The JSON report: its versioned shape, every finding whatever its disposition (with
// suppressions, lapsed suppressions and baseline state), absent findings, diagnostics, rules,
// summary counts, fixed key order and byte-identical output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "iacscan/report.hpp"
#include "iacscan/version.hpp"
#include "report_samples.hpp"

using namespace iacscan;
using namespace report_samples;
using Json = nlohmann::ordered_json;

namespace {

std::string json_text(const ScanResult& result, std::string tool_version = "9.9.9") {
  ReportOptions options;
  options.tool_version = std::move(tool_version);
  return render_report(result, ReportFormat::json, options);
}

Json json_of(const ScanResult& result) {
  return Json::parse(json_text(result));
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

}  // namespace

TEST_CASE("JSON report: versioned header and top-level keys in a fixed order") {
  const Json report = json_of(mixed_result());
  CHECK(keys_of(report) == std::vector<std::string>{"$schema", "schemaVersion", "tool", "complete",
                                                    "filesScanned", "summary", "findings",
                                                    "absentFindings", "diagnostics", "rules"});
  CHECK(report["$schema"] ==
        "https://github.com/iacscan/iacscan/blob/main/docs/report-schema.json");
  CHECK(report["schemaVersion"] == 1);
  CHECK(report["tool"] == Json{{"name", "iacscan"}, {"version", "9.9.9"}});
  CHECK(report["complete"] == false);
  CHECK(report["filesScanned"] == 7);
  CHECK(Json::parse(render_report(ScanResult{}, ReportFormat::json))["tool"]["version"] ==
        std::string(version()));
}

TEST_CASE("JSON report: summary counts by disposition and severity") {
  const Json summary = json_of(mixed_result())["summary"];
  CHECK(summary.dump() ==
        R"({"active":2,"activeBySeverity":{"critical":1,"high":0,"medium":1,"low":0,"info":0},)"
        R"("review":1,"suppressed":2,"unchanged":1,"absent":1,)"
        R"("diagnostics":{"error":1,"warning":1,"note":1}})");
}

TEST_CASE("JSON report: every finding, with everything it carries") {
  const Json report = json_of(mixed_result());
  const Json& findings = report["findings"];
  REQUIRE(findings.size() == 6);
  const Json& acl = findings[0];
  CHECK(keys_of(acl) == std::vector<std::string>{"ruleId", "kind", "severity", "active", "stage",
                                                 "category", "message", "resource", "resourceType",
                                                 "attribute", "location", "excerpt",
                                                 "relatedLocations", "fingerprint", "baselineState",
                                                 "suppressions", "expiredSuppressions"});
  CHECK(acl["ruleId"] == "s3-bucket-public-acl");
  CHECK(acl["kind"] == "fail");
  CHECK(acl["severity"] == "critical");
  CHECK(acl["active"] == true);
  CHECK(acl["stage"] == 6);
  CHECK(acl["category"] == "public-exposure");
  CHECK(acl["resourceType"] == "aws_s3_bucket_acl");
  CHECK(acl["attribute"] == "acl");
  CHECK(acl["location"].dump() ==
        R"({"path":"infra/main.tf","startLine":12,"startColumn":12,"endLine":12,"endColumn":24})");
  CHECK(acl["excerpt"]["firstLine"] == 10);
  CHECK(acl["excerpt"]["lines"].size() == 3);
  CHECK(acl["relatedLocations"][0]["message"] == "value of variable \"assets_acl\"");
  CHECK(acl["fingerprint"] == "fp-s3-bucket-public-acl-12");
  CHECK(acl["baselineState"] == "new");
  CHECK(acl["suppressions"].empty());
  REQUIRE(acl["expiredSuppressions"].size() == 1);
  CHECK(acl["expiredSuppressions"][0].dump() ==
        R"({"kind":"inSource","origin":"comment","justification":"Until the CDN migration",)"
        R"("expires":"2020-01-31","location":{"path":"infra/main.tf","startLine":11,)"
        R"("startColumn":3,"endLine":11,"endColumn":60}})");

  const Json& review = findings[1];
  CHECK(review["kind"] == "review");
  CHECK(review["active"] == false);
  CHECK(review["excerpt"].is_null());
  CHECK(review["baselineState"].is_null());

  const Json& suppressed = findings[2];
  CHECK(suppressed["active"] == false);
  CHECK(suppressed["suppressions"][0]["justification"] == "Public HTTPS behind WAF");
  CHECK(suppressed["suppressions"][0]["expires"].is_null());
  const Json& configured = findings[3]["suppressions"][0];
  CHECK(configured["kind"] == "external");
  CHECK(configured["origin"] == "config");
  CHECK(configured["justification"] == "");

  CHECK(findings[4]["category"] == "tagging");
  CHECK(findings[4]["message"] ==
        "Tag | `owner` <script>alert(1)</script> 100% missing,\nsee: a,b");
  CHECK(findings[5]["baselineState"] == "unchanged");
  CHECK(findings[5]["active"] == false);
}

TEST_CASE("JSON report: absent findings, diagnostics and rules") {
  const Json report = json_of(mixed_result());
  REQUIRE(report["absentFindings"].size() == 1);
  CHECK(report["absentFindings"][0]["baselineState"] == "absent");
  CHECK(report["absentFindings"][0]["active"] == false);

  REQUIRE(report["diagnostics"].size() == 3);
  CHECK(report["diagnostics"][0]["code"] == "parse-error");
  CHECK(report["diagnostics"][0]["level"] == "error");
  CHECK(report["diagnostics"][0]["excerpt"]["lines"][1] == "  bucket = \"orders");
  CHECK(report["diagnostics"][1]["level"] == "warning");
  CHECK(report["diagnostics"][2]["level"] == "note");

  REQUIRE(report["rules"].size() == 5);
  CHECK(
      report["rules"][1].dump() ==
      R"({"id":"s3-bucket-public-acl","title":"S3 bucket ACL grants public access",)"
      R"("severity":"critical","stage":6,"category":"public-exposure","scope":"resource",)"
      R"("helpUri":"https://github.com/iacscan/iacscan/blob/main/docs/rules/s3-bucket-public-acl.md"})");
  CHECK(report["rules"][4]["id"] == "team-tagging");
  CHECK(report["rules"][4]["helpUri"].is_null());
  // The rule's source file is left out: for a user's rule it is a path on the scanning machine.
  CHECK(json_text(mixed_result()).find("team-policies") == std::string::npos);
}

TEST_CASE("JSON report: a finding of a rule that did not run has no category") {
  ScanResult result;
  result.findings = {sample_finding("gone", Severity::info, "m", at("a.tf", 1, 1, 1, 2))};
  CHECK(json_of(result)["findings"][0]["category"].is_null());
}

TEST_CASE("JSON report of an empty scan") {
  const Json report = json_of(ScanResult{});
  CHECK(report["complete"] == true);
  CHECK(report["filesScanned"] == 0);
  CHECK(report["findings"].empty());
  CHECK(report["absentFindings"].empty());
  CHECK(report["diagnostics"].empty());
  CHECK(report["rules"].empty());
  CHECK(report["summary"]["active"] == 0);
}

TEST_CASE("JSON report is byte-identical for the same input and survives invalid UTF-8") {
  ScanResult result = mixed_result();
  result.findings[0].message = "bad \xff byte";
  const std::string first = json_text(result);
  CHECK(json_text(result) == first);
  CHECK(first.ends_with("}\n"));
  CHECK(Json::parse(first)["findings"][0]["message"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("every report format has a name, and only those names parse") {
  CHECK(parse_report_format("text") == ReportFormat::text);
  CHECK(parse_report_format("json") == ReportFormat::json);
  CHECK(parse_report_format("sarif") == ReportFormat::sarif);
  CHECK(parse_report_format("junit") == ReportFormat::junit);
  CHECK(parse_report_format("markdown") == ReportFormat::markdown);
  CHECK(parse_report_format("github") == ReportFormat::github);
  CHECK_FALSE(parse_report_format("JSON").has_value());
  CHECK_FALSE(parse_report_format("md").has_value());
  CHECK_FALSE(parse_report_format("xml").has_value());
}
