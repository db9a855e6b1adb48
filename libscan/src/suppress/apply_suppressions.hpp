// The suppression pass: gathers every suppression the scan can see (comments in the sources,
// CloudFormation Metadata skips, the configuration's entries), marks the findings each one
// covers, and reports the suppressions themselves when they lack a reason or match nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/policy_set.hpp"
#include "graph/resource_graph.hpp"
#include "iacscan/options.hpp"
#include "iacscan/scan_result.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// What the pass needs to know about a finding beyond its public fields: which files it is in
// and where its resource is declared.
struct SuppressionSubject {
  FileId location_file = kNoFile;        // the file of Finding::location
  FileId resource_file = kNoFile;        // kNoFile for findings about the whole scanned set
  std::uint32_t resource_name_line = 0;  // the line that declares the resource
  std::uint32_t resource_first_line = 0;
  std::uint32_t resource_last_line = 0;
  const std::vector<Skip>* skips = nullptr;  // the resource's Metadata skips
};

struct SuppressionInputs {
  const SourceSet& sources;
  const PolicySet& policies;
  const ResourceGraph& graph;
  const ScanOptions& options;
};

// `subjects[i]` describes `findings[i]`. Appends the findings of the suppression rules to
// `findings` and problems with suppressions (unknown rule ids, bad dates) to `diagnostics`.
void apply_suppressions(std::vector<Finding>& findings,
                        const std::vector<SuppressionSubject>& subjects,
                        const SuppressionInputs& inputs, std::vector<Diagnostic>& diagnostics);

// Today's date in UTC as "YYYY-MM-DD" (ScanOptions::today when set).
std::string suppression_today(const ScanOptions& options);

}  // namespace iacscan::detail
