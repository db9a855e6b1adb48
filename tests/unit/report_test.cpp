// Reports: the text report's grouping, code frames and summary, and the SARIF log's structure
// (levels, GitHub properties, exclusive end columns, URIs, notifications), determinism and
// escaping. Set IACSCAN_REPORT_SARIF_DIR to also write the sample logs there for validation.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "iacscan/report.hpp"
#include "iacscan/version.hpp"

using namespace iacscan;
using Json = nlohmann::json;

namespace {

RuleInfo make_rule(std::string id, Severity severity, int stage, std::string category) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.title = "Title of " + rule.id;
  rule.severity = severity;
  rule.stage = stage;
  rule.category = std::move(category);
  rule.description = "Why " + rule.id + " matters.";
  rule.remediation = "Fix " + rule.id + ".";
  rule.references = {"https://docs.aws.amazon.com/" + rule.id};
  rule.source_path = "builtin:" + rule.category + "/" + rule.id + ".yaml";
  return rule;
}

Location make_location(std::string path, std::uint32_t line, std::uint32_t column,
                       std::uint32_t end_line, std::uint32_t end_column) {
  return Location{std::move(path), line, column, end_line, end_column};
}

// Two files with findings (one value on a line, one multi-line resource, one whole file),
// a related location, and one file that could not be parsed.
ScanResult sample_result() {
  ScanResult result;
  result.files_scanned = 148;
  RuleInfo acl = make_rule("s3-bucket-public-acl", Severity::high, 6, "public-exposure");
  acl.tags = {"s3", "public-exposure"};  // the category again: must not be duplicated
  result.rules = {make_rule("cloudtrail-disabled", Severity::medium, 2, "logging"),
                  make_rule("scp-missing", Severity::critical, 9, "guardrails"), acl};

  Finding public_acl;
  public_acl.rule_id = "s3-bucket-public-acl";
  public_acl.severity = Severity::high;
  public_acl.stage = 6;
  public_acl.message = "S3 bucket \"aws_s3_bucket.assets\" grants public read through its ACL";
  public_acl.resource = "aws_s3_bucket_acl.assets";
  public_acl.resource_type = "aws_s3_bucket_acl";
  public_acl.location = make_location("infra/storage/main.tf", 16, 12, 16, 25);
  public_acl.excerpt = {14,
                        {"resource \"aws_s3_bucket_acl\" \"assets\" {",
                         "  bucket = aws_s3_bucket.assets.id", "  acl    = var.assets_acl"}};
  public_acl.related = {{make_location("infra/storage/variables.tf", 3, 13, 3, 25),
                         "default of variable \"assets_acl\""}};
  public_acl.fingerprint = "0123456789abcdef";

  Finding trail;
  trail.rule_id = "cloudtrail-disabled";
  trail.severity = Severity::medium;
  trail.stage = 2;
  trail.message = "Trail \"aws_cloudtrail.main\" is not logging";
  trail.resource = "aws_cloudtrail.main";
  trail.location = make_location("infra/storage/main.tf", 20, 1, 22, 1);
  trail.excerpt = {19,
                   {"", "resource \"aws_cloudtrail\" \"main\" {", "  enable_logging = false", "}"}};
  trail.fingerprint = "fedcba9876543210";

  Finding scp;
  scp.rule_id = "scp-missing";
  scp.severity = Severity::critical;
  scp.stage = 9;
  scp.message = "No SCP denies leaving the organization";
  scp.location = make_location("infra/org/guard rails.json", 0, 0, 0, 0);
  scp.fingerprint = "aaaa";

  result.findings = {scp, public_acl, trail};

  Diagnostic broken;
  broken.code = DiagnosticCode::parse_error;
  broken.message = "mapping values are not allowed here";
  broken.location = make_location("infra/broken.yaml", 4, 7, 4, 7);
  broken.excerpt = {3, {"Resources:", "  Bucket: Type: x"}};
  result.diagnostics = {broken};
  return result;
}

