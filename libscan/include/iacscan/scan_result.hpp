// ScanResult: what a scan found, sorted deterministically (path, line, column, rule).
#pragma once

#include <cstddef>
#include <vector>

#include "iacscan/finding.hpp"
#include "iacscan/rule.hpp"

namespace iacscan {

struct ScanResult {
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;  // files that could not be read or parsed
  std::vector<RuleInfo> rules;          // every rule that ran, sorted by id
  std::size_t files_scanned = 0;        // IaC files loaded (parsed or attempted)

  // False when some file could not be read or parsed (an error-level diagnostic): the
  // findings may be incomplete.
  bool complete() const noexcept {
    for (const Diagnostic& d : diagnostics) {
      if (d.level == DiagnosticLevel::error) return false;
    }
    return true;
  }
};

}  // namespace iacscan
