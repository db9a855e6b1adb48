// Reports are pure functions of a ScanResult: same result, byte-identical output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "iacscan/export.hpp"
#include "iacscan/scan_result.hpp"

namespace iacscan {

enum class ReportFormat { text, json, sarif, junit, markdown, github };

struct ReportOptions {
  bool color = false;        // ANSI colour in text reports
  std::string tool_version;  // written into SARIF; defaults to the library version
};

// "text", "json", "sarif", "junit", "markdown", "github" → format; nullopt for an unknown name.
IACSCAN_API std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept;
IACSCAN_API std::string render_report(const ScanResult& result, ReportFormat format,
                                      const ReportOptions& options = {});

}  // namespace iacscan
