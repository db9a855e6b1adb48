// Suppressions end to end: each form, expiry, reasons, unused suppressions and the
// configuration's entries, judged on the built-in rule s3-bucket-public-acl.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"

namespace {

constexpr const char* kRule = "s3-bucket-public-acl";

iacscan::ScanResult scan(const std::vector<iacscan::SourceBuffer>& files,
                         iacscan::ScanOptions options = {}) {
  if (options.today.empty()) options.today = "2026-06-15";
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  auto result = scanner->scan_buffers(files);
  REQUIRE(result.has_value());
  return std::move(*result);
}

std::vector<iacscan::Finding> of_rule(const iacscan::ScanResult& result, const std::string& id) {
  std::vector<iacscan::Finding> out;
  for (const iacscan::Finding& f : result.findings)
    if (f.rule_id == id) out.push_back(f);
  return out;
}

std::string bucket(const std::string& before, const std::string& acl_comment) {
  return before + "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = " +
         "\"public-read\"" + acl_comment + "\n}\n";
}

}  // namespace

TEST_CASE("without a suppression the finding is active") {
  const auto result = scan({{"app/main.tf", bucket("", "")}});
  const auto found = of_rule(result, kRule);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].suppressed());
  CHECK(iacscan::ScanResult::is_active(found[0]));
}

TEST_CASE("a comment on the offending line suppresses, with its reason and location") {
  const auto result =
      scan({{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acl Public website")}});
  const auto found = of_rule(result, kRule);
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].suppressed());
  const iacscan::Suppression& s = found[0].suppressions[0];
  CHECK(s.kind == iacscan::SuppressionKind::in_source);
  CHECK(s.origin == "comment");
  CHECK(s.justification == "Public website");
  CHECK(s.location.path == "app/main.tf");
  CHECK(s.location.start_line == 3);
  CHECK_FALSE(iacscan::ScanResult::is_active(found[0]));
  CHECK(of_rule(result, "suppression-without-reason").empty());
}

TEST_CASE("a comment on the line before the resource suppresses its findings") {
  const auto result =
      scan({{"app/main.tf", bucket("# iacscan:ignore s3-bucket-public-acl Public website\n", "")}});
  REQUIRE(of_rule(result, kRule).size() == 1);
  CHECK(of_rule(result, kRule)[0].suppressed());
}

TEST_CASE("a comment elsewhere does not suppress") {
  const auto result =
      scan({{"app/main.tf", bucket("# iacscan:ignore s3-bucket-public-acl Public website\n\n"
                                   "locals {\n  x = 1\n}\n",
                                   "")}});
  REQUIRE(of_rule(result, kRule).size() == 1);
  CHECK_FALSE(of_rule(result, kRule)[0].suppressed());
}

TEST_CASE("iacscan:ignore-file suppresses the rule in the whole file only") {
  const std::string other = "resource \"aws_s3_bucket\" \"other\" {\n  acl = \"public-read\"\n}\n";
  const auto result =
      scan({{"app/main.tf", bucket("", "") + other +
                                "# iacscan:ignore-file s3-bucket-public-acl Test "
                                "fixtures\n"},
            {"app/other.tf", other.substr(0, 0) + "resource \"aws_s3_bucket\" \"third\" {\n  acl = "
                                                  "\"public-read\"\n}\n"}});
  const auto found = of_rule(result, kRule);
  REQUIRE(found.size() == 3);
  for (const auto& f : found) CHECK(f.suppressed() == (f.location.path == "app/main.tf"));
}

TEST_CASE("an expired suppression stops suppressing and the finding says so") {
  const std::string comment = " # iacscan:ignore s3-bucket-public-acl:exp:2026-06-14 Until the CDN";
  const auto result = scan({{"app/main.tf", bucket("", comment)}});
  const auto found = of_rule(result, kRule);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].suppressed());
  REQUIRE(found[0].expired_suppressions.size() == 1);
  CHECK(found[0].expired_suppressions[0].expires == "2026-06-14");
  CHECK(found[0].message.find("expired on 2026-06-14") != std::string::npos);
  CHECK(iacscan::ScanResult::is_active(found[0]));

  // Through the expiry day itself it still suppresses.
  iacscan::ScanOptions same_day;
  same_day.today = "2026-06-14";
  const auto still = of_rule(scan({{"app/main.tf", bucket("", comment)}}, same_day), kRule);
  REQUIRE(still.size() == 1);
  CHECK(still[0].suppressed());
  CHECK(still[0].suppressions[0].expires == "2026-06-14");
}

