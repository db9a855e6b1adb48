// The roadmap report from synthetic scan results: how controls land in stages, how a stage is
// judged, the stage reached, the next steps and their order, and what each renderer shows
// (caps, colour, escaping, the JSON shape). The landing-zone snapshots are in
// roadmap_snapshot_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "iacscan/roadmap.hpp"

using namespace iacscan;
using Json = nlohmann::json;

namespace {

RuleInfo make_rule(std::string id, int stage, Severity severity = Severity::medium,
                   RuleScope scope = RuleScope::resource) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.title = "Title of " + rule.id;
  rule.severity = severity;
  rule.stage = stage;
  rule.scope = scope;
  rule.source_path = "builtin:test/" + rule.id + ".yaml";
  return rule;
}

ControlAssessment make_control(std::string id, ControlStatus status,
                               std::vector<Location> evidence = {}) {
  ControlAssessment control;
  control.rule_id = std::move(id);
  control.status = status;
  control.evidence = std::move(evidence);
  return control;
}

Location at(std::string path, std::uint32_t line = 1) {
  return Location{std::move(path), line, 1, line, 10};
}

// A scan result whose rules and controls are given as pairs; controls end up sorted by id as the
// engine sorts them.
struct ResultBuilder {
  ScanResult result;
  ResultBuilder& add(RuleInfo rule, ControlStatus status, std::vector<Location> evidence = {}) {
    result.controls.push_back(make_control(rule.id, status, std::move(evidence)));
    result.rules.push_back(std::move(rule));
    return *this;
  }
  ScanResult build() {
    std::sort(result.rules.begin(), result.rules.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    std::sort(result.controls.begin(), result.controls.end(),
              [](const ControlAssessment& a, const ControlAssessment& b) {
                return a.rule_id < b.rule_id;
              });
    return result;
  }
};

const RoadmapStage& stage_of(const Roadmap& roadmap, int number) {
  return roadmap.stages.at(static_cast<std::size_t>(number - 1));
}

std::vector<std::string> ids(const std::vector<RoadmapControl>& controls) {
  std::vector<std::string> out;
  for (const RoadmapControl& control : controls) out.push_back(control.rule_id);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t columns(const std::string& line) {
  // Code points: the report's symbols are one column wide.
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  }));
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Stage 1 met, stage 2 missing one control, stage 3 met: reaches stage 1.
ScanResult two_of_three() {
  return ResultBuilder{}
      .add(make_rule("budget-alarm-present", 1, Severity::medium, RuleScope::account),
           ControlStatus::met, {at("org/budgets.tf", 3)})
      .add(make_rule("backup-plan-present", 2, Severity::high, RuleScope::account),
           ControlStatus::missing)
      .add(make_rule("rds-backup-retention", 2), ControlStatus::met, {at("db/main.tf", 12)})
      .add(make_rule("guardduty-enabled", 3, Severity::critical, RuleScope::account),
           ControlStatus::met, {at("org/guardduty.tf", 1)})
      .build();
}

}  // namespace

TEST_CASE("roadmap: an empty scan has ten named stages, all met for want of controls") {
  const Roadmap roadmap = build_roadmap(ScanResult{});
  REQUIRE(roadmap.stages.size() == 10);
  const std::vector<std::string> names = {"Inventory",
                                          "Have backups",
                                          "Visibility and initial remediation",
                                          "Detection",
                                          "Secure IAM access",
                                          "Reduce attack surface and mitigate compromises",
                                          "Reproducibility and ownership",
                                          "Enhance detection and least privilege refinement",
                                          "Secure network communications",
                                          "Incident preparation"};
  for (int n = 1; n <= 10; ++n) {
    CHECK(stage_of(roadmap, n).number == n);
    CHECK(stage_of(roadmap, n).name == names[static_cast<std::size_t>(n - 1)]);
    CHECK(stage_of(roadmap, n).met);
  }
  CHECK(roadmap.highest_stage_met == 10);
  CHECK(roadmap.next_steps.empty());
  CHECK(roadmap.complete);
}

