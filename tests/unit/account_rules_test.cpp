// Account rules through the public API: `control` conditions with `present` tests judged over
// the whole scanned set (across files and formats), where their findings point, unknowns, the
// --account-rules switch, requires-config, and the control assessment the roadmap reads.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"
#include "rule_scanner.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kTrailRule = R"(id: test-trail
title: no multi-region trail
severity: high
stage: 3
category: test
scope: account
description: d
remediation: r
kinds: [aws.cloudtrail.trail]
control:
  present:
    kind: aws.cloudtrail.trail
    where: {attribute: is_multi_region, equals: true}
message: 'No multi-region trail ({value})'
)";

constexpr const char* kConfiguredRule = R"(id: test-configured
title: needs the security account
severity: low
stage: 3
category: test
scope: org-config
requires-config: [organization.security_account]
description: d
remediation: r
kinds: [aws.cloudtrail.trail]
control:
  present: {kind: aws.cloudtrail.trail}
message: 'm'
)";

using Rules = iacscan::testing::RuleScanner;

iacscan::ScanOptions with_account_rules(bool assess = false) {
  iacscan::ScanOptions options;
  options.account_rules = true;
  options.assess_controls = assess;
  return options;
}

const iacscan::ControlAssessment* control(const iacscan::ScanResult& r, const std::string& id) {
  for (const auto& c : r.controls)
    if (c.rule_id == id) return &c;
  return nullptr;
}

const std::string kSingleRegionTf =
    "resource \"aws_cloudtrail\" \"main\" {\n"
    "  name = \"main\"\n"
    "  s3_bucket_name = \"logs\"\n"
    "  is_multi_region_trail = false\n"
    "}\n";

const std::string kMultiRegionCfn =
    "Resources:\n"
    "  Trail:\n"
    "    Type: AWS::CloudTrail::Trail\n"
    "    Properties:\n"
    "      IsLogging: true\n"
    "      S3BucketName: logs\n"
    "      IsMultiRegionTrail: true\n";

}  // namespace

TEST_CASE("account rule: a control anywhere in the scanned set passes") {
  Rules rules({kTrailRule}, with_account_rules());
  // The Terraform trail is a near miss; the CloudFormation template elsewhere has the control.
  auto result = rules.scan(
      {{"org/trail/main.tf", kSingleRegionTf}, {"stacks/baseline/trail.yaml", kMultiRegionCfn}});
  CHECK(result.findings.empty());
}

TEST_CASE("account rule: a near miss is where the finding points") {
  Rules rules({kTrailRule}, with_account_rules());
  auto result = rules.scan({{"org/trail/main.tf", kSingleRegionTf}});
  REQUIRE(result.findings.size() == 1);
  const iacscan::Finding& f = result.findings.front();
  CHECK(f.rule_id == "test-trail");
  CHECK(f.location.path == "org/trail/main.tf");
  CHECK(f.location.start_line == 4);
  CHECK(f.message == "No multi-region trail (aws_cloudtrail.main: is_multi_region = false)");
}

TEST_CASE("account rule: nothing of the kind points at the scanned directory") {
  Rules rules({kTrailRule}, with_account_rules());
  auto result = rules.scan({{"infra/a/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"},
                            {"infra/b/main.tf", "resource \"aws_s3_bucket\" \"c\" {}\n"}});
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings.front().location.path == "infra");
  CHECK_FALSE(result.findings.front().location.has_position());
  CHECK(result.findings.front().message == "No multi-region trail (not defined)");
}

TEST_CASE("account rule: an unknown decisive value decides nothing") {
  Rules rules({kTrailRule}, with_account_rules(true));
  auto result = rules.scan({{"main.tf",
                             "variable \"multi\" {}\n"
                             "resource \"aws_cloudtrail\" \"main\" {\n"
                             "  name = \"main\"\n"
                             "  s3_bucket_name = \"logs\"\n"
                             "  is_multi_region_trail = var.multi\n"
                             "}\n"}});
  CHECK(result.findings.empty());
  const auto* c = control(result, "test-trail");
  REQUIRE(c);
  CHECK(c->status == iacscan::ControlStatus::undecided);
  CHECK(c->detail.find("multi") != std::string::npos);
}

TEST_CASE("account rules run only when asked for") {
  Rules rules({kTrailRule}, iacscan::ScanOptions{});
  auto result = rules.scan({{"main.tf", kSingleRegionTf}});
  CHECK(result.findings.empty());
}

