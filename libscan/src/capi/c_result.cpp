// The C API's result entry points (iacscan.h): reports, and findings and diagnostics walked with
// accessors. Accessors only read, never allocate: they cannot fail except on NULL.
#include <string>

#include "capi/c_boundary.hpp"
#include "capi/c_handles.hpp"
#include "capi/c_strings.hpp"
#include "iacscan/iacscan.h"
#include "iacscan/report.hpp"

using iacscan::detail::c_boundary;
using iacscan::detail::c_string_copy;
using iacscan::detail::set_c_error;

iacscan_result::iacscan_result(iacscan::ScanResult r) : result(std::move(r)) {
  findings.reserve(result.findings.size());
  for (const iacscan::Finding& f : result.findings) findings.push_back(iacscan_finding{&f});
  diagnostics.reserve(result.diagnostics.size());
  for (const iacscan::Diagnostic& d : result.diagnostics)
    diagnostics.push_back(iacscan_diagnostic{&d});
}

namespace {

// The C enums are the C++ ones by value, so accessors convert with a cast.
static_assert(static_cast<int>(iacscan::Severity::info) == IACSCAN_SEVERITY_INFO);
static_assert(static_cast<int>(iacscan::Severity::critical) == IACSCAN_SEVERITY_CRITICAL);
static_assert(static_cast<int>(iacscan::DiagnosticLevel::error) == IACSCAN_DIAGNOSTIC_ERROR);
static_assert(static_cast<int>(iacscan::DiagnosticLevel::note) == IACSCAN_DIAGNOSTIC_NOTE);

char* render(const iacscan_result* result, const char* format, const char* function, char** error) {
  return c_boundary(error, [&]() -> char* {
    if (result == nullptr) {
      set_c_error(error, function, ": result is NULL");
      return nullptr;
    }
    if (format == nullptr) {
      set_c_error(error, function, ": format is NULL");
      return nullptr;
    }
    const auto parsed = iacscan::parse_report_format(format);
    if (!parsed) {
      set_c_error(error, std::string(function) + ": unknown report format \"" + format +
                             "\"; expected text, json, sarif, junit, markdown or github");
      return nullptr;
    }
    char* text = c_string_copy(iacscan::render_report(result->result, *parsed));
    if (text == nullptr) set_c_error(error, "out of memory");
    return text;
  });
}

const iacscan::Finding* get(const iacscan_finding* finding) {
  return finding == nullptr ? nullptr : finding->finding;
}

const iacscan::Diagnostic* get(const iacscan_diagnostic* diagnostic) {
  return diagnostic == nullptr ? nullptr : diagnostic->diagnostic;
}

}  // namespace

extern "C" {

char* iacscan_result_json(const iacscan_result* result, char** error) {
  return render(result, "json", "iacscan_result_json", error);
}

char* iacscan_result_report(const iacscan_result* result, const char* format, char** error) {
  return render(result, format, "iacscan_result_report", error);
}

int iacscan_result_complete(const iacscan_result* result) {
  return result != nullptr && result->result.complete() ? 1 : 0;
}

size_t iacscan_result_files_scanned(const iacscan_result* result) {
  return result == nullptr ? 0 : result->result.files_scanned;
}

int iacscan_result_exit_code(const iacscan_result* result, iacscan_severity fail_on) {
  if (result == nullptr) return -1;
  // As `iacscan scan` decides: incomplete wins over findings (see cli/scan_command.cpp).
  if (!result->result.complete()) return 3;
  return result->result.fails(static_cast<iacscan::Severity>(fail_on)) ? 1 : 0;
}

size_t iacscan_result_finding_count(const iacscan_result* result) {
  return result == nullptr ? 0 : result->findings.size();
}

const iacscan_finding* iacscan_result_finding(const iacscan_result* result, size_t index) {
  if (result == nullptr || index >= result->findings.size()) return nullptr;
  return &result->findings[index];
}

const char* iacscan_finding_rule_id(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->rule_id.c_str();
}

iacscan_severity iacscan_finding_severity(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? IACSCAN_SEVERITY_INFO : static_cast<iacscan_severity>(f->severity);
}

const char* iacscan_finding_severity_name(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : iacscan::to_string(f->severity).data();
}

iacscan_finding_kind iacscan_finding_kind_of(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f != nullptr && f->kind == iacscan::FindingKind::review ? IACSCAN_FINDING_REVIEW
                                                                 : IACSCAN_FINDING_FAIL;
}

const char* iacscan_finding_message(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->message.c_str();
}

const char* iacscan_finding_resource(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->resource.c_str();
}

const char* iacscan_finding_resource_type(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->resource_type.c_str();
}

const char* iacscan_finding_path(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->location.path.c_str();
}

uint32_t iacscan_finding_start_line(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? 0 : f->location.start_line;
}

uint32_t iacscan_finding_start_column(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? 0 : f->location.start_column;
}

uint32_t iacscan_finding_end_line(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? 0 : f->location.end_line;
}

uint32_t iacscan_finding_end_column(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? 0 : f->location.end_column;
}

const char* iacscan_finding_fingerprint(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f == nullptr ? nullptr : f->fingerprint.c_str();
}

int iacscan_finding_suppressed(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f != nullptr && f->suppressed() ? 1 : 0;
}

int iacscan_finding_active(const iacscan_finding* finding) {
  const auto* f = get(finding);
  return f != nullptr && iacscan::ScanResult::is_active(*f) ? 1 : 0;
}

size_t iacscan_result_diagnostic_count(const iacscan_result* result) {
  return result == nullptr ? 0 : result->diagnostics.size();
}

const iacscan_diagnostic* iacscan_result_diagnostic(const iacscan_result* result, size_t index) {
  if (result == nullptr || index >= result->diagnostics.size()) return nullptr;
  return &result->diagnostics[index];
}

const char* iacscan_diagnostic_code(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? nullptr : iacscan::to_string(d->code).data();
}

iacscan_diagnostic_level iacscan_diagnostic_level_of(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? IACSCAN_DIAGNOSTIC_ERROR : static_cast<iacscan_diagnostic_level>(d->level);
}

const char* iacscan_diagnostic_level_name(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? nullptr : iacscan::to_string(d->level).data();
}

const char* iacscan_diagnostic_message(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? nullptr : d->message.c_str();
}

const char* iacscan_diagnostic_path(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? nullptr : d->location.path.c_str();
}

uint32_t iacscan_diagnostic_line(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? 0 : d->location.start_line;
}

uint32_t iacscan_diagnostic_column(const iacscan_diagnostic* diagnostic) {
  const auto* d = get(diagnostic);
  return d == nullptr ? 0 : d->location.start_column;
}

}  // extern "C"