TEST_CASE("roadmap: every rule is a control of its stage, with the engine's status and evidence") {
  ScanResult result = two_of_three();
  result.files_scanned = 7;
  const Roadmap roadmap = build_roadmap(result);
  CHECK(roadmap.files_scanned == 7);
  REQUIRE(stage_of(roadmap, 1).controls.size() == 1);
  const RoadmapControl& budget = stage_of(roadmap, 1).controls[0];
  CHECK(budget.rule_id == "budget-alarm-present");
  CHECK(budget.title == "Title of budget-alarm-present");
  CHECK(budget.severity == Severity::medium);
  CHECK(budget.scope == RuleScope::account);
  CHECK(budget.status == ControlStatus::met);
  CHECK(budget.files == std::vector<std::string>{"org/budgets.tf"});
  REQUIRE(budget.evidence.size() == 1);
  CHECK(budget.evidence[0].start_line == 3);
  CHECK(budget.help_uri ==
        "https://github.com/iacscan/iacscan/blob/main/docs/rules/budget-alarm-present.md");
  CHECK(stage_of(roadmap, 2).controls.size() == 2);
  CHECK(stage_of(roadmap, 4).controls.empty());
}

TEST_CASE("roadmap: missing and undecided controls keep a stage from being met, others do not") {
  const auto stage_met_with = [](ControlStatus status) {
    ScanResult result = ResultBuilder{}
                            .add(make_rule("a-met", 4), ControlStatus::met)
                            .add(make_rule("b-other", 4), status)
                            .build();
    return stage_of(build_roadmap(result), 4).met;
  };
  CHECK(stage_met_with(ControlStatus::met));
  CHECK_FALSE(stage_met_with(ControlStatus::missing));
  CHECK_FALSE(stage_met_with(ControlStatus::undecided));
  CHECK(stage_met_with(ControlStatus::not_applicable));
  CHECK(stage_met_with(ControlStatus::needs_configuration));
  CHECK(stage_met_with(ControlStatus::not_run));
}

TEST_CASE("roadmap: a rule without an assessment is listed as not run and does not count") {
  ScanResult result;
  result.rules = {make_rule("cloudtrail-org-trail", 3, Severity::critical, RuleScope::account)};
  const Roadmap roadmap = build_roadmap(result);
  REQUIRE(stage_of(roadmap, 3).controls.size() == 1);
  CHECK(stage_of(roadmap, 3).controls[0].status == ControlStatus::not_run);
  CHECK(stage_of(roadmap, 3).met);
  CHECK(roadmap.highest_stage_met == 10);
  CHECK(render_roadmap_text(roadmap).find("note: 1 control did not run") != std::string::npos);
}

TEST_CASE("roadmap: the stage reached is the last of an unbroken run of met stages") {
  const Roadmap roadmap = build_roadmap(two_of_three());
  CHECK(stage_of(roadmap, 1).met);
  CHECK_FALSE(stage_of(roadmap, 2).met);
  CHECK(stage_of(roadmap, 3).met);  // met, but past the gap: it does not raise the stage reached
  CHECK(roadmap.highest_stage_met == 1);

  ScanResult nothing_met =
      ResultBuilder{}.add(make_rule("budget-alarm-present", 1), ControlStatus::undecided).build();
  CHECK(build_roadmap(nothing_met).highest_stage_met == 0);
}

TEST_CASE("roadmap: rules without a roadmap stage are left out") {
  ScanResult result = ResultBuilder{}
                          .add(make_rule("user-rule-no-stage", 0), ControlStatus::missing)
                          .add(make_rule("user-rule-stage-eleven", 11), ControlStatus::missing)
                          .build();
  const Roadmap roadmap = build_roadmap(result);
  CHECK(roadmap.highest_stage_met == 10);
  for (const RoadmapStage& stage : roadmap.stages) CHECK(stage.controls.empty());
}

