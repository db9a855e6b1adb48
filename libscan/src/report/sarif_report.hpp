// The SARIF 2.1.0 report, shaped the way GitHub code scanning consumes it, plus the rule
// documentation links that the text report shows as well.
#pragma once

#include <string>
#include <string_view>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_sarif_report(const ScanResult& result, const ReportOptions& options);

// The rule's page on the project site:
// https://github.com/iacscan/iacscan/blob/main/docs/rules/<id>.md
std::string rule_help_uri(std::string_view rule_id);
// Whether that page exists: built-in rules have one, rules from a user's policy directory do not.
bool has_rule_page(const RuleInfo& rule);

}  // namespace iacscan::detail
