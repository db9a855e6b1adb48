// Baselines: render_baseline / apply_baseline round trips, new and absent findings, matching by
// count, fingerprints that survive inserted lines (through a real scan), the file format's
// determinism, and the messages for files that are not baselines.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "iacscan/baseline.hpp"
#include "iacscan/scanner.hpp"

using namespace iacscan;
using Json = nlohmann::json;

namespace {

Finding make_finding(std::string rule, std::string fingerprint, std::string path,
                     std::uint32_t line) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = Severity::high;
  f.message = f.rule_id + " at " + path;
  f.resource = "aws_s3_bucket.b" + std::to_string(line);
  f.attribute = "acl";
  f.location = Location{std::move(path), line, 3, line, 9};
  f.fingerprint = std::move(fingerprint);
  return f;
}

ScanResult sample() {
  ScanResult result;
  RuleInfo rule;
  rule.id = "s3-bucket-public-acl";
  rule.stage = 6;
  result.rules = {rule};
  result.findings = {make_finding("s3-bucket-public-acl", "aaaa", "a.tf", 3),
                     make_finding("s3-bucket-public-acl", "bbbb", "a.tf", 9),
                     make_finding("s3-bucket-versioning", "cccc", "b.tf", 1)};
  return result;
}

std::size_t count_state(const ScanResult& result, BaselineState state) {
  std::size_t n = 0;
  for (const Finding& f : result.findings) n += f.baseline_state == state ? 1 : 0;
  return n;
}

std::size_t applied(ScanResult& result, const std::string& baseline) {
  const auto outcome = apply_baseline(result, baseline);
  REQUIRE_MESSAGE(outcome.has_value(), outcome.error().message);
  return *outcome;
}

std::string error_of(const std::string& text) {
  ScanResult result = sample();
  const auto outcome = apply_baseline(result, text);
  REQUIRE_FALSE(outcome.has_value());
  CHECK(outcome.error().code == ErrorCode::invalid_option);
  return outcome.error().message;
}

}  // namespace

TEST_CASE("baseline round trip: the same result is all unchanged") {
  ScanResult result = sample();
  const std::string baseline = render_baseline(result);
  CHECK(applied(result, baseline) == 0);
  CHECK(count_state(result, BaselineState::unchanged) == 3);
  CHECK(result.absent_findings.empty());
  for (const Finding& f : result.findings) CHECK_FALSE(ScanResult::is_active(f));
}

TEST_CASE("baseline file: versioned, sorted, deterministic, and only what is held against a scan") {
  ScanResult result = sample();
  Finding suppressed = make_finding("s3-bucket-public-acl", "dddd", "a.tf", 20);
  suppressed.suppressions.push_back(Suppression{});
  Finding review = make_finding("ec2-imdsv2-required", "eeee", "a.tf", 30);
  review.kind = FindingKind::review;
  result.findings.push_back(suppressed);
  result.findings.push_back(review);
  // Earlier baseline states do not matter: the baseline records what is held against the scan.
  result.findings[0].baseline_state = BaselineState::unchanged;
  std::swap(result.findings[0], result.findings[2]);  // out of order

  const std::string text = render_baseline(result);
  CHECK(text == render_baseline(result));
  CHECK(text.back() == '\n');
  const Json json = Json::parse(text);
  CHECK(json["format"] == "iacscan-baseline");
  CHECK(json["version"] == 1);
  REQUIRE(json["findings"].size() == 3);
  CHECK(json["findings"][0] == Json{{"fingerprint", "aaaa"},
                                    {"rule_id", "s3-bucket-public-acl"},
                                    {"severity", "high"},
                                    {"path", "a.tf"},
                                    {"start_line", 3},
                                    {"resource", "aws_s3_bucket.b3"},
                                    {"attribute", "acl"},
                                    {"message", "s3-bucket-public-acl at a.tf"}});
  CHECK(json["findings"][1]["fingerprint"] == "bbbb");
  CHECK(json["findings"][2]["fingerprint"] == "cccc");
  CHECK(text.find("\"format\"") < text.find("\"findings\""));  // keys in a fixed order
}

