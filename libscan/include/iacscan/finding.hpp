// Finding: one rule violated by one resource (or one place in a file).
// Diagnostic: a problem with the scan itself (a file that could not be parsed or read).
// Plain values that own all their data; they refer to no Scanner or source buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/export.hpp"
#include "iacscan/location.hpp"
#include "iacscan/severity.hpp"

namespace iacscan {

struct RelatedLocation {
  Location location;
  std::string message;  // why this place matters, e.g. "default of variable \"acl\""
};

// Source lines around a location, so reports need not reopen files.
struct Excerpt {
  std::uint32_t first_line = 0;    // line number of lines[0]; 0 when there is no excerpt
  std::vector<std::string> lines;  // up to two lines of context, then the located lines
};

// fail: the rule found the problem. review: the rule could not decide because a decisive value
// is unknown (an unresolved variable, a deploy-time attribute); reported only when asked for
// (ScanOptions::report_unknowns), never counted against --fail-on.
enum class FindingKind { fail, review };

// SARIF's suppression kinds: written in the scanned source (a comment, CloudFormation
// Metadata) or outside it (the configuration file).
enum class SuppressionKind { in_source, external };

// Why a finding is not held against the scan. A suppressed finding stays in the result (JSON and
// SARIF report it as suppressed) but counts for neither the exit code nor the baseline.
struct Suppression {
  SuppressionKind kind = SuppressionKind::in_source;
  // Where it was written and in whose spelling: "comment" (iacscan:ignore), "checkov-comment",
  // "tfsec-comment", "metadata" (Metadata.iacscan.skip), "checkov-metadata", "cfn_nag-metadata",
  // "config" (.iacscan.yaml suppressions).
  std::string origin;
  std::string justification;  // the reason given; empty when none was
  std::string expires;        // "2027-01-31": suppresses through that day (UTC); empty: no end
  Location location;          // the comment, the Metadata entry or the configuration entry
};

// Against a baseline (apply_baseline): new since it, in it already, or in it but no longer found.
enum class BaselineState { none, new_finding, unchanged, absent };

struct Finding {
  std::string rule_id;
  Severity severity = Severity::medium;
  std::string message;        // rendered from the rule's message template
  std::string resource;       // resource address: "aws_s3_bucket.logs", "LogsBucket"
  std::string resource_type;  // native type: "aws_s3_bucket", "AWS::S3::Bucket"
  std::string attribute;      // canonical attribute path that decided, empty if none
  Location location;          // the offending value, or the resource when a value is missing
  std::vector<RelatedLocation> related;
  Excerpt excerpt;          // the located lines with a little context before them
  int stage = 0;            // roadmap stage of the rule
  std::string fingerprint;  // stable across line shifts: rule + file + resource + attribute
  FindingKind kind = FindingKind::fail;
  // Non-empty: the finding is suppressed (every suppression that matched, in source order).
  std::vector<Suppression> suppressions;
  // Suppressions that matched but whose expiry date has passed; the finding counts again and
  // reports say which suppression lapsed.
  std::vector<Suppression> expired_suppressions;
  BaselineState baseline_state = BaselineState::none;

  bool suppressed() const noexcept { return !suppressions.empty(); }
};

// "new", "unchanged", "absent" ("" for none): SARIF's baselineState spellings. Like every
// to_string here, the view refers to static storage.
IACSCAN_API std::string_view to_string(BaselineState state) noexcept;

enum class DiagnosticCode {
  parse_error,          // the file is not valid YAML / JSON / HCL
  read_error,           // the file or directory could not be read
  limit_exceeded,       // a configured limit (size, depth, alias expansion) stopped loading
  duplicate_key,        // a map repeats a key; the last value wins
  not_loaded,           // something referenced was deliberately not loaded (e.g. a remote template)
  invalid_template,     // a template construct is malformed (intrinsic arguments, a condition
                        // cycle); the values involved become unknown and the scan goes on
  invalid_suppression,  // a suppression names no loaded rule or has a malformed expiry date;
                        // it suppresses nothing
};

// error: the scan is incomplete (exit code 3); warning and note: the scan is complete.
enum class DiagnosticLevel { error, warning, note };

struct Diagnostic {
  DiagnosticCode code = DiagnosticCode::parse_error;
  std::string message;
  Location location;
  Excerpt excerpt;
  DiagnosticLevel level = DiagnosticLevel::error;
};

// "parse-error", "read-error", "limit-exceeded", "duplicate-key", "not-loaded",
// "invalid-template", "invalid-suppression".
IACSCAN_API std::string_view to_string(DiagnosticCode code) noexcept;

// "error", "warning", "note". Like every to_string here, a static NUL-terminated string.
IACSCAN_API std::string_view to_string(DiagnosticLevel level) noexcept;

}  // namespace iacscan