TEST_CASE("a suppression without a reason still suppresses but is reported") {
  const auto result = scan({{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acl")}});
  REQUIRE(of_rule(result, kRule).size() == 1);
  CHECK(of_rule(result, kRule)[0].suppressed());
  const auto reported = of_rule(result, "suppression-without-reason");
  REQUIRE(reported.size() == 1);
  CHECK(reported[0].location.path == "app/main.tf");
  CHECK(reported[0].location.start_line == 3);
  CHECK(reported[0].message == "iacscan:ignore s3-bucket-public-acl gives no reason");
  CHECK(iacscan::ScanResult::is_active(reported[0]));

  // Turned off in the configuration, it is not.
  iacscan::ScanOptions options;
  options.rule_settings["suppression-without-reason"].enabled = false;
  CHECK(of_rule(
            scan({{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acl")}}, options),
            "suppression-without-reason")
            .empty());
}

TEST_CASE("unused suppressions are reported only when asked for") {
  const std::string text =
      "# iacscan:ignore s3-bucket-public-acl Private now\n"
      "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n}\n";
  CHECK(of_rule(scan({{"app/main.tf", text}}), "unused-suppression").empty());
  iacscan::ScanOptions options;
  options.report_unused_suppressions = true;
  const auto unused = of_rule(scan({{"app/main.tf", text}}, options), "unused-suppression");
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].location.start_line == 1);
  CHECK(unused[0].message == "iacscan:ignore s3-bucket-public-acl matched no finding");

  // A used one is not reported.
  CHECK(of_rule(scan({{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acl x")}},
                     options),
                "unused-suppression")
            .empty());
}

TEST_CASE("a suppression naming no rule is a warning, with a suggestion") {
  const auto result =
      scan({{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acls Public site")}});
  CHECK_FALSE(of_rule(result, kRule)[0].suppressed());
  REQUIRE(result.diagnostics.size() == 1);
  const iacscan::Diagnostic& d = result.diagnostics[0];
  CHECK(d.code == iacscan::DiagnosticCode::invalid_suppression);
  CHECK(d.level == iacscan::DiagnosticLevel::warning);
  CHECK(d.location.start_line == 3);
  CHECK(d.message.find("did you mean \"s3-bucket-public-acl\"") != std::string::npos);
  CHECK(result.complete());
}

TEST_CASE("a malformed expiry date suppresses nothing and is reported") {
  const auto result = scan(
      {{"app/main.tf", bucket("", " # iacscan:ignore s3-bucket-public-acl:exp:2026-02-30 x")}});
  CHECK_FALSE(of_rule(result, kRule)[0].suppressed());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message.find("2026-02-30") != std::string::npos);
}

TEST_CASE("CloudFormation: YAML comments and Metadata skips in every spelling") {
  const std::string text =
      "Resources:\n"
      "  # iacscan:ignore s3-bucket-public-acl Public website\n"
      "  Site:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      AccessControl: PublicRead\n"
      "  Ours:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Metadata:\n"
      "      iacscan:\n"
      "        skip:\n"
      "          - id: s3-bucket-public-acl\n"
      "            reason: Public downloads\n"
      "    Properties:\n"
      "      AccessControl: PublicRead\n"
      "  Checkov:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Metadata:\n"
      "      checkov:\n"
      "        skip:\n"
      "          - id: CKV_AWS_20\n"
      "            comment: Migrated from checkov\n"
      "    Properties:\n"
      "      AccessControl: PublicRead\n"
      "  CfnNag:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Metadata:\n"
      "      cfn_nag:\n"
      "        rules_to_suppress:\n"
      "          - id: W31\n"
      "            reason: Migrated from cfn_nag\n"
      "    Properties:\n"
      "      AccessControl: PublicRead\n"
      "  Open:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      AccessControl: PublicRead\n";
  const auto found = of_rule(scan({{"stack/template.yaml", text}}), kRule);
  REQUIRE(found.size() == 5);
  for (const auto& f : found) {
    CAPTURE(f.resource);
    CHECK(f.suppressed() == (f.resource != "Open"));
    if (!f.suppressed()) continue;
    const std::string& origin = f.suppressions[0].origin;
    if (f.resource == "Site") CHECK(origin == "comment");
    if (f.resource == "Ours") CHECK(origin == "metadata");
    if (f.resource == "Checkov") CHECK(origin == "checkov-metadata");
    if (f.resource == "CfnNag") CHECK(origin == "cfn_nag-metadata");
    if (f.resource == "Ours") CHECK(f.suppressions[0].location.start_line == 12);
  }
}

TEST_CASE("checkov and tfsec comments suppress the equivalent rule") {
  const auto checkov = of_rule(
      scan({{"app/main.tf",
             "resource \"aws_s3_bucket\" \"site\" {\n  #checkov:skip=CKV_AWS_20:Public site\n  "
             "acl = \"public-read\"\n}\n"}}),
      kRule);
  REQUIRE(checkov.size() == 1);
  CHECK(checkov[0].suppressed());
  CHECK(checkov[0].suppressions[0].origin == "checkov-comment");
  const auto tfsec = of_rule(
      scan({{"app/main.tf", bucket("", " #tfsec:ignore:aws-s3-no-public-access-with-acl")}}),
      kRule);
  REQUIRE(tfsec.size() == 1);
  CHECK(tfsec[0].suppressed());
  CHECK(tfsec[0].suppressions[0].origin == "tfsec-comment");
}

TEST_CASE("configuration suppressions by rule, path glob and resource address") {
  const std::vector<iacscan::SourceBuffer> files = {
      {"sites/main.tf", bucket("", "")},
      {"apps/main.tf", bucket("", "")},
  };
  iacscan::ScanOptions options;
  iacscan::ConfiguredSuppression entry;
  entry.rule = kRule;
  entry.paths = {"sites/**"};
  entry.reason = "Public websites";
  entry.location = {".iacscan.yaml", 3, 5, 3, 5};
  options.suppressions = {entry};
  auto found = of_rule(scan(files, options), kRule);
  REQUIRE(found.size() == 2);
  CHECK_FALSE(found[0].suppressed());  // apps/ sorts first
  REQUIRE(found[1].suppressed());
  CHECK(found[1].suppressions[0].kind == iacscan::SuppressionKind::external);
  CHECK(found[1].suppressions[0].origin == "config");
  CHECK(found[1].suppressions[0].location.path == ".iacscan.yaml");

  entry.paths.clear();
  entry.resources = {"aws_s3_bucket.s*"};
  options.suppressions = {entry};
  found = of_rule(scan(files, options), kRule);
  CHECK(found[0].suppressed());
  CHECK(found[1].suppressed());

  entry.resources = {"aws_s3_bucket.other"};
  options.suppressions = {entry};
  options.report_unused_suppressions = true;
  const auto result = scan(files, options);
  CHECK_FALSE(of_rule(result, kRule)[0].suppressed());
  const auto unused = of_rule(result, "unused-suppression");
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].location.path == ".iacscan.yaml");
}

TEST_CASE("the configuration file's suppressions section") {
  const std::string text =
      "version: 1\n"
      "suppressions:\n"
      "  - rule: s3-bucket-public-acl\n"
      "    paths: [\"sites/**\"]\n"
      "    resources: [aws_s3_bucket.site]\n"
      "    reason: Public websites\n"
      "    expires: 2027-01-31\n";
  auto options = iacscan::apply_config_text(text, "repo/.iacscan.yaml", {});
  REQUIRE_MESSAGE(options.has_value(), options.error().message);
  REQUIRE(options->suppressions.size() == 1);
  const auto& entry = options->suppressions[0];
  CHECK(entry.rule == kRule);
  CHECK(entry.paths == std::vector<std::string>{"sites/**"});
  CHECK(entry.resources == std::vector<std::string>{"aws_s3_bucket.site"});
  CHECK(entry.expires == "2027-01-31");
  CHECK(entry.location.path == "repo/.iacscan.yaml");
  CHECK(entry.location.start_line == 3);

  auto bad = iacscan::apply_config_text("suppressions:\n  - rule: x\n    expires: 2027-02-30\n",
                                        ".iacscan.yaml", {});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("suppressions[0].expires") != std::string::npos);
  auto no_rule = iacscan::apply_config_text("suppressions:\n  - reason: x\n", ".iacscan.yaml", {});
  REQUIRE_FALSE(no_rule.has_value());
}

TEST_CASE("suppressions do not change fingerprints") {
  const auto plain = of_rule(scan({{"app/main.tf", bucket("", "")}}), kRule);
  const auto suppressed = of_rule(
      scan({{"app/main.tf", bucket("# iacscan:ignore s3-bucket-public-acl x\n", "")}}), kRule);
  REQUIRE(plain.size() == 1);
  REQUIRE(suppressed.size() == 1);
  CHECK(plain[0].fingerprint == suppressed[0].fingerprint);
}

TEST_CASE("Trivy ids match in any case, with or without AVD-") {
  for (const std::string id : {"AVD-AWS-0092", "AWS-0092", "avd-aws-0092"}) {
    CAPTURE(id);
    const auto found = of_rule(scan({{"app/main.tf", bucket("", " #trivy:ignore:" + id)}}), kRule);
    REQUIRE(found.size() == 1);
    CHECK(found[0].suppressed());
  }
}

TEST_CASE("a suppression of a rule that did not run is not reported as unused") {
  // cloudtrail-org-trail is an account rule: it runs only with account_rules.
  const std::string text =
      "# iacscan:ignore cloudtrail-org-trail Trails live in the landing-zone repository\n"
      "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n}\n";
  iacscan::ScanOptions options;
  options.report_unused_suppressions = true;
  CHECK(of_rule(scan({{"app/main.tf", text}}, options), "unused-suppression").empty());
}
