// The roadmap maturity report: where a scanned landing zone stands on the AWS Security Maturity
// Roadmap (Summit Route, 2021). Built from a scan run with ScanOptions::assess_controls and
// account_rules; rendered as text, Markdown or JSON (docs/roadmap-schema.json, docs/roadmap.md).
// A Roadmap is a plain value copied out of the result; building and rendering are pure
// functions, safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "iacscan/export.hpp"
#include "iacscan/scan_result.hpp"

namespace iacscan {

struct RoadmapControl {
  std::string rule_id;
  std::string title;
  Severity severity = Severity::medium;
  RuleScope scope = RuleScope::resource;
  ControlStatus status = ControlStatus::not_run;
  std::vector<std::string> files;           // evidence files, sorted, unique
  std::vector<Location> evidence;           // as in ControlAssessment
  std::vector<std::string> missing_config;  // needs_configuration: keys to set
  std::string detail;
  // The rule's documentation page (docs/rules/<id>.md on GitHub); empty for a user's rule
  // loaded with --policy-dir, which has none.
  std::string help_uri;
};

struct RoadmapStage {
  int number = 0;    // 1..10
  std::string name;  // "Inventory", "Have backups", ...
  // Sorted: account rules first, then org-config rules, then resource rules; by id within each.
  std::vector<RoadmapControl> controls;
  // No control is missing or undecided (not applicable and needs-configuration do not count
  // against a stage; they are listed).
  bool met = false;
};

struct Roadmap {
  std::vector<RoadmapStage> stages;  // always ten
  // The highest N such that stages 1..N are all met; 0 when stage 1 is not.
  int highest_stage_met = 0;
  // What would reach the next stage: its missing and undecided controls, most severe first.
  std::vector<RoadmapControl> next_steps;
  // The next stage's controls that need configuration: setting their keys (missing_config)
  // would let iacscan judge more of that stage.
  std::vector<RoadmapControl> next_configuration;
  std::size_t files_scanned = 0;
  bool complete = true;  // false when some file could not be parsed
};

// Every control of a result scanned without ScanOptions::assess_controls is not_run, so no
// stage is met: scan with assess_controls and account_rules (what `iacscan roadmap` does).
IACSCAN_API Roadmap build_roadmap(const ScanResult& result);

IACSCAN_API std::string render_roadmap_text(const Roadmap& roadmap, bool color = false);
IACSCAN_API std::string render_roadmap_markdown(const Roadmap& roadmap);
// Versioned: {"schemaVersion": 1, ...}, see docs/roadmap-schema.json.
IACSCAN_API std::string render_roadmap_json(const Roadmap& roadmap);

}  // namespace iacscan