TEST_CASE("a finding not in the baseline is new, one the scan lost is absent") {
  ScanResult before = sample();
  const std::string baseline = render_baseline(before);

  ScanResult after = sample();
  after.findings.erase(after.findings.begin() + 1);  // bbbb fixed
  after.findings.push_back(make_finding("s3-bucket-public-acl", "ffff", "c.tf", 4));
  CHECK(applied(after, baseline) == 1);
  CHECK(after.findings[0].baseline_state == BaselineState::unchanged);
  CHECK(after.findings[1].baseline_state == BaselineState::unchanged);
  CHECK(after.findings[2].baseline_state == BaselineState::new_finding);
  CHECK(ScanResult::is_active(after.findings[2]));

  REQUIRE(after.absent_findings.size() == 1);
  const Finding& gone = after.absent_findings[0];
  CHECK(gone.baseline_state == BaselineState::absent);
  CHECK(gone.fingerprint == "bbbb");
  CHECK(gone.rule_id == "s3-bucket-public-acl");
  CHECK(gone.severity == Severity::high);
  CHECK(gone.stage == 6);  // from the rule, which the baseline does not record
  CHECK(gone.resource == "aws_s3_bucket.b9");
  CHECK(gone.attribute == "acl");
  CHECK(gone.message == "s3-bucket-public-acl at a.tf");
  CHECK(gone.location == Location{"a.tf", 9, 0, 0, 0});
  CHECK(gone.excerpt.lines.empty());

  // Applying again starts over rather than piling up.
  CHECK(applied(after, baseline) == 1);
  CHECK(after.absent_findings.size() == 1);
}

TEST_CASE("findings with the same fingerprint are matched by count") {
  ScanResult before = sample();
  before.findings.push_back(make_finding("s3-bucket-public-acl", "aaaa", "a.tf", 5));
  const std::string baseline = render_baseline(before);  // aaaa twice

  SUBCASE("three now: one is new") {
    ScanResult after = before;
    after.findings.push_back(make_finding("s3-bucket-public-acl", "aaaa", "a.tf", 7));
    CHECK(applied(after, baseline) == 1);
    CHECK(count_state(after, BaselineState::unchanged) == 4);
    CHECK(count_state(after, BaselineState::new_finding) == 1);
    CHECK(after.absent_findings.empty());
  }
  SUBCASE("one now: one is absent") {
    ScanResult after = sample();
    CHECK(applied(after, baseline) == 0);
    REQUIRE(after.absent_findings.size() == 1);
    CHECK(after.absent_findings[0].fingerprint == "aaaa");
  }
  SUBCASE("an active finding claims the entry before a suppressed copy") {
    ScanResult after = sample();
    Finding suppressed = make_finding("s3-bucket-public-acl", "aaaa", "a.tf", 1);
    suppressed.suppressions.push_back(Suppression{});
    after.findings.insert(after.findings.begin(), suppressed);  // first in order
    after.findings.push_back(make_finding("s3-bucket-public-acl", "aaaa", "a.tf", 5));
    CHECK(applied(after, baseline) == 0);
    CHECK(after.findings[0].baseline_state == BaselineState::new_finding);  // not counted
    CHECK(count_state(after, BaselineState::unchanged) == 4);
  }
}

TEST_CASE("review and suppressed findings are never counted as new") {
  ScanResult result = sample();
  const std::string baseline = render_baseline(result);
  Finding review = make_finding("ec2-imdsv2-required", "eeee", "a.tf", 30);
  review.kind = FindingKind::review;
  Finding suppressed = make_finding("s3-bucket-public-acl", "dddd", "a.tf", 20);
  suppressed.suppressions.push_back(Suppression{});
  result.findings.push_back(review);
  result.findings.push_back(suppressed);
  CHECK(applied(result, baseline) == 0);
  CHECK(result.findings[3].baseline_state == BaselineState::new_finding);
  CHECK(result.findings[4].baseline_state == BaselineState::new_finding);
}

TEST_CASE("an empty baseline makes every finding new") {
  ScanResult empty;
  ScanResult result = sample();
  CHECK(applied(result, render_baseline(empty)) == 3);
  CHECK(count_state(result, BaselineState::new_finding) == 3);
}