TEST_CASE("roadmap: controls are listed account rules first, then org-config, then resource") {
  ScanResult result =
      ResultBuilder{}
          .add(make_rule("a-resource", 6), ControlStatus::met)
          .add(make_rule("z-account", 6, Severity::low, RuleScope::account), ControlStatus::met)
          .add(make_rule("m-org", 6, Severity::low, RuleScope::org_config),
               ControlStatus::needs_configuration)
          .add(make_rule("b-account", 6, Severity::low, RuleScope::account), ControlStatus::met)
          .build();
  CHECK(ids(stage_of(build_roadmap(result), 6).controls) ==
        std::vector<std::string>{"b-account", "z-account", "m-org", "a-resource"});
}

TEST_CASE("roadmap: next steps are the next stage's blocking controls, most urgent first") {
  ResultBuilder builder;
  builder.add(make_rule("inventory-ok", 1), ControlStatus::met);
  builder.add(make_rule("r-low", 2, Severity::low), ControlStatus::missing);
  builder.add(make_rule("r-high", 2, Severity::high), ControlStatus::missing);
  builder.add(make_rule("a-high-account", 2, Severity::high, RuleScope::account),
              ControlStatus::undecided);
  builder.add(make_rule("b-high-account", 2, Severity::high, RuleScope::account),
              ControlStatus::missing);
  builder.add(make_rule("c-critical", 2, Severity::critical), ControlStatus::missing);
  builder.add(make_rule("fine", 2), ControlStatus::met);
  builder.add(make_rule("not-here", 2), ControlStatus::not_applicable);
  builder.add(make_rule("later-stage", 3, Severity::critical), ControlStatus::missing);
  ControlAssessment needs = make_control("security-audit-role", ControlStatus::needs_configuration);
  needs.missing_config = {"organization.security_account"};
  builder.result.rules.push_back(make_rule("security-audit-role", 2, Severity::high));
  builder.result.controls.push_back(needs);
  const Roadmap roadmap = build_roadmap(builder.build());

  CHECK(roadmap.highest_stage_met == 1);
  CHECK(ids(roadmap.next_steps) == std::vector<std::string>{"c-critical", "a-high-account",
                                                            "b-high-account", "r-high", "r-low"});
  CHECK(ids(roadmap.next_configuration) == std::vector<std::string>{"security-audit-role"});
  CHECK(roadmap.next_configuration[0].missing_config ==
        std::vector<std::string>{"organization.security_account"});

  const std::string text = render_roadmap_text(roadmap);
  CHECK(text.find("Next steps to reach stage 2:") != std::string::npos);
  CHECK(text.find("organization.security_account (security-audit-role)") != std::string::npos);
  const std::string markdown = render_roadmap_markdown(roadmap);
  CHECK(markdown.find("### Next steps to reach stage 2") != std::string::npos);
  CHECK(markdown.find("- `organization.security_account` (`security-audit-role`)") !=
        std::string::npos);
}

TEST_CASE("roadmap: all ten stages met leaves no next steps") {
  ScanResult result = ResultBuilder{}.add(make_rule("x", 10), ControlStatus::met).build();
  const Roadmap roadmap = build_roadmap(result);
  CHECK(roadmap.highest_stage_met == 10);
  CHECK(roadmap.next_steps.empty());
  CHECK(render_roadmap_text(roadmap).find("All ten stages are met.") != std::string::npos);
  CHECK(Json::parse(render_roadmap_json(roadmap))["nextStage"].is_null());
}

