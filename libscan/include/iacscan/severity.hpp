// Severity of a rule or finding, ordered from least to most serious.
#pragma once

#include <optional>
#include <string_view>

#include "iacscan/export.hpp"

namespace iacscan {

enum class Severity { info = 0, low, medium, high, critical };

// "info", "low", "medium", "high", "critical"; the view refers to a static, NUL-terminated
// string, so .data() may be handed to C.
IACSCAN_API std::string_view to_string(Severity severity) noexcept;
// Case-insensitive inverse of to_string; nullopt for anything else.
IACSCAN_API std::optional<Severity> parse_severity(std::string_view text) noexcept;

}  // namespace iacscan
