// Snapshot tests of the roadmap report: every landing-zone fixture (fixtures/landing-zone/<name>/)
// scanned the way `iacscan roadmap` scans it, and two synthetic roadmaps, rendered and compared
// byte for byte with tests/snapshots/roadmap/<name>.{json,md} (and .txt for the synthetic ones).
// Only the paths are normalised (made relative to the repository root), and the tool version in
// the JSON, so that a release does not rewrite every snapshot.
//
// Regenerate after an intended change, then review the diff:
//   IACSCAN_UPDATE_SNAPSHOTS=1 build/<preset>/tests/iacscan_unit_tests -tc='roadmap snapshot*'
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/config.hpp"
#include "iacscan/roadmap.hpp"
#include "iacscan/scanner.hpp"
#include "iacscan/version.hpp"
#include "snapshot.hpp"

using namespace iacscan;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = IACSCAN_SOURCE_DIR;
const iacscan::testing::SnapshotDirectory kSnapshots(kRoot,
                                                     kRoot / "tests" / "snapshots" / "roadmap");
const fs::path kFixtureDir = kRoot / "fixtures" / "landing-zone";
constexpr std::string_view kVersionPlaceholder = "<version>";

// Paths as the scan reports them (absolute, since the fixture is scanned by absolute path)
// become relative to the repository root, so the snapshot holds on any checkout.
std::string relative_to_root(const std::string& path) {
  const std::string root = kRoot.generic_string() + "/";
  return path.starts_with(root) ? path.substr(root.size()) : path;
}

void normalise_paths(RoadmapControl& control) {
  for (Location& location : control.evidence) location.path = relative_to_root(location.path);
  for (std::string& file : control.files) file = relative_to_root(file);
}

void normalise_paths(Roadmap& roadmap) {
  for (RoadmapStage& stage : roadmap.stages) {
    for (RoadmapControl& control : stage.controls) normalise_paths(control);
  }
  for (RoadmapControl& control : roadmap.next_steps) normalise_paths(control);
  for (RoadmapControl& control : roadmap.next_configuration) normalise_paths(control);
}

std::string json_without_version(const Roadmap& roadmap) {
  std::string json = render_roadmap_json(roadmap);
  const std::string actual = "\"version\": \"" + std::string(version()) + "\"";
  const std::size_t at = json.find(actual);
  REQUIRE_MESSAGE(at != std::string::npos, "the JSON report names no tool version");
  json.replace(at, actual.size(), "\"version\": \"" + std::string(kVersionPlaceholder) + "\"");
  return json;
}

void check_roadmap_snapshots(const std::string& name, const Roadmap& roadmap) {
  kSnapshots.check(name + ".json", json_without_version(roadmap));
  kSnapshots.check(name + ".md", render_roadmap_markdown(roadmap));
}

