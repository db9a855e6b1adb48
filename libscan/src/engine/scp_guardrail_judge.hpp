// Judging guardrails on the SCP set: whether a request is denied to an ordinary principal on
// every path of a subject (scp_guardrail_scope.hpp) in every region that matters, and the
// verdict over all subjects as one outcome for an account rule.
//
// Regions: a request is asked about in each region the SCPs name in aws:RequestedRegion
// conditions (a pattern stands for a region it matches), each approved region
// (organization.approved_regions) and one region named nowhere, so a region restriction never
// passes for a guardrail: the guardrail must hold in the regions left open too. When no SCP
// names a region, the region is left unknown (nothing depends on it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/builtin_predicates.hpp"
#include "engine/scp_guardrail_scope.hpp"
#include "engine/scp_guardrail_spec.hpp"
#include "iam/scp_guardrail.hpp"

namespace iacscan::detail::predicates {

// A subject's verdict: whether it has the guardrail, and what it lacks (or why undecided).
struct SubjectVerdict {
  Truth met = Truth::true_;
  std::string shortfall;
  std::vector<const iam::Policy*> proof;  // the SCPs that deny, when met
};

// The regions to ask about (see above); {""} when no SCP names one.
std::vector<std::string> probe_regions(const ScpScope& scope, const ScanOptions* options);
// A region that no SCP names and no approved region is: where a region restriction denies.
std::string unlisted_region(const ScpScope& scope, const ScanOptions* options);
// A region a pattern matches ("eu-*" gives "eu-a"); the region itself when it has no wildcard.
std::string region_for(std::string_view pattern);

// The guardrail query for a probe in a region: its resource made concrete (wildcards filled
// in with the region, the probe principal's account and a name), its context keys lowercased.
iam::GuardrailQuery query_for(const DenyProbe& probe, const std::string& region);

// The guardrail query's answer whatever request tags the caller sends: the caller picks them,
// so a Deny that applies only with (or only without) some tag is no guardrail. The request is
// asked about with no tags (aws:TagKeys empty) and with one tag no SCP names; it is denied
// when both are (unknown when neither is false and one is unknown). A query whose context
// fixes aws:TagKeys is asked as it is.
iam::GuardrailResult denied_whatever_tags(const std::vector<iam::ScpLevel>& path,
                                          const iam::GuardrailQuery& query);

// Whether some path of the subject denies the request in every region given, by itself (so a
// document of a scanned set counts only if it denies the request everywhere alone).
// `failed_region` names, for a subject with one path denied in the first region, the first
// region where it is not;
// `why_unknown` what an undecided answer depends on.
struct DenialAnswer {
  Truth denied = Truth::true_;
  std::string failed_region;
  std::string why_unknown;
  std::vector<const iam::Policy*> proof;
};
DenialAnswer denied_everywhere(const ScpSubject& subject, const DenyProbe& probe,
                               const std::vector<std::string>& regions);

// Every requirement of the specification on one subject.
SubjectVerdict judge_requirements(const ScpSubject& subject, const GuardrailSpec& spec,
                                  const std::vector<std::string>& regions);

using SubjectJudge = std::function<SubjectVerdict(const ScpScope&, const ScpSubject&)>;

// The control's outcome over every subject the selection names: true when each has the
// guardrail; false when one lacks it (the detail names every subject that does, the outcome
// points at the first one's declaration or attachment); unknown when one is undecided, or
// lacks it only where an attachment the scan cannot follow might add it. With no SCP in the
// scan at all, false ("no SCP in the scanned set"). Records evidence in the context.
Outcome judge_subjects(const PredicateInput& input, const TargetSelection& selection,
                       const SubjectJudge& judge);

}  // namespace iacscan::detail::predicates
