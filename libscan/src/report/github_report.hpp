// The GitHub Actions report: workflow commands that become annotations on the pull request.
#pragma once

#include <string>
#include <string_view>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_github_report(const ScanResult& result, const ReportOptions& options);

// GitHub's escaping of a workflow command's message: '%' → %25, CR → %0D, LF → %0A.
std::string workflow_data(std::string_view text);
// Of a property value (file=, title=): the same, and ':' → %3A, ',' → %2C, which would end it.
std::string workflow_property(std::string_view text);

}  // namespace iacscan::detail
