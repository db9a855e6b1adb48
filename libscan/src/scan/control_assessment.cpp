#include "scan/control_assessment.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/configuration_facts.hpp"
#include "engine/rule.hpp"
#include "iam/embedded_policies.hpp"
#include "suppress/suppression_rules.hpp"

namespace iacscan::detail {
namespace {

// Enough locations to show where the proof is without listing every resource of a big scan.
constexpr std::size_t kMaxEvidence = 20;

bool judges(const Rule& rule, const Resource& r) {
  for (const std::string& kind : rule.info.kinds) {
    if (kind == kAllResourcesSelector) return true;
    if (kind == kPolicyDocumentsSelector && iam::may_hold_policies(r.native_type)) return true;
    if (r.native_type == kind || (!r.folded && r.kind == kind)) return true;
  }
  return false;
}

Location where(const Resource& r, const SourceSet& sources) {
  return sources.location(r.name_span.valid() ? r.name_span : r.span);
}

void finish(std::vector<Location>& evidence) {
  std::sort(evidence.begin(), evidence.end());
  evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
  if (evidence.size() > kMaxEvidence) evidence.resize(kMaxEvidence);
}

void assess_whole_set(ControlAssessment& out, const AccountVerdict& verdict,
                      const ResourceGraph& graph, const SourceSet& sources,
                      const std::vector<const Finding*>& findings) {
  if (!verdict.ran) return;  // not_run
  switch (verdict.holds) {
    case Truth::true_:
      out.status = ControlStatus::met;
      for (std::size_t i : verdict.evidence.met)
        out.evidence.push_back(where(graph.resources[i], sources));
      break;
    case Truth::false_:
      out.status = ControlStatus::missing;
      for (const Finding* f : findings)
        if (f->location.has_position()) out.evidence.push_back(f->location);
      for (std::size_t i : verdict.evidence.near_miss)
        out.evidence.push_back(where(graph.resources[i], sources));
      out.detail = verdict.outcome.detail;
      break;
    case Truth::unknown:
      out.status = ControlStatus::undecided;
      out.detail = unknown_reason(verdict.outcome);
      for (std::size_t i : verdict.evidence.near_miss)
        out.evidence.push_back(where(graph.resources[i], sources));
      break;
  }
}

void assess_per_resource(ControlAssessment& out, const Rule& rule, const ResourceGraph& graph,
                         const SourceSet& sources, const std::vector<const Finding*>& findings) {
  std::size_t failures = 0;
  std::size_t reviews = 0;
  for (const Finding* f : findings) (f->kind == FindingKind::fail ? failures : reviews)++;
  if (failures > 0 || reviews > 0) {
    const bool failed = failures > 0;
    out.status = failed ? ControlStatus::missing : ControlStatus::undecided;
    for (const Finding* f : findings) {
      if ((f->kind == FindingKind::fail) == failed) out.evidence.push_back(f->location);
    }
    const std::size_t n = failed ? failures : reviews;
    out.detail =
        std::to_string(n) + (failed ? " finding" : " undecided check") + (n == 1 ? "" : "s");
    if (!failed) out.detail = findings.front()->message;
    return;
  }
  out.status = ControlStatus::not_applicable;
  for (const Resource& r : graph.resources) {
    if (!judges(rule, r)) continue;
    out.status = ControlStatus::met;
    out.evidence.push_back(where(r, sources));
  }
}

}  // namespace

std::vector<ControlAssessment> assess_controls(const PolicySet& policies,
                                               const ResourceGraph& graph, const SourceSet& sources,
                                               const std::vector<Finding>& findings,
                                               const AccountEvaluation& account,
                                               const ScanOptions& options) {
  std::unordered_map<std::string, std::vector<const Finding*>> by_rule;
  for (const Finding& f : findings) by_rule[f.rule_id].push_back(&f);
  std::unordered_map<std::size_t, const AccountVerdict*> verdicts;
  for (const AccountVerdict& v : account.verdicts) verdicts[v.rule] = &v;

  std::vector<ControlAssessment> out;
  for (std::size_t i = 0; i < policies.rules.size(); ++i) {
    const Rule& rule = policies.rules[i];
    if (is_suppression_rule(rule.info)) continue;  // about suppressions, not a control
    ControlAssessment control;
    control.rule_id = rule.info.id;
    for (const std::string& key : rule.info.requires_config) {
      if (!configuration_fact_is_set(options, key)) control.missing_config.push_back(key);
    }
    if (!control.missing_config.empty()) {
      control.status = ControlStatus::needs_configuration;
    } else if (rule.info.judges_whole_set) {
      if (auto it = verdicts.find(i); it != verdicts.end())
        assess_whole_set(control, *it->second, graph, sources, by_rule[rule.info.id]);
    } else {
      assess_per_resource(control, rule, graph, sources, by_rule[rule.info.id]);
    }
    finish(control.evidence);
    out.push_back(std::move(control));
  }
  std::sort(out.begin(), out.end(), [](const ControlAssessment& a, const ControlAssessment& b) {
    return a.rule_id < b.rule_id;
  });
  return out;
}

}  // namespace iacscan::detail
