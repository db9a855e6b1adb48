#include "suppress/suppression_rules.hpp"

#include <algorithm>
#include <string>

namespace iacscan::detail {
namespace {

Rule make_rule(std::string_view id, std::string title, std::string description,
               std::string remediation, std::string message) {
  Rule rule;
  RuleInfo& info = rule.info;
  info.id = std::string(id);
  info.title = std::move(title);
  info.severity = Severity::low;
  info.category = "suppressions";
  info.scope = RuleScope::resource;
  info.description = std::move(description);
  info.remediation = std::move(remediation);
  info.message = std::move(message);
  info.tags = {"suppression"};
  info.source_path = "builtin:suppressions";
  // No kinds: the engine never evaluates these; the suppression pass reports them.
  return rule;
}

}  // namespace

std::vector<Rule> suppression_rules() {
  std::vector<Rule> rules;
  rules.push_back(make_rule(
      kSuppressionWithoutReasonRule, "A suppression does not say why",
      "A suppression (an iacscan:ignore comment, a CloudFormation Metadata skip, a "
      "configuration entry, or another scanner's suppression that iacscan honours) hides a "
      "finding from every report and from the exit code. Without a reason, reviewers cannot "
      "tell an accepted risk from a silenced alarm, and nobody can tell later whether the "
      "reason still holds. The suppression still takes effect; this finding asks for the "
      "reason.",
      "Write the reason after the rule ids (`# iacscan:ignore s3-bucket-public-acl Public "
      "website, approved in SEC-123`), in the Metadata entry's `reason` (checkov: `comment`), "
      "or in the configuration entry's `reason`. Prefer an expiry date too: "
      "`s3-bucket-public-acl:exp:2027-01-31`. To accept suppressions without reasons, turn "
      "this rule off in .iacscan.yaml (`rules: {suppression-without-reason: off}`).",
      "{value} gives no reason"));
  rules.push_back(make_rule(
      kUnusedSuppressionRule, "A suppression matches no finding",
      "A suppression that matches nothing is stale: the resource was fixed, renamed or "
      "removed, or the rule id is for a rule that no longer fires there. Stale suppressions "
      "are dangerous because they silently hide the next real finding at that place. Reported "
      "only with --report-unused-suppressions (or report_unused_suppressions in the library "
      "options), since a partial scan cannot know what the whole set would match.",
      "Remove the suppression, or move it to the line or resource it was meant for.",
      "{value} matched no finding"));
  return rules;
}

void add_suppression_rules(PolicySet& policies) {
  for (Rule& rule : suppression_rules()) {
    const bool taken = std::any_of(policies.rules.begin(), policies.rules.end(),
                                   [&](const Rule& r) { return r.info.id == rule.info.id; });
    if (!taken) policies.rules.push_back(std::move(rule));
  }
  std::stable_sort(policies.rules.begin(), policies.rules.end(),
                   [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
}

}  // namespace iacscan::detail
