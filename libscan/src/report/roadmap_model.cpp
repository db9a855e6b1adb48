// build_roadmap: each loaded rule becomes a control of its stage, with the status the engine
// assessed for it; stages are judged from their controls, and the next stage's blocking
// controls become the next steps. docs/roadmap.md explains the judgement to users.
#include <algorithm>
#include <map>
#include <string_view>

#include "iacscan/roadmap.hpp"
#include "report/roadmap_common.hpp"
#include "report/sarif_report.hpp"

namespace iacscan {
namespace {

using detail::kRoadmapStageCount;

RoadmapControl make_control(const RuleInfo& rule, const ControlAssessment* assessment) {
  RoadmapControl control;
  control.rule_id = rule.id;
  control.title = rule.title;
  control.severity = rule.severity;
  control.scope = rule.scope;
  if (detail::has_rule_page(rule)) control.help_uri = detail::rule_help_uri(rule.id);
  // A rule the engine did not assess (assess_controls off, or a rule it skipped) says nothing
  // about its stage either way.
  if (assessment == nullptr) return control;
  control.status = assessment->status;
  control.evidence = assessment->evidence;
  control.missing_config = assessment->missing_config;
  control.detail = assessment->detail;
  // Sorted and unique whatever the engine's order, so the reports stay byte-identical.
  std::sort(control.evidence.begin(), control.evidence.end());
  control.evidence.erase(std::unique(control.evidence.begin(), control.evidence.end()),
                         control.evidence.end());
  for (const Location& location : control.evidence) control.files.push_back(location.path);
  std::sort(control.files.begin(), control.files.end());
  control.files.erase(std::unique(control.files.begin(), control.files.end()), control.files.end());
  return control;
}

bool listed_before(const RoadmapControl& a, const RoadmapControl& b) {
  const int rank_a = detail::scope_rank(a.scope);
  const int rank_b = detail::scope_rank(b.scope);
  if (rank_a != rank_b) return rank_a < rank_b;
  return a.rule_id < b.rule_id;
}

// Most severe first: those are the gaps attackers use. Then the landing-zone controls, since
// one account-level resource closes them for every workload.
bool more_urgent(const RoadmapControl& a, const RoadmapControl& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  return listed_before(a, b);
}

bool stage_met(const RoadmapStage& stage) {
  return std::none_of(stage.controls.begin(), stage.controls.end(), [](const RoadmapControl& c) {
    return detail::counts_against_stage(c.status);
  });
}

}  // namespace

Roadmap build_roadmap(const ScanResult& result) {
  Roadmap roadmap;
  roadmap.files_scanned = result.files_scanned;
  roadmap.complete = result.complete();

  std::map<std::string_view, const ControlAssessment*> assessments;
  for (const ControlAssessment& assessment : result.controls) {
    assessments.emplace(assessment.rule_id, &assessment);
  }

  for (int number = 1; number <= kRoadmapStageCount; ++number) {
    RoadmapStage stage;
    stage.number = number;
    stage.name = std::string(detail::roadmap_stage_name(number));
    roadmap.stages.push_back(std::move(stage));
  }
  for (const RuleInfo& rule : result.rules) {
    // A user's rule may name no stage (or a wrong one): it is not a roadmap control.
    if (rule.stage < 1 || rule.stage > kRoadmapStageCount) continue;
    const auto it = assessments.find(rule.id);
    const ControlAssessment* assessment = it == assessments.end() ? nullptr : it->second;
    roadmap.stages[static_cast<std::size_t>(rule.stage - 1)].controls.push_back(
        make_control(rule, assessment));
  }

  bool all_met_so_far = true;
  for (RoadmapStage& stage : roadmap.stages) {
    std::stable_sort(stage.controls.begin(), stage.controls.end(), listed_before);
    stage.met = stage_met(stage);
    all_met_so_far = all_met_so_far && stage.met;
    if (all_met_so_far) roadmap.highest_stage_met = stage.number;
  }

  const int next = detail::next_stage_number(roadmap);
  if (next == 0) return roadmap;
  for (const RoadmapControl& control :
       roadmap.stages[static_cast<std::size_t>(next - 1)].controls) {
    if (detail::counts_against_stage(control.status)) roadmap.next_steps.push_back(control);
    if (control.status == ControlStatus::needs_configuration) {
      roadmap.next_configuration.push_back(control);
    }
  }
  std::stable_sort(roadmap.next_steps.begin(), roadmap.next_steps.end(), more_urgent);
  return roadmap;
}

}  // namespace iacscan
