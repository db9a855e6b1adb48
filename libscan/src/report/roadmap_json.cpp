// The roadmap report as JSON for tools (dashboards, CI gates): every stage, every control with
// all its evidence, and all of the next stage's blocking controls. docs/roadmap-schema.json is
// the contract; schemaVersion changes only when a field changes meaning or goes away. Built with
// nlohmann::ordered_json so keys keep the order written here and the same Roadmap always gives
// the same bytes. Every key is always present (empty lists, "" or null), so consumers need no
// existence checks.
#include <nlohmann/json.hpp>

#include "iacscan/roadmap.hpp"
#include "iacscan/version.hpp"
#include "report/json_location.hpp"
#include "report/roadmap_common.hpp"

namespace iacscan {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

std::string_view camel_case_status(ControlStatus status) {
  switch (status) {
    case ControlStatus::met:
      return "met";
    case ControlStatus::missing:
      return "missing";
    case ControlStatus::not_applicable:
      return "notApplicable";
    case ControlStatus::needs_configuration:
      return "needsConfiguration";
    case ControlStatus::undecided:
      return "undecided";
    case ControlStatus::not_run:
      return "notRun";
  }
  return "notRun";
}

Json control_json(const RoadmapControl& control) {
  Json json = Json::object();
  json["ruleId"] = control.rule_id;
  json["title"] = control.title;
  json["severity"] = to_string(control.severity);
  json["scope"] = detail::scope_name(control.scope);
  json["status"] = to_string(control.status);
  json["helpUri"] = control.help_uri.empty() ? Json(nullptr) : Json(control.help_uri);
  json["files"] = control.files;
  Json evidence = Json::array();
  for (const Location& location : control.evidence)
    evidence.push_back(detail::location_json(location));
  json["evidence"] = std::move(evidence);
  json["missingConfig"] = control.missing_config;
  json["detail"] = control.detail;
  return json;
}

Json controls_json(const std::vector<RoadmapControl>& controls) {
  Json json = Json::array();
  for (const RoadmapControl& control : controls) json.push_back(control_json(control));
  return json;
}

Json stage_json(const RoadmapStage& stage) {
  Json json = Json::object();
  json["number"] = stage.number;
  json["name"] = stage.name;
  json["met"] = stage.met;
  const detail::StatusCounts counts = detail::count_statuses(stage.controls);
  Json by_status = Json::object();
  for (ControlStatus status : detail::kStatusOrder) {
    by_status[std::string(camel_case_status(status))] = counts.of(status);
  }
  json["counts"] = std::move(by_status);
  json["controls"] = controls_json(stage.controls);
  return json;
}

}  // namespace

std::string render_roadmap_json(const Roadmap& roadmap) {
  Json json = Json::object();
  json["schemaVersion"] = kSchemaVersion;
  json["tool"] = Json{{"name", "iacscan"}, {"version", std::string(version())}};
  json["highestStageMet"] = roadmap.highest_stage_met;
  const int next = detail::next_stage_number(roadmap);
  json["nextStage"] = next == 0 ? Json(nullptr) : Json(next);
  json["complete"] = roadmap.complete;
  json["filesScanned"] = roadmap.files_scanned;
  Json stages = Json::array();
  for (const RoadmapStage& stage : roadmap.stages) stages.push_back(stage_json(stage));
  json["stages"] = std::move(stages);
  json["nextSteps"] = controls_json(roadmap.next_steps);
  json["nextConfiguration"] = controls_json(roadmap.next_configuration);
  // error_handler::replace: a path that is not valid UTF-8 must not throw out of a report.
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace iacscan
