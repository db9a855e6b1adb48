// Each rule judged as a roadmap control over the whole scan (ScanOptions::assess_controls):
// met, missing, not applicable, needing configuration, undecided or not run, with the
// locations that prove it.
#pragma once

#include <vector>

#include "engine/account_evaluator.hpp"
#include "iacscan/scan_result.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// `findings` must include review findings (undecided checks), whether or not the user asked
// for them: an undecided check keeps a control from being met.
std::vector<ControlAssessment> assess_controls(const PolicySet& policies,
                                               const ResourceGraph& graph, const SourceSet& sources,
                                               const std::vector<Finding>& findings,
                                               const AccountEvaluation& account,
                                               const ScanOptions& options);

}  // namespace iacscan::detail
