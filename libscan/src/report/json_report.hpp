// The JSON report: everything a scan knows, for tools (dashboards, bots, custom gates).
// docs/report-schema.json is the contract, docs/reports.md explains it.
#pragma once

#include <string>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_json_report(const ScanResult& result, const ReportOptions& options);

}  // namespace iacscan::detail
