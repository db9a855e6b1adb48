// Reports are pure functions of a ScanResult: same result, byte-identical output (no clock,
// environment or file system is read). Safe to call from several threads, on the same result
// too. docs/reports.md describes each format.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "iacscan/export.hpp"
#include "iacscan/scan_result.hpp"

namespace iacscan {

enum class ReportFormat { text, json, sarif, junit, markdown, github };

struct ReportOptions {
  bool color = false;        // ANSI colour in text reports; the caller decides (NO_COLOR, a tty)
  std::string tool_version;  // written into SARIF; defaults to the library version
};

// "text", "json", "sarif", "junit", "markdown", "github" → format; nullopt for an unknown name.
IACSCAN_API std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept;
// The whole report as one string; the caller writes it where it wants.
IACSCAN_API std::string render_report(const ScanResult& result, ReportFormat format,
                                      const ReportOptions& options = {});

}  // namespace iacscan
