// The Markdown report: a pull-request comment (GitHub Flavored Markdown).
#pragma once

#include <string>
#include <string_view>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_markdown_report(const ScanResult& result, const ReportOptions& options);

// Text from the scanned files made inert in Markdown and HTML: on one line (a table row must
// not break), every ASCII punctuation character Markdown or HTML acts on backslash-escaped,
// terminal controls shown as escapes.
std::string markdown_text(std::string_view raw);
// A code span that shows `raw` literally however many backticks it holds; `|` escaped, since a
// GFM table splits cells before it reads code spans.
std::string markdown_code(std::string_view raw);

}  // namespace iacscan::detail