std::string text_of(const ScanResult& result, bool color = false) {
  ReportOptions options;
  options.color = color;
  return render_report(result, ReportFormat::text, options);
}

Json sarif_of(const ScanResult& result, std::string tool_version = "1.2.3") {
  ReportOptions options;
  options.tool_version = std::move(tool_version);
  return Json::parse(render_report(result, ReportFormat::sarif, options));
}

const Json& run_of(const Json& log) {
  return log.at("runs").at(0);
}

void write_if_asked(const std::string& name, const ScanResult& result) {
  const char* dir = std::getenv("IACSCAN_REPORT_SARIF_DIR");
  if (dir == nullptr || *dir == '\0') return;
  std::filesystem::create_directories(dir);
  std::ofstream(std::filesystem::path(dir) / name, std::ios::binary)
      << render_report(result, ReportFormat::sarif);
}

}  // namespace

TEST_CASE("report format names") {
  CHECK(parse_report_format("text") == ReportFormat::text);
  CHECK(parse_report_format("sarif") == ReportFormat::sarif);
  CHECK_FALSE(parse_report_format("SARIF").has_value());
  CHECK_FALSE(parse_report_format("").has_value());
}

TEST_CASE("text report groups findings by file in order, with code frames and fixes") {
  const std::string text = text_of(sample_result());
  const std::string expected =
      "infra/org/guard rails.json\n"
      "  CRITICAL  scp-missing  No SCP denies leaving the organization   [stage 9]\n"
      "     rule: Title of scp-missing\n"
      "     fix: Fix scp-missing.\n"
      "     docs: https://github.com/iacscan/iacscan/blob/main/docs/rules/scp-missing.md\n"
      "\n"
      "infra/storage/main.tf\n"
      "  HIGH  s3-bucket-public-acl  S3 bucket \"aws_s3_bucket.assets\" grants public read "
      "through its ACL   [stage 6]\n"
      "     14 | resource \"aws_s3_bucket_acl\" \"assets\" {\n"
      "     15 |   bucket = aws_s3_bucket.assets.id\n"
      "  >  16 |   acl    = var.assets_acl\n"
      "        |            ^^^^^^^^^^^^^^ default of variable \"assets_acl\" "
      "(infra/storage/variables.tf:3)\n"
      "     rule: Title of s3-bucket-public-acl\n"
      "     fix: Fix s3-bucket-public-acl.\n"
      "     docs: https://github.com/iacscan/iacscan/blob/main/docs/rules/s3-bucket-public-acl.md\n"
      "  MEDIUM  cloudtrail-disabled  Trail \"aws_cloudtrail.main\" is not logging   [stage 2]\n"
      "     19 |\n"
      "  >  20 | resource \"aws_cloudtrail\" \"main\" {\n"
      "  >  21 |   enable_logging = false\n"
      "  >  22 | }\n"
      "     rule: Title of cloudtrail-disabled\n"
      "     fix: Fix cloudtrail-disabled.\n"
      "     docs: https://github.com/iacscan/iacscan/blob/main/docs/rules/cloudtrail-disabled.md\n"
      "\n"
      "infra/broken.yaml:4:7: parse-error: mapping values are not allowed here\n"
      "      3 | Resources:\n"
      "  >   4 |   Bucket: Type: x\n"
      "        |       ^\n"
      "\n"
      "3 findings (1 critical, 1 high, 1 medium) in 148 files \u00b7 1 file could not be parsed\n";
  CHECK(text == expected);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("text report colours severity and rule id only when asked") {
  const std::string text = text_of(sample_result(), true);
  CHECK(text.find("\x1b[31mCRITICAL\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[31mHIGH\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[33mMEDIUM\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[1ms3-bucket-public-acl\x1b[0m") != std::string::npos);
}

TEST_CASE("text report without findings") {
  ScanResult result;
  result.files_scanned = 1;
  CHECK(text_of(result) == "No findings in 1 file\n");
  result.files_scanned = 0;
  CHECK(text_of(result) == "No findings in 0 files\n");
}

TEST_CASE("text report escapes what a terminal would act on and keeps tabs aligned") {
  ScanResult result;
  result.files_scanned = 1;
  Finding finding;
  finding.rule_id = "r";
  finding.severity = Severity::low;
  finding.message = "bad\x1b[2Jname\xff";
  finding.location = make_location("a\nb.tf", 2, 4, 2, 7);
  finding.excerpt = {2, {"\tx \xE2\x80\xAE=1\r"}};  // tab, RLO override, CRLF ending
  result.findings = {finding};
  const std::string text = text_of(result);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("a\\x0Ab.tf\n") == 0);
  CHECK(text.find("LOW  r  bad\\x1B[2Jname\\xFF\n") != std::string::npos);
  // Columns 4..7 are the RLO's three bytes and '=': carets cover the escape and the '='.
  CHECK(text.find("  >   2 | \tx \\u202E=1\n        | \t  ^^^^^^^\n") != std::string::npos);
}