TEST_CASE("roadmap: evidence files are unique and sorted, whatever order the engine gave") {
  ScanResult result =
      ResultBuilder{}
          .add(make_rule("vpc-flow-logs-enabled", 4), ControlStatus::missing,
               {at("net/b.tf", 9), at("net/a.tf", 4), at("net/b.tf", 2), at("net/a.tf", 4)})
          .build();
  const Roadmap roadmap = build_roadmap(result);
  const RoadmapControl& control = stage_of(roadmap, 4).controls.at(0);
  CHECK(control.files == std::vector<std::string>{"net/a.tf", "net/b.tf"});
  REQUIRE(control.evidence.size() == 3);
  CHECK(control.evidence[0].path == "net/a.tf");
  CHECK(control.evidence[1].start_line == 2);
  CHECK(control.evidence[2].start_line == 9);
}

TEST_CASE("roadmap: a user's rule has no documentation link") {
  RuleInfo rule = make_rule("my-team-rule", 5);
  rule.source_path = "team-policies/my-team-rule.yaml";
  ScanResult result = ResultBuilder{}.add(rule, ControlStatus::missing).build();
  const Roadmap roadmap = build_roadmap(result);
  CHECK(stage_of(roadmap, 5).controls.at(0).help_uri.empty());
  CHECK(render_roadmap_markdown(roadmap).find("docs/rules/my-team-rule.md") == std::string::npos);
  const Json json = Json::parse(render_roadmap_json(roadmap));
  CHECK(json["stages"][4]["controls"][0]["helpUri"].is_null());
}

