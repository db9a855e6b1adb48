// What the C API's opaque handles are. The C header only declares these structs; C callers see
// pointers, never members.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "iacscan/scan_result.hpp"
#include "iacscan/scanner.hpp"

struct iacscan_scanner {
  explicit iacscan_scanner(iacscan::Scanner s) : scanner(std::move(s)) {}
  iacscan::Scanner scanner;
};

// Views into a result's findings and diagnostics, so that accessors hand out stable pointers
// without copying: they live exactly as long as the result that owns them.
struct iacscan_finding {
  const iacscan::Finding* finding;
};

struct iacscan_diagnostic {
  const iacscan::Diagnostic* diagnostic;
};

struct iacscan_result {
  explicit iacscan_result(iacscan::ScanResult r);
  // The views point into `result`, so the handle never moves.
  iacscan_result(const iacscan_result&) = delete;
  iacscan_result& operator=(const iacscan_result&) = delete;

  iacscan::ScanResult result;
  std::vector<iacscan_finding> findings;
  std::vector<iacscan_diagnostic> diagnostics;
};
