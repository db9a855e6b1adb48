// The JUnit XML report, for the test views of CI systems (GitLab's merge-request test report,
// Jenkins' JUnit plugin).
#pragma once

#include <string>
#include <string_view>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_junit_report(const ScanResult& result, const ReportOptions& options);

// Text made safe for XML 1.0 character data (attribute: also for a double-quoted attribute
// value). Characters XML 1.0 cannot carry at all, not even as references (C0 controls other
// than tab, newline and carriage return, U+FFFE, U+FFFF, invalid UTF-8), become visible
// escapes such as "\x1B"; C1 controls too, which a log viewer might act on.
std::string xml_escape(std::string_view text, bool attribute);

}  // namespace iacscan::detail
