// The text report: findings grouped by file with code frames, for people at a terminal.
// Also home of the UTF-8 decoding every report needs (code-frame carets here, UTF-16 columns
// in SARIF, escapes in XML and workflow commands), so they agree on what a character is.
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

// How reports show what they must not pass through: a code point as "\x1B" (below U+0080) or
// "\u202E", a byte that is not valid UTF-8 as "\xFF".
std::string visible_escape(char32_t code_point);
std::string visible_byte(unsigned char byte);

}  // namespace iacscan::detail
