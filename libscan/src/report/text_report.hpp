// The text report: findings grouped by file with code frames, for people at a terminal.
// Also home of the UTF-8 decoding both reports need (code-frame carets here, UTF-16 columns
// in SARIF), so the two agree on what a character is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "iacscan/report.hpp"

namespace iacscan::detail {

std::string render_text_report(const ScanResult& result, const ReportOptions& options);

// Decodes the UTF-8 sequence starting at text[pos] into code_point and returns its length in
// bytes, or 0 when the bytes there are not valid UTF-8 (overlong, surrogate, truncated, ...).
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& code_point) noexcept;

}  // namespace iacscan::detail
