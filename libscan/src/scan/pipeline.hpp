// The scan pipeline: read and load files in parallel, build the graph, evaluate the rules,
// and assemble a deterministic ScanResult.
#pragma once

#include <vector>

#include "cloudformation/context.hpp"
#include "engine/policy_set.hpp"
#include "iacscan/options.hpp"
#include "iacscan/scan_result.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// `read_from_disk`: fill each file's content from fs_path first (false for in-memory buffers).
// `cloudformation`: parameter values for every template, read once per Scanner.
// `diagnostics`: problems found before loading (e.g. during discovery).
// `scan_roots`: canonical directories the scan was given; Terraform's file functions and
// modules read from disk stay inside them.
ScanResult run_pipeline(SourceSet& sources, bool read_from_disk, const PolicySet& policies,
                        const CloudFormationContext& cloudformation, const ScanOptions& options,
                        std::vector<Diagnostic> diagnostics,
                        std::vector<std::string> scan_roots = {});

}  // namespace iacscan::detail
