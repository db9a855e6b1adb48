// Account rules (and org-config rules about the organization as a whole) are judged once over
// the whole scanned set: their `control` condition says when the set has the control, and a
// finding says it does not. The verdicts also feed the roadmap report, with the resources that
// prove the control met (or show where it falls short).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/evaluator.hpp"

namespace iacscan::detail {

// The native type of the stand-in resource an account rule judges: built-in predicates that
// read the whole set (SCP guardrails) find everything through PredicateInput::context.
inline constexpr const char* kScannedSetType = "iacscan::ScannedSet";

struct AccountVerdict {
  std::size_t rule = 0;          // index into PolicySet::rules
  bool ran = false;              // false: not asked for, or configuration missing
  Truth holds = Truth::unknown;  // does the scanned set have the control?
  PresenceEvidence evidence;     // what `present` tests saw
  Outcome outcome;               // the control's outcome (detail, predicate spans)
};

struct AccountEvaluation {
  std::vector<AccountVerdict> verdicts;  // one per whole-set rule, in rule order
  std::vector<RawFinding> findings;      // missing controls (and undecided, on request)
};

// Runs every whole-set rule whose configuration is present. `options.report_unknowns` turns
// undecided controls into review findings.
AccountEvaluation evaluate_account_rules(const PolicySet& policies, const ResourceGraph& graph,
                                         const EvaluationOptions& options);

}  // namespace iacscan::detail