TEST_CASE("text report elides the middle of long locations and places points past the end") {
  ScanResult result;
  result.files_scanned = 1;
  Finding finding;
  finding.rule_id = "r";
  finding.location = make_location("m.tf", 1, 1, 10, 1);
  for (int i = 1; i <= 10; ++i) finding.excerpt.lines.push_back("line " + std::to_string(i));
  finding.excerpt.first_line = 1;
  Finding point = finding;
  point.location = make_location("m.tf", 2, 9, 2, 9);
  point.excerpt = {2, {"ab"}};
  result.findings = {finding, point};
  const std::string text = text_of(result);
  CHECK(text.find("  >   3 | line 3\n    ... |\n  >   9 | line 9\n") != std::string::npos);
  CHECK(text.find("line 5") == std::string::npos);
  CHECK(text.find("  >   2 | ab\n        |   ^\n") != std::string::npos);
}

TEST_CASE("text report lists diagnostics, code frames set off by a blank line") {
  ScanResult result = sample_result();
  result.findings.clear();
  Diagnostic unreadable;
  unreadable.code = DiagnosticCode::read_error;
  unreadable.message = "permission denied";
  unreadable.location = make_location("b/locked.tf", 0, 0, 0, 0);
  Diagnostic again = unreadable;
  again.location.path = "b/other.tf";
  result.diagnostics.push_back(unreadable);
  result.diagnostics.push_back(again);
  CHECK(text_of(result) ==
        "infra/broken.yaml:4:7: parse-error: mapping values are not allowed here\n"
        "      3 | Resources:\n"
        "  >   4 |   Bucket: Type: x\n"
        "        |       ^\n"
        "\n"
        "b/locked.tf: read-error: permission denied\n"
        "b/other.tf: read-error: permission denied\n"
        "\n"
        "No findings in 148 files \u00b7 3 files could not be parsed\n");
}

TEST_CASE("text report without excerpt or rule still says where") {
  ScanResult result;
  result.files_scanned = 2;
  Finding finding;
  finding.rule_id = "unknown-rule";
  finding.severity = Severity::info;
  finding.message = "m";
  finding.location = make_location("x.tf", 7, 3, 7, 4);
  finding.related = {{make_location("y.tf", 0, 0, 0, 0), "declared here"}};
  result.findings = {finding};
  CHECK(text_of(result) ==
        "x.tf\n"
        "  INFO  unknown-rule  m\n"
        "     at: x.tf:7:3\n"
        "     note: declared here (y.tf)\n"
        "\n"
        "1 finding (1 info) in 2 files\n");
}

