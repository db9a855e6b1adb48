// Report entry points: the format names the command line accepts, and the dispatch from a
// format to its renderer. Each renderer is a pure function of the ScanResult.
#include "iacscan/report.hpp"

#include <array>
#include <utility>

#include "report/github_report.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/markdown_report.hpp"
#include "report/sarif_report.hpp"
#include "report/text_report.hpp"

namespace iacscan {

namespace {

constexpr std::array<std::pair<std::string_view, ReportFormat>, 6> kFormatNames = {{
    {"text", ReportFormat::text},
    {"json", ReportFormat::json},
    {"sarif", ReportFormat::sarif},
    {"junit", ReportFormat::junit},
    {"markdown", ReportFormat::markdown},
    {"github", ReportFormat::github},
}};

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept {
  for (const auto& [format_name, format] : kFormatNames) {
    if (name == format_name) return format;
  }
  return std::nullopt;
}

std::string render_report(const ScanResult& result, ReportFormat format,
                          const ReportOptions& options) {
  switch (format) {
    case ReportFormat::text:
      return detail::render_text_report(result, options);
    case ReportFormat::json:
      return detail::render_json_report(result, options);
    case ReportFormat::sarif:
      return detail::render_sarif_report(result, options);
    case ReportFormat::junit:
      return detail::render_junit_report(result, options);
    case ReportFormat::markdown:
      return detail::render_markdown_report(result, options);
    case ReportFormat::github:
      return detail::render_github_report(result, options);
  }
  return {};
}

}  // namespace iacscan
