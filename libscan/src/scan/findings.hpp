// Turns raw engine findings into public Findings: locations, excerpts, stable fingerprints,
// and the deterministic order every report relies on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluator.hpp"
#include "iacscan/scan_result.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// `whole_set_path`: where findings about the scanned set as a whole point when no resource
// stands for them (the first path the scan was given). Applies the suppressions (which may add
// findings of the suppression rules and diagnostics about malformed suppressions).
std::vector<Finding> finalize_findings(std::vector<RawFinding> raw, const PolicySet& policies,
                                       const ResourceGraph& graph, const SourceSet& sources,
                                       const std::string& whole_set_path,
                                       const ScanOptions& options,
                                       std::vector<Diagnostic>& diagnostics);

// A finding's stable identity: a hash of the parts, never of line numbers.
std::string fingerprint_of(const std::vector<std::string_view>& parts);

// Excerpt of `location` from the file's content: two lines of context, then the located lines
// (at most eight).
Excerpt make_excerpt(const std::string& content, const Location& location);

// Sorts diagnostics and adds excerpts where they have a line.
void finalize_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceSet& sources);

}  // namespace iacscan::detail
