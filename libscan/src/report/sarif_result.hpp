// SARIF result objects: one per finding, suppressed and undecided ones included, then one per
// baseline finding this scan no longer produces (baselineState "absent").
#pragma once

#include <string>
#include <string_view>

#include "iacscan/scan_result.hpp"
#include "report/sarif_location.hpp"

namespace iacscan::detail {

// result.findings, then result.absent_findings, each in the result's order.
SarifJson sarif_results(const ScanResult& result);

// result.level and a rule's defaultConfiguration.level: error, warning or note.
std::string_view sarif_level(Severity severity);

// `preferred` without surrounding blanks, or `fallback` when that leaves nothing: SARIF text
// properties must not be empty.
std::string trimmed_or(std::string_view preferred, std::string_view fallback);

}  // namespace iacscan::detail