std::vector<fs::path> landing_zone_fixtures() {
  std::vector<fs::path> dirs;
  std::error_code error;
  if (!fs::is_directory(kFixtureDir, error)) return dirs;
  for (const fs::directory_entry& entry : fs::directory_iterator(kFixtureDir, error)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// What `iacscan roadmap DIR` does: account rules and control assessment on, and the
// directory's own configuration file when it has one.
Roadmap scan_fixture(const fs::path& dir) {
  ScanOptions options;
  options.account_rules = true;
  options.assess_controls = true;
  const fs::path config = dir / kConfigFileName;
  if (fs::exists(config)) {
    auto configured = apply_config_file(config.string(), options);
    REQUIRE_MESSAGE(configured.has_value(), config.string() << ": " << configured.error().message);
    options = *configured;
  }
  auto scanner = Scanner::create(options);
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  auto result = scanner->scan({dir.string()});
  REQUIRE_MESSAGE(result.has_value(), result.error().message);
  Roadmap roadmap = build_roadmap(*result);
  normalise_paths(roadmap);
  return roadmap;
}

// --- Synthetic roadmaps: exercise every status, the caps, escaping and the configuration hint
// without depending on the rule catalogue or the fixtures.

RuleInfo rule(std::string id, int stage, Severity severity, RuleScope scope, std::string title) {
  RuleInfo info;
  info.id = std::move(id);
  info.title = std::move(title);
  info.severity = severity;
  info.stage = stage;
  info.scope = scope;
  info.source_path = "builtin:synthetic/" + info.id + ".yaml";
  return info;
}

ControlAssessment assessed(const RuleInfo& info, ControlStatus status,
                           std::vector<Location> evidence = {}, std::string detail = {}) {
  ControlAssessment control;
  control.rule_id = info.id;
  control.status = status;
  control.evidence = std::move(evidence);
  control.detail = std::move(detail);
  return control;
}

Location at(std::string path, std::uint32_t line, std::uint32_t column = 1) {
  return Location{std::move(path), line, column, line + 2, 2};
}

void add(ScanResult& result, const RuleInfo& info, ControlAssessment control) {
  result.rules.push_back(info);
  result.controls.push_back(std::move(control));
}

void sort_like_the_engine(ScanResult& result) {
  std::sort(result.rules.begin(), result.rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  std::sort(
      result.controls.begin(), result.controls.end(),
      [](const ControlAssessment& a, const ControlAssessment& b) { return a.rule_id < b.rule_id; });
}

// Stages 1 and 2 met, stage 3 blocked by seven controls (more than the reports list), stage 4
// met only for want of applicable controls, a needs-configuration control and a user's rule.
ScanResult partial_landing_zone() {
  ScanResult result;
  result.files_scanned = 14;
  const auto account = RuleScope::account;
  const auto resource = RuleScope::resource;
  const auto org = RuleScope::org_config;

  const RuleInfo budget = rule("budget-alarm-present", 1, Severity::medium, account,
                               "No cost budget with a notification subscriber");
  add(result, budget, assessed(budget, ControlStatus::met, {at("org/cost.tf", 4)}));
  const RuleInfo email = rule("org-account-email-domain", 1, Severity::medium, org,
                              "Account root email on a personal mail domain");
  ControlAssessment email_control = assessed(email, ControlStatus::needs_configuration);
  email_control.missing_config = {"organization.email_domains"};
  add(result, email, email_control);
  const RuleInfo contact = rule("account-security-contact-defined", 1, Severity::low, account,
                                "No SECURITY alternate contact");
  add(result, contact, assessed(contact, ControlStatus::not_run));

  const RuleInfo backup =
      rule("backup-plan-present", 2, Severity::high, account, "No backup plan with a selection");
  add(result, backup,
      assessed(backup, ControlStatus::met,
               {at("backup/plan.tf", 1), at("backup/plan.tf", 30), at("backup/selection.tf", 2)}));
  const RuleInfo pitr = rule("dynamodb-pitr-enabled", 2, Severity::medium, resource,
                             "DynamoDB table without point-in-time recovery");
  add(result, pitr, assessed(pitr, ControlStatus::not_applicable));

  const RuleInfo trail = rule("cloudtrail-org-trail", 3, Severity::critical, account,
                              "No enabled multi-region trail in the scanned baseline");
  add(result, trail,
      assessed(trail, ControlStatus::missing, {at("org/trail.tf", 12)},
               "the trail \"main\" records only its own region"));
  const RuleInfo guardduty = rule("guardduty-enabled", 3, Severity::critical, account,
                                  "No enabled GuardDuty detector in the scanned baseline");
  add(result, guardduty, assessed(guardduty, ControlStatus::missing));
  const RuleInfo analyzer = rule("access-analyzer-enabled", 3, Severity::medium, account,
                                 "No IAM Access Analyzer in the scanned baseline");
  add(result, analyzer,
      assessed(analyzer, ControlStatus::undecided, {at("org/analyzer.tf", 3)},
               "the analyzer's type comes from var.analyzer_type, which has no value"));
  const RuleInfo pab = rule("s3-bucket-public-access-block", 3, Severity::high, resource,
                            "S3 bucket without a complete Block Public Access configuration");
  add(result, pab,
      assessed(pab, ControlStatus::missing,
               {at("apps/a.tf", 1), at("apps/b.tf", 1), at("apps/c.tf", 1), at("apps/d.tf", 1),
                at("apps/d.tf", 40)},
               "5 findings"));
  const RuleInfo validation = rule("cloudtrail-log-file-validation", 3, Severity::low, resource,
                                   "CloudTrail log file validation is off");
  add(result, validation, assessed(validation, ControlStatus::missing, {at("org/trail.tf", 12)}));
  const RuleInfo kms = rule("cloudtrail-kms-encrypted", 3, Severity::medium, resource,
                            "CloudTrail logs are not encrypted with a KMS key");
  add(result, kms, assessed(kms, ControlStatus::missing, {at("org/trail.tf", 12)}, "1 finding"));
  const RuleInfo stackset =
      rule("baseline-stackset-auto-deploy", 3, Severity::medium, account,
           "No service-managed StackSet deploys the baseline to new accounts");
  add(result, stackset, assessed(stackset, ControlStatus::missing));
  const RuleInfo audit = rule("security-audit-role", 3, Severity::high, org,
                              "No read-only role for the security account in the baseline");
  ControlAssessment audit_control = assessed(audit, ControlStatus::needs_configuration);
  audit_control.missing_config = {"organization.security_account"};
  add(result, audit, audit_control);
  const RuleInfo s3_protection = rule("guardduty-s3-protection", 3, Severity::high, resource,
                                      "GuardDuty detector turns S3 Protection off");
  add(result, s3_protection, assessed(s3_protection, ControlStatus::not_applicable));

  const RuleInfo flow =
      rule("vpc-flow-logs-enabled", 4, Severity::medium, resource, "VPC without a flow log");
  add(result, flow, assessed(flow, ControlStatus::not_applicable));

  // A user's rule (no documentation page) whose title and evidence need escaping in Markdown.
  RuleInfo team = rule("team-tagging | owners", 7, Severity::low, resource,
                       "Resource lacks the <owner> tag *required* by `team` policy");
  team.source_path = "team-policies/tagging.yaml";
  add(result, team, assessed(team, ControlStatus::missing, {at("apps/odd|name `x`.tf", 7)}));

  sort_like_the_engine(result);
  return result;
}

// Every stage met, but one file could not be parsed: the report must say the verdict may be
// wrong.
ScanResult complete_but_unparsed() {
  ScanResult result;
  result.files_scanned = 3;
  for (int stage = 1; stage <= 10; ++stage) {
    const RuleInfo info = rule("stage-" + std::to_string(stage) + "-control", stage,
                               Severity::medium, RuleScope::account, "Control of this stage");
    add(result, info, assessed(info, ControlStatus::met, {at("all/main.tf", 1, 1)}));
  }
  Diagnostic broken;
  broken.code = DiagnosticCode::parse_error;
  broken.level = DiagnosticLevel::error;
  broken.message = "unexpected end of file";
  broken.location = at("all/broken.tf", 9);
  result.diagnostics.push_back(broken);
  sort_like_the_engine(result);
  return result;
}

const std::vector<std::string> kSyntheticNames = {"synthetic-partial", "synthetic-all-met"};

}  // namespace

TEST_CASE("roadmap snapshot: synthetic roadmaps") {
  const Roadmap partial = build_roadmap(partial_landing_zone());
  REQUIRE(partial.highest_stage_met == 2);
  REQUIRE(partial.next_steps.size() == 7);
  check_roadmap_snapshots("synthetic-partial", partial);
  kSnapshots.check("synthetic-partial.txt", render_roadmap_text(partial));

  const Roadmap all_met = build_roadmap(complete_but_unparsed());
  REQUIRE(all_met.highest_stage_met == 10);
  REQUIRE_FALSE(all_met.complete);
  check_roadmap_snapshots("synthetic-all-met", all_met);
  kSnapshots.check("synthetic-all-met.txt", render_roadmap_text(all_met));
}

TEST_CASE("roadmap snapshot: landing-zone fixtures") {
  const std::vector<fs::path> fixtures = landing_zone_fixtures();
  if (fixtures.empty()) {
    MESSAGE("no fixtures under " << kFixtureDir.generic_string() << " yet");
    return;
  }
  for (const fs::path& dir : fixtures) {
    const std::string name = dir.filename().string();
    INFO("fixture " << name);
    check_roadmap_snapshots(name, scan_fixture(dir));
  }
}

TEST_CASE("roadmap snapshot: every snapshot belongs to a fixture or a synthetic roadmap") {
  std::set<std::string> expected(kSyntheticNames.begin(), kSyntheticNames.end());
  for (const fs::path& dir : landing_zone_fixtures()) expected.insert(dir.filename().string());
  kSnapshots.check_none_stale(
      [&expected](const fs::path& path) { return expected.count(path.stem().string()) != 0; },
      "its fixture is gone");
}
