// Baselines: adopt iacscan on a code base with known findings and fail only on new ones.
// A baseline is a JSON file of the findings' fingerprints (which do not change when lines move)
// plus enough of each finding to report it again when it disappears. The caller reads and
// writes the file; these functions only produce and consume its text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "iacscan/export.hpp"
#include "iacscan/result.hpp"
#include "iacscan/scan_result.hpp"

namespace iacscan {

// The baseline of a result: its active findings (ScanResult::is_active, ignoring any earlier
// baseline state), sorted, as versioned JSON (docs/baselines.md). Same result, same bytes.
IACSCAN_API std::string render_baseline(const ScanResult& result);

// Marks every finding new or unchanged against `baseline_json` (the text render_baseline wrote)
// and fills result.absent_findings with the baseline's findings that are gone. Findings with
// the same fingerprint are matched by count: two in the baseline and three now leave one new.
// Suppressed and review findings are matched too but never counted as new. Changes `result` in
// place, so no other thread may read it meanwhile. An Error (invalid_option) when the text is
// not a baseline; else the number of new active findings.
IACSCAN_API Result<std::size_t> apply_baseline(ScanResult& result, std::string_view baseline_json);

}  // namespace iacscan