TEST_CASE("roadmap text: header, incomplete warning, stage verdicts and no colour by default") {
  ScanResult result = two_of_three();
  result.diagnostics.push_back(
      Diagnostic{DiagnosticCode::parse_error, "bad", at("x.tf"), {}, DiagnosticLevel::error});
  const Roadmap roadmap = build_roadmap(result);
  CHECK_FALSE(roadmap.complete);
  const std::string text = render_roadmap_text(roadmap);
  CHECK(lines_of(text).at(0) == "Roadmap stage reached: 1 of 10");
  CHECK(text.find("scan incomplete") != std::string::npos);
  CHECK(text.find("Stage 1  Inventory: MET (1 met)") != std::string::npos);
  CHECK(text.find("Stage 2  Have backups: NOT MET (1 met, 1 missing)") != std::string::npos);
  CHECK(text.find("Stage 4  Detection: MET (iacscan has no check for this stage)") !=
        std::string::npos);
  CHECK(text.find("✗ missing") != std::string::npos);
  CHECK(text.find("in org/budgets.tf") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("roadmap text: colour only when asked, by status") {
  const std::string text = render_roadmap_text(build_roadmap(two_of_three()), true);
  CHECK(text.find("\x1b[32m✓ met\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[31m✗ missing\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[31mNOT MET\x1b[0m") != std::string::npos);
}

TEST_CASE("roadmap text and markdown: caps on next steps and evidence files; JSON has all") {
  ResultBuilder builder;
  for (int i = 0; i < 8; ++i) {
    builder.add(make_rule("gap-" + std::to_string(i), 1), ControlStatus::missing,
                {at("f1.tf"), at("f2.tf"), at("f3.tf"), at("f4.tf"), at("f5.tf")});
  }
  const Roadmap roadmap = build_roadmap(builder.build());
  REQUIRE(roadmap.next_steps.size() == 8);

  const std::string text = render_roadmap_text(roadmap);
  CHECK(text.find("  5. gap-4") != std::string::npos);
  CHECK(text.find("  6. ") == std::string::npos);
  CHECK(text.find("... and 3 more in the stage 1 table above") != std::string::npos);
  CHECK(text.find("in f1.tf, f2.tf +3 more") != std::string::npos);

  const std::string markdown = render_roadmap_markdown(roadmap);
  CHECK(markdown.find("\n5. ❌ ") != std::string::npos);
  CHECK(markdown.find("\n6. ") == std::string::npos);
  CHECK(markdown.find("…and 3 more in the stage 1 table below.") != std::string::npos);
  CHECK(markdown.find("`f1.tf`, `f2.tf` +3 more") != std::string::npos);

  const Json json = Json::parse(render_roadmap_json(roadmap));
  CHECK(json["nextSteps"].size() == 8);
  CHECK(json["nextSteps"][7]["files"].size() == 5);
}

TEST_CASE("roadmap text: lines stay within 100 columns, long titles wrap in their column") {
  ResultBuilder builder;
  RuleInfo wordy = make_rule("scp-protect-s3-account-public-access-block", 6, Severity::high,
                             RuleScope::account);
  wordy.title =
      "No attached service control policy denies s3:PutAccountPublicAccessBlock to the member "
      "accounts, so anyone with administrator access there can turn Block Public Access off";
  builder.add(wordy, ControlStatus::missing, {at("org/scp.json")});
  builder.add(make_rule("x", 6), ControlStatus::met);
  const std::string text = render_roadmap_text(build_roadmap(builder.build()));
  for (const std::string& line : lines_of(text)) CHECK_MESSAGE(columns(line) <= 100, line);
  CHECK(text.find("Block Public Access off") != std::string::npos);
}

TEST_CASE("roadmap text: control characters in user-controlled strings are escaped") {
  RuleInfo rule = make_rule("evil", 1);
  rule.title = "title with \x1b[31m escape";
  ScanResult result = ResultBuilder{}.add(rule, ControlStatus::missing, {at("a\nb.tf")}).build();
  const std::string text = render_roadmap_text(build_roadmap(result));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("title with \\x1B[31m escape") != std::string::npos);
  CHECK(text.find("a\\x0Ab.tf") != std::string::npos);
}

TEST_CASE("roadmap markdown: title, ten summary rows, one <details> per stage, escaped cells") {
  RuleInfo rule = make_rule("pipe-rule", 2);
  rule.title = "a | b with *stars* and <tags>";
  ScanResult result = two_of_three();
  result.rules.push_back(rule);
  ControlAssessment control =
      make_control("pipe-rule", ControlStatus::missing, {at("dir|x/`odd`.tf")});
  control.detail = "detail | with pipe";
  result.controls.push_back(control);
  const std::string markdown = render_roadmap_markdown(build_roadmap(result));

  CHECK(markdown.starts_with("## AWS Security Maturity Roadmap: stage 1 of 10\n"));
  CHECK(markdown.find("Stage 1 is met; stage 2 is next.") != std::string::npos);
  CHECK(occurrences(markdown, "<details") == 10);
  CHECK(occurrences(markdown, "</details>") == 10);
  CHECK(occurrences(markdown, "<details open>") == 1);
  CHECK(markdown.find("| 2 | Have backups | ❌ | 1 | 2 | 0 | 0 | 0 | 0 |") != std::string::npos);
  CHECK(markdown.find("| 4 | Detection | ✅ | 0 | 0 | 0 | 0 | 0 | 0 |") != std::string::npos);
  CHECK(markdown.find("a \\| b with \\*stars\\* and \\<tags\\>") != std::string::npos);
  CHECK(markdown.find("``dir\\|x/`odd`.tf``") != std::string::npos);
  CHECK(markdown.find("<em>detail \\| with pipe</em>") != std::string::npos);
  CHECK(markdown.find("[`budget-alarm-present`](https://github.com/iacscan/iacscan/blob/main/"
                      "docs/rules/budget-alarm-present.md)") != std::string::npos);
  CHECK(markdown.ends_with("</details>\n"));
  // Every table row of a control has exactly five unescaped pipes.
  for (const std::string& line : lines_of(markdown)) {
    if (!line.starts_with("| ❌ missing") && !line.starts_with("| ✅ met")) continue;
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
    }
    CHECK_MESSAGE(pipes == 5, line);
  }
}