TEST_CASE("an org-config rule is silent without its facts, and says which it needs") {
  {
    Rules rules({kConfiguredRule}, with_account_rules(true));
    auto result = rules.scan({{"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}});
    CHECK(result.findings.empty());
    const auto* c = control(result, "test-configured");
    REQUIRE(c);
    CHECK(c->status == iacscan::ControlStatus::needs_configuration);
    CHECK(c->missing_config == std::vector<std::string>{"organization.security_account"});
  }
  iacscan::ScanOptions options = with_account_rules(true);
  options.organization.security_account = "222222222222";
  Rules rules({kConfiguredRule}, options);
  auto result = rules.scan({{"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}});
  REQUIRE(result.findings.size() == 1);
  CHECK(control(result, "test-configured")->status == iacscan::ControlStatus::missing);
}

TEST_CASE("control assessment: met with evidence, and per-resource rules") {
  const std::string per_resource = R"(id: test-versioning
title: bucket without versioning
severity: low
stage: 2
category: test
description: d
remediation: r
kinds: [aws.s3.bucket]
condition: {not: {attribute: versioning.enabled, equals: true}}
message: 'm'
)";
  Rules rules({kTrailRule, per_resource}, with_account_rules(true));
  auto met = rules.scan({{"stacks/trail.yaml", kMultiRegionCfn}});
  const auto* trail = control(met, "test-trail");
  REQUIRE(trail);
  CHECK(trail->status == iacscan::ControlStatus::met);
  REQUIRE(trail->evidence.size() == 1);
  CHECK(trail->evidence.front().path == "stacks/trail.yaml");
  CHECK(trail->evidence.front().start_line == 2);
  CHECK(control(met, "test-versioning")->status == iacscan::ControlStatus::not_applicable);

  auto failing = rules.scan({{"s3.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}});
  const auto* versioning = control(failing, "test-versioning");
  REQUIRE(versioning);
  CHECK(versioning->status == iacscan::ControlStatus::missing);
  REQUIRE(versioning->evidence.size() == 1);
  CHECK(versioning->evidence.front().path == "s3.tf");
  CHECK(control(failing, "test-trail")->status == iacscan::ControlStatus::missing);
}

TEST_CASE("a rule has either a condition or a control") {
  iacscan::ScanOptions options;
  const std::string both = std::string(kTrailRule) + "condition: {attribute: a, exists: true}\n";
  auto dir = fs::temp_directory_path() / "iacscan-account-both";
  fs::create_directories(dir / "test");
  std::ofstream(dir / "test" / "rule.yaml") << both;
  options.no_builtin_policies = true;
  options.policy_dirs = {dir.string()};
  auto scanner = iacscan::Scanner::create(options);
  CHECK_FALSE(scanner.has_value());
  fs::remove_all(dir);
}

TEST_CASE("a value taken from another resource is set, though unknown until apply") {
  const std::string empty_key = R"(id: test-empty-key
title: trail without a key
severity: low
stage: 3
category: test
description: d
remediation: r
kinds: [aws.cloudtrail.trail]
condition: {attribute: kms_key_id, equals: ""}
message: 'm'
)";
  Rules rules({empty_key}, with_account_rules(true));
  auto by_reference = rules.scan({{"main.tf",
                                   "resource \"aws_kms_key\" \"k\" {}\n"
                                   "resource \"aws_cloudtrail\" \"t\" {\n"
                                   "  name = \"t\"\n"
                                   "  s3_bucket_name = \"logs\"\n"
                                   "  kms_key_id = aws_kms_key.k.arn\n"
                                   "}\n"}});
  CHECK(by_reference.findings.empty());
  CHECK(control(by_reference, "test-empty-key")->status == iacscan::ControlStatus::met);
  // A variable without a value may be anything, "" included.
  auto by_variable = rules.scan({{"main.tf",
                                  "variable \"key\" {}\n"
                                  "resource \"aws_cloudtrail\" \"t\" {\n"
                                  "  name = \"t\"\n"
                                  "  s3_bucket_name = \"logs\"\n"
                                  "  kms_key_id = var.key\n"
                                  "}\n"}});
  CHECK(control(by_variable, "test-empty-key")->status == iacscan::ControlStatus::undecided);
}