TEST_CASE("SARIF log: tool, rules and GitHub properties") {
  const Json log = sarif_of(sample_result());
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const Json& driver = run_of(log)["tool"]["driver"];
  CHECK(driver["name"] == "iacscan");
  CHECK(driver["informationUri"] == "https://github.com/iacscan/iacscan");
  CHECK(driver["semanticVersion"] == "1.2.3");
  CHECK(driver["version"] == "1.2.3");
  REQUIRE(driver["rules"].size() == 3);

  const Json& acl = driver["rules"][2];
  CHECK(acl["id"] == "s3-bucket-public-acl");
  CHECK(acl["name"] == "S3BucketPublicAcl");
  CHECK(acl["shortDescription"]["text"] == "Title of s3-bucket-public-acl");
  CHECK(acl["fullDescription"]["text"] == "Why s3-bucket-public-acl matters.");
  CHECK(acl["help"]["text"].get<std::string>().find("Fix s3-bucket-public-acl.") !=
        std::string::npos);
  CHECK(acl["help"]["markdown"].get<std::string>().find(
            "- <https://docs.aws.amazon.com/s3-bucket-public-acl>") != std::string::npos);
  CHECK(acl["helpUri"] ==
        "https://github.com/iacscan/iacscan/blob/main/docs/rules/s3-bucket-public-acl.md");
  CHECK(acl["defaultConfiguration"]["level"] == "error");
  CHECK(acl["properties"]["tags"] == Json({"security", "public-exposure", "stage-6", "s3"}));
  CHECK(acl["properties"]["security-severity"] == "8.0");
  CHECK(acl["properties"]["precision"] == "high");
  CHECK(acl["properties"]["problem.severity"] == "error");

  const Json& trail = driver["rules"][0];
  CHECK(trail["defaultConfiguration"]["level"] == "warning");
  CHECK(trail["properties"]["security-severity"] == "5.5");
  CHECK(trail["properties"]["problem.severity"] == "warning");
  CHECK(driver["rules"][1]["properties"]["security-severity"] == "9.5");
}

TEST_CASE("SARIF severities map to levels and scores") {
  ScanResult result;
  const Severity all[] = {Severity::info, Severity::low, Severity::medium, Severity::high,
                          Severity::critical};
  for (Severity severity : all) {
    result.rules.push_back(make_rule(std::string(to_string(severity)), severity, 1, "c"));
    Finding finding;
    finding.rule_id = std::string(to_string(severity));
    finding.severity = severity;
    finding.message = "m";
    finding.location = make_location("f.tf", 1, 1, 1, 1);
    result.findings.push_back(finding);
  }
  const Json run = run_of(sarif_of(result));
  const char* levels[] = {"note", "note", "warning", "error", "error"};
  const char* scores[] = {"1.0", "3.0", "5.5", "8.0", "9.5"};
  const char* problems[] = {"recommendation", "recommendation", "warning", "error", "error"};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(run["results"][i]["level"] == levels[i]);
    CHECK(run["results"][i]["ruleIndex"] == i);
    CHECK(run["tool"]["driver"]["rules"][i]["properties"]["security-severity"] == scores[i]);
    CHECK(run["tool"]["driver"]["rules"][i]["properties"]["problem.severity"] == problems[i]);
  }
}

