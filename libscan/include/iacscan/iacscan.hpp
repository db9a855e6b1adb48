// Umbrella header: everything a consumer of the iacscan library needs (docs/library.md).
//
//   auto scanner = iacscan::Scanner::create(options);         // once: loads the rules
//   auto result = scanner->scan({"infra"});                   // as often as needed
//   std::string text = iacscan::render_report(*result, iacscan::ReportFormat::text);
//
// Conventions throughout: failures are Result<T> values, never exceptions; everything returned
// is a value that owns its data (no views into the library, except to_string's static text); a
// Scanner serves concurrent scans; reports and roadmaps are pure functions of a ScanResult.
#pragma once

#include "iacscan/baseline.hpp"
#include "iacscan/changed_files.hpp"
#include "iacscan/config.hpp"
#include "iacscan/finding.hpp"
#include "iacscan/location.hpp"
#include "iacscan/options.hpp"
#include "iacscan/report.hpp"
#include "iacscan/result.hpp"
#include "iacscan/roadmap.hpp"
#include "iacscan/rule.hpp"
#include "iacscan/rule_docs.hpp"
#include "iacscan/scan_result.hpp"
#include "iacscan/scanner.hpp"
#include "iacscan/severity.hpp"
#include "iacscan/version.hpp"