TEST_CASE("files that are not baselines are refused with a clear message") {
  CHECK(error_of("").find("not JSON") != std::string::npos);
  CHECK(error_of("{\"format\": \"iacscan-baseline\", \"version\": 1, \"findings\": [")
            .find("not JSON") != std::string::npos);
  CHECK(error_of("[]").find("not a JSON object") != std::string::npos);
  // A SARIF log given by mistake.
  CHECK(error_of("{\"version\": \"2.1.0\", \"runs\": []}").find("\"format\"") != std::string::npos);
  CHECK(error_of("{\"format\": \"iacscan-baseline\", \"findings\": []}").find("\"version\"") !=
        std::string::npos);
  const std::string future =
      error_of("{\"format\": \"iacscan-baseline\", \"version\": 2, \"findings\": []}");
  CHECK(future.find("version 2 is not supported") != std::string::npos);
  CHECK(future.find("version 1") != std::string::npos);
  CHECK(error_of("{\"format\": \"iacscan-baseline\", \"version\": 1}").find("\"findings\"") !=
        std::string::npos);

  const auto entry = [](const std::string& fields) {
    return "{\"format\": \"iacscan-baseline\", \"version\": 1, \"findings\": [{\"fingerprint\": "
           "\"a\", \"rule_id\": \"r\", \"severity\": \"low\"}, " +
           fields + "]}";
  };
  CHECK(error_of(entry("3")).find("findings[1] is not an object") != std::string::npos);
  CHECK(error_of(entry("{\"rule_id\": \"r\", \"severity\": \"low\"}"))
            .find("findings[1]: \"fingerprint\"") != std::string::npos);
  CHECK(error_of(entry("{\"fingerprint\": \"\", \"rule_id\": \"r\", \"severity\": \"low\"}"))
            .find("\"fingerprint\" must be a non-empty string") != std::string::npos);
  CHECK(error_of(entry("{\"fingerprint\": \"b\", \"severity\": \"low\"}")).find("\"rule_id\"") !=
        std::string::npos);
  CHECK(error_of(entry("{\"fingerprint\": \"b\", \"rule_id\": \"r\", \"severity\": \"bad\"}"))
            .find("\"severity\" must be") != std::string::npos);
  CHECK(error_of(entry("{\"fingerprint\": \"b\", \"rule_id\": \"r\", \"severity\": \"low\", "
                       "\"start_line\": -1}"))
            .find("\"start_line\"") != std::string::npos);
  CHECK(error_of(entry("{\"fingerprint\": \"b\", \"rule_id\": \"r\", \"severity\": \"low\", "
                       "\"path\": 7}"))
            .find("\"path\" must be a string") != std::string::npos);

  // A refused baseline leaves the result as it was.
  ScanResult result = sample();
  CHECK_FALSE(apply_baseline(result, "{}").has_value());
  CHECK(count_state(result, BaselineState::none) == 3);
}

TEST_CASE("the optional fields of a baseline entry may be left out") {
  ScanResult result = sample();
  const std::string minimal =
      "{\"format\": \"iacscan-baseline\", \"version\": 1, \"findings\": [{\"fingerprint\": "
      "\"aaaa\", \"rule_id\": \"s3-bucket-public-acl\", \"severity\": \"HIGH\"}, "
      "{\"fingerprint\": \"zzzz\", \"rule_id\": \"gone\", \"severity\": \"low\"}]}";
  CHECK(applied(result, minimal) == 2);
  REQUIRE(result.absent_findings.size() == 1);
  CHECK(result.absent_findings[0].location == Location{});
}

TEST_CASE("fingerprints survive lines inserted above a finding (a real scan)") {
  auto scanner = Scanner::create({});
  REQUIRE(scanner.has_value());
  const std::string bucket =
      "resource \"aws_s3_bucket\" \"assets\" {\n"
      "  bucket = \"assets\"\n"
      "}\n"
      "\n"
      "resource \"aws_s3_bucket_acl\" \"assets\" {\n"
      "  bucket = aws_s3_bucket.assets.id\n"
      "  acl    = \"public-read\"\n"
      "}\n";
  auto before = scanner->scan_buffers({{"infra/main.tf", bucket}});
  REQUIRE(before.has_value());
  REQUIRE_FALSE(before->findings.empty());

  std::string shifted = bucket;
  for (int i = 0; i < 5; ++i) shifted.insert(0, "# a comment line\n");
  auto after = scanner->scan_buffers({{"infra/main.tf", shifted}});
  REQUIRE(after.has_value());
  REQUIRE(after->findings.size() == before->findings.size());
  for (std::size_t i = 0; i < before->findings.size(); ++i) {
    CAPTURE(before->findings[i].rule_id);
    CHECK(after->findings[i].rule_id == before->findings[i].rule_id);
    CHECK(after->findings[i].location.start_line == before->findings[i].location.start_line + 5);
    CHECK(after->findings[i].fingerprint == before->findings[i].fingerprint);
  }

  CHECK(applied(*after, render_baseline(*before)) == 0);
  CHECK(count_state(*after, BaselineState::new_finding) == 0);
  CHECK(after->absent_findings.empty());
}