TEST_CASE("SARIF results: locations, regions, fingerprints and related locations") {
  const Json run = run_of(sarif_of(sample_result()));
  REQUIRE(run["results"].size() == 3);

  const Json& scp = run["results"][0];
  CHECK(scp["ruleId"] == "scp-missing");
  CHECK(scp["ruleIndex"] == 1);
  CHECK(scp["level"] == "error");
  const Json& whole_file = scp["locations"][0]["physicalLocation"];
  CHECK(whole_file["artifactLocation"]["uri"] == "infra/org/guard%20rails.json");
  CHECK(whole_file["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(whole_file["region"] == Json{{"startLine", 1}});  // anchored at the top of the file
  CHECK_FALSE(scp["locations"][0].contains("logicalLocations"));

  const Json& acl = run["results"][1];
  CHECK(acl["ruleIndex"] == 2);
  CHECK(acl["message"]["text"] ==
        "S3 bucket \"aws_s3_bucket.assets\" grants public read through its ACL");
  const Json& physical = acl["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"] == "infra/storage/main.tf");
  CHECK(physical["region"] == Json{{"startLine", 16},
                                   {"startColumn", 12},
                                   {"endLine", 16},
                                   {"endColumn", 26},  // exclusive
                                   {"snippet", {{"text", "var.assets_acl"}}}});
  CHECK(physical["contextRegion"] ==
        Json{{"startLine", 14},
             {"endLine", 16},
             {"snippet",
              {{"text",
                "resource \"aws_s3_bucket_acl\" \"assets\" {\n  bucket = aws_s3_bucket.assets.id\n"
                "  acl    = var.assets_acl"}}}});
  CHECK(acl["locations"][0]["logicalLocations"] ==
        Json::array({{{"fullyQualifiedName", "aws_s3_bucket_acl.assets"}, {"kind", "resource"}}}));
  CHECK(acl["partialFingerprints"] == Json{{"iacscan/v1", "0123456789abcdef"},
                                           {"primaryLocationLineHash", "0123456789abcdef:1"}});
  REQUIRE(acl["relatedLocations"].size() == 1);
  const Json& related = acl["relatedLocations"][0];
  CHECK(related["id"] == 1);
  CHECK(related["message"]["text"] == "default of variable \"assets_acl\"");
  CHECK(related["physicalLocation"]["artifactLocation"]["uri"] == "infra/storage/variables.tf");
  CHECK(related["physicalLocation"]["region"]["endColumn"] == 26);

  const Json& trail = run["results"][2]["locations"][0]["physicalLocation"];
  CHECK(trail["region"]["startLine"] == 20);
  CHECK(trail["region"]["endLine"] == 22);
  CHECK(trail["region"]["endColumn"] == 2);
  CHECK(trail["region"]["snippet"]["text"] ==
        "resource \"aws_cloudtrail\" \"main\" {\n  enable_logging = false\n}");
  CHECK(trail["contextRegion"]["startLine"] == 19);
}

TEST_CASE("SARIF invocation: success and one notification per diagnostic") {
  const Json run = run_of(sarif_of(sample_result()));
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"].contains("description"));
  CHECK_FALSE(run["originalUriBaseIds"]["%SRCROOT%"].contains("uri"));
  REQUIRE(run["invocations"].size() == 1);
  const Json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  const Json& notification = invocation["toolExecutionNotifications"][0];
  CHECK(notification["level"] == "error");
  CHECK(notification["descriptor"]["id"] == "parse-error");
  CHECK(notification["message"]["text"] == "mapping values are not allowed here");
  const Json& physical = notification["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"] == "infra/broken.yaml");
  CHECK(physical["region"]["startLine"] == 4);
  CHECK(physical["region"]["startColumn"] == 7);
  CHECK(physical["region"]["endColumn"] == 8);

  ScanResult clean;
  const Json empty = run_of(sarif_of(clean, ""));
  CHECK(empty["invocations"][0] == Json{{"executionSuccessful", true}});
  CHECK(empty["results"] == Json::array());
  CHECK(empty["tool"]["driver"]["version"] == std::string(iacscan::version()));
}

TEST_CASE("SARIF columns are UTF-16 code units, converted with the excerpt") {
  ScanResult result;
  Finding finding;
  finding.rule_id = "r";
  finding.message = "m";
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units. The value "😀x" is bytes 10..14.
  finding.location = make_location("f.tf", 1, 10, 1, 14);
  finding.excerpt = {1, {"a = \"\xC3\xA9\" \xF0\x9F\x98\x80x\""}};
  result.findings = {finding};
  const Json region =
      run_of(sarif_of(result))["results"][0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == 9);
  CHECK(region["endColumn"] == 12);
  CHECK(region["snippet"]["text"] == "\xF0\x9F\x98\x80x");

  // An inclusive end naming the first byte of a multi-byte character still covers all of it.
  result.findings[0].location = make_location("f.tf", 1, 10, 1, 10);
  const Json one =
      run_of(sarif_of(result))["results"][0]["locations"][0]["physicalLocation"]["region"];
  CHECK(one["endColumn"] == 11);
  CHECK(one["snippet"]["text"] == "\xF0\x9F\x98\x80");
}

