// Report entry points: the format names the command line accepts, and the dispatch from a
// format to its renderer. Each renderer is a pure function of the ScanResult.
#include "iacscan/report.hpp"

#include "report/sarif_report.hpp"
#include "report/text_report.hpp"

namespace iacscan {

std::optional<ReportFormat> parse_report_format(std::string_view name) noexcept {
  if (name == "text") return ReportFormat::text;
  if (name == "sarif") return ReportFormat::sarif;
  return std::nullopt;
}

std::string render_report(const ScanResult& result, ReportFormat format,
                          const ReportOptions& options) {
  switch (format) {
    case ReportFormat::text:
      return detail::render_text_report(result, options);
    case ReportFormat::sarif:
      return detail::render_sarif_report(result, options);
    default:
      break;  // json, junit, markdown, github: being written (issue 8)
  }
  return {};
}

}  // namespace iacscan
