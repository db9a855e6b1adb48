// Severity and diagnostic-code names.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "iacscan/finding.hpp"
#include "iacscan/scan_result.hpp"
#include "iacscan/severity.hpp"

namespace iacscan {
namespace {
constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high",
                                                            "critical"};
}  // namespace

std::string_view to_string(Severity severity) noexcept {
  return kSeverityNames[static_cast<std::size_t>(severity)];
}

std::optional<Severity> parse_severity(std::string_view text) noexcept {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == lower) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

std::string_view to_string(DiagnosticCode code) noexcept {
  switch (code) {
    case DiagnosticCode::parse_error:
      return "parse-error";
    case DiagnosticCode::read_error:
      return "read-error";
    case DiagnosticCode::limit_exceeded:
      return "limit-exceeded";
    case DiagnosticCode::duplicate_key:
      return "duplicate-key";
    case DiagnosticCode::not_loaded:
      return "not-loaded";
    case DiagnosticCode::invalid_template:
      return "invalid-template";
    case DiagnosticCode::invalid_suppression:
      return "invalid-suppression";
  }
  return "unknown";
}

std::string_view to_string(DiagnosticLevel level) noexcept {
  switch (level) {
    case DiagnosticLevel::error:
      return "error";
    case DiagnosticLevel::warning:
      return "warning";
    case DiagnosticLevel::note:
      return "note";
  }
  return "error";
}

std::string_view to_string(BaselineState state) noexcept {
  switch (state) {
    case BaselineState::new_finding:
      return "new";
    case BaselineState::unchanged:
      return "unchanged";
    case BaselineState::absent:
      return "absent";
    case BaselineState::none:
      break;
  }
  return "";
}

std::string_view to_string(ControlStatus status) noexcept {
  switch (status) {
    case ControlStatus::met:
      return "met";
    case ControlStatus::missing:
      return "missing";
    case ControlStatus::not_applicable:
      return "not-applicable";
    case ControlStatus::needs_configuration:
      return "needs-configuration";
    case ControlStatus::undecided:
      return "undecided";
    case ControlStatus::not_run:
      return "not-run";
  }
  return "unknown";
}

}  // namespace iacscan