TEST_CASE("roadmap markdown: an incomplete scan says so first") {
  ScanResult result = two_of_three();
  result.diagnostics.push_back(
      Diagnostic{DiagnosticCode::read_error, "unreadable", at("x.tf"), {}, DiagnosticLevel::error});
  const std::string markdown = render_roadmap_markdown(build_roadmap(result));
  CHECK(markdown.find("> [!WARNING]\n> The scan is incomplete") != std::string::npos);
}

TEST_CASE("roadmap json: versioned, every key present, statuses and counts per stage") {
  ScanResult result = two_of_three();
  result.files_scanned = 3;
  ControlAssessment& backup = result.controls.at(0);
  REQUIRE(backup.rule_id == "backup-plan-present");
  backup.detail = "no backup plan selects any resource";
  const std::string rendered = render_roadmap_json(build_roadmap(result));
  const Json json = Json::parse(rendered);

  CHECK(json["schemaVersion"] == 1);
  CHECK(json["tool"]["name"] == "iacscan");
  CHECK(json["tool"]["version"].is_string());
  CHECK(json["highestStageMet"] == 1);
  CHECK(json["nextStage"] == 2);
  CHECK(json["complete"] == true);
  CHECK(json["filesScanned"] == 3);
  REQUIRE(json["stages"].size() == 10);
  const Json& stage2 = json["stages"][1];
  CHECK(stage2["number"] == 2);
  CHECK(stage2["name"] == "Have backups");
  CHECK(stage2["met"] == false);
  CHECK(stage2["counts"] == Json{{"met", 1},
                                 {"missing", 1},
                                 {"undecided", 0},
                                 {"needsConfiguration", 0},
                                 {"notApplicable", 0},
                                 {"notRun", 0}});
  const Json& plan = stage2["controls"][0];
  CHECK(plan["ruleId"] == "backup-plan-present");
  CHECK(plan["severity"] == "high");
  CHECK(plan["scope"] == "account");
  CHECK(plan["status"] == "missing");
  CHECK(plan["files"] == Json::array());
  CHECK(plan["evidence"] == Json::array());
  CHECK(plan["missingConfig"] == Json::array());
  CHECK(plan["detail"] == "no backup plan selects any resource");
  const Json& budget = json["stages"][0]["controls"][0];
  CHECK(budget["evidence"][0] == Json{{"path", "org/budgets.tf"},
                                      {"startLine", 3},
                                      {"startColumn", 1},
                                      {"endLine", 3},
                                      {"endColumn", 10}});
  CHECK(json["nextSteps"].size() == 1);
  CHECK(json["nextSteps"][0]["ruleId"] == "backup-plan-present");
  CHECK(json["nextConfiguration"] == Json::array());
  // Key order is part of the contract (diffs of committed reports stay readable).
  CHECK(rendered.find("\"schemaVersion\"") < rendered.find("\"tool\""));
  CHECK(rendered.find("\"highestStageMet\"") < rendered.find("\"stages\""));
  CHECK(rendered.find("\"stages\"") < rendered.find("\"nextSteps\""));
}

TEST_CASE("roadmap: renderers are deterministic") {
  const ScanResult result = two_of_three();
  CHECK(render_roadmap_json(build_roadmap(result)) == render_roadmap_json(build_roadmap(result)));
  CHECK(render_roadmap_markdown(build_roadmap(result)) ==
        render_roadmap_markdown(build_roadmap(result)));
  CHECK(render_roadmap_text(build_roadmap(result), true) ==
        render_roadmap_text(build_roadmap(result), true));
}

TEST_CASE("roadmap json: a path that is not UTF-8 does not throw") {
  ScanResult result =
      ResultBuilder{}.add(make_rule("x", 1), ControlStatus::missing, {at("bad\xff.tf")}).build();
  std::string rendered;
  CHECK_NOTHROW(rendered = render_roadmap_json(build_roadmap(result)));
  CHECK(Json::parse(rendered)["stages"][0]["controls"][0]["files"][0] == "bad\xEF\xBF\xBD.tf");
}