TEST_CASE("SARIF escapes odd characters in messages and paths") {
  ScanResult result;
  Finding finding;
  finding.rule_id = "r";
  finding.message = std::string("quote \" backslash \\ newline \n tab \t nul ") + '\0' +
                    " bell \x07 bad \xC3 end";
  finding.location = make_location("dir/a b#c%d?e:\xC3\xA9\"q.tf", 1, 1, 1, 1);
  finding.resource = "module.x[\"k\"]";
  result.findings = {finding};
  const std::string text = render_report(result, ReportFormat::sarif);
  CHECK(text.find("\\u0000") != std::string::npos);
  CHECK(text.find("\\u0007") != std::string::npos);
  const Json run = run_of(Json::parse(text));  // must be valid JSON
  const Json& result_json = run["results"][0];
  CHECK(result_json["message"]["text"] ==
        std::string("quote \" backslash \\ newline \n tab \t nul ") + '\0' +
            " bell \x07 bad \xEF\xBF\xBD end");
  CHECK(result_json["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "dir/a%20b%23c%25d%3Fe%3A%C3%A9%22q.tf");
  CHECK(result_json["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] ==
        "module.x[\"k\"]");
  CHECK_FALSE(result_json.contains("ruleIndex"));  // a rule that is not in result.rules

  result.findings[0].location.path = "/abs/x y.tf";
  const Json absolute = run_of(sarif_of(result))["results"][0]["locations"][0];
  CHECK(absolute["physicalLocation"]["artifactLocation"] == Json{{"uri", "file:///abs/x%20y.tf"}});
}

TEST_CASE("reports are byte-identical for the same input") {
  const ScanResult first = sample_result();
  const ScanResult second = sample_result();
  for (ReportFormat format : {ReportFormat::text, ReportFormat::sarif}) {
    CHECK(render_report(first, format) == render_report(second, format));
    CHECK(render_report(first, format) == render_report(first, format));
  }
  const std::string sarif = render_report(first, ReportFormat::sarif);
  CHECK(sarif.back() == '\n');
  CHECK(sarif.find("\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"") <
        sarif.find("\"runs\""));
}

TEST_CASE("user rules get no help link to the project site") {
  ScanResult result = sample_result();
  result.rules[0].source_path = "my-policies/cloudtrail-disabled.yaml";
  const Json rules = run_of(sarif_of(result))["tool"]["driver"]["rules"];
  CHECK_FALSE(rules[0].contains("helpUri"));
  CHECK(rules[1].contains("helpUri"));
  CHECK(text_of(result).find("docs/rules/cloudtrail-disabled.md") == std::string::npos);
}

TEST_CASE("sample SARIF logs for the validator") {
  ScanResult clean;
  clean.rules = sample_result().rules;
  ScanResult findings_only = sample_result();
  findings_only.diagnostics.clear();
  write_if_asked("sample.sarif", sample_result());
  write_if_asked("findings.sarif", findings_only);
  write_if_asked("clean.sarif", clean);

  // Odd corners: unknown rule, empty message, paths outside the root or absolute or with
  // spaces and non-ASCII, related places without position, an unreadable file.
  ScanResult odd = sample_result();
  Finding& first = odd.findings[1];
  first.related.push_back({make_location("../shared/vars.tf", 0, 0, 0, 0), "declared here"});
  Finding stray;
  stray.rule_id = "not-a-loaded-rule";
  stray.location = make_location("./dir/\xC3\xA9t\xC3\xA9 #1.tf", 2, 3, 2, 3);
  stray.excerpt = {1, {"x", "\t\xC3\xA9=1"}};
  Finding absolute = stray;
  absolute.location.path = "/srv/repo/a b.tf";
  odd.findings.push_back(stray);
  odd.findings.push_back(absolute);
  Diagnostic unreadable;
  unreadable.code = DiagnosticCode::read_error;
  unreadable.message = "permission denied";
  unreadable.location = make_location("secret/locked.tf", 0, 0, 0, 0);
  odd.diagnostics.push_back(unreadable);
  write_if_asked("odd.sarif", odd);
  CHECK(Json::parse(render_report(odd, ReportFormat::sarif)).is_object());
}
