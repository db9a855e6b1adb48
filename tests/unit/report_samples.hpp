// Hand-built scan results for the report tests: every disposition a finding can have (active,
// undecided, suppressed with and without a reason, unchanged from the baseline, fixed since it),
// a lapsed suppression, a user's rule without a documentation page, text that every format must
// escape, and diagnostics of each level.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "iacscan/scan_result.hpp"

namespace report_samples {

using namespace iacscan;

inline RuleInfo sample_rule(std::string id, Severity severity, int stage, std::string category,
                            std::string title) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.title = std::move(title);
  rule.severity = severity;
  rule.stage = stage;
  rule.category = std::move(category);
  rule.description = "Why " + rule.id + " matters.";
  rule.remediation = "Fix " + rule.id + ".";
  rule.source_path = "builtin:" + rule.category + "/" + rule.id + ".yaml";
  return rule;
}

inline Location at(std::string path, std::uint32_t line, std::uint32_t column,
                   std::uint32_t end_line, std::uint32_t end_column) {
  return Location{std::move(path), line, column, end_line, end_column};
}

inline Finding sample_finding(std::string rule_id, Severity severity, std::string message,
                              Location location) {
  Finding finding;
  finding.rule_id = std::move(rule_id);
  finding.severity = severity;
  finding.message = std::move(message);
  finding.location = std::move(location);
  finding.fingerprint = "fp-" + finding.rule_id + "-" + std::to_string(finding.location.start_line);
  return finding;
}

inline Suppression comment_suppression(std::string path, std::uint32_t line, std::string reason,
                                       std::string expires = {}) {
  Suppression suppression;
  suppression.kind = SuppressionKind::in_source;
  suppression.origin = "comment";
  suppression.justification = std::move(reason);
  suppression.expires = std::move(expires);
  suppression.location = at(std::move(path), line, 3, line, 60);
  return suppression;
}

// Two active findings (one of a user's rule, with text that needs escaping everywhere), one
// undecided check, two suppressed findings, one unchanged from the baseline, one fixed since it,
// and an error, a warning and a note among the diagnostics.
inline ScanResult mixed_result() {
  ScanResult result;
  result.files_scanned = 7;
  RuleInfo team =
      sample_rule("team-tagging", Severity::medium, 0, "tagging", "Resource lacks the <owner> tag");
  team.source_path = "team-policies/tagging.yaml";  // a user's rule: no page on the site
  result.rules = {
      sample_rule("ec2-imdsv2-required", Severity::high, 6, "compute",
                  "EC2 instance does not require IMDSv2"),
      sample_rule("s3-bucket-public-acl", Severity::critical, 6, "public-exposure",
                  "S3 bucket ACL grants public access"),
      sample_rule("s3-bucket-versioning", Severity::low, 2, "backup-encryption",
                  "S3 bucket without versioning"),
      sample_rule("sg-ingress-open-world", Severity::medium, 9, "network",
                  "Security group open to the world"),
      team,
  };

  Finding acl = sample_finding("s3-bucket-public-acl", Severity::critical,
                               "S3 bucket \"aws_s3_bucket.assets\" grants public read",
                               at("infra/main.tf", 12, 12, 12, 24));
  acl.stage = 6;
  acl.resource = "aws_s3_bucket_acl.assets";
  acl.resource_type = "aws_s3_bucket_acl";
  acl.attribute = "acl";
  acl.excerpt = {10,
                 {"resource \"aws_s3_bucket_acl\" \"assets\" {", "  bucket = \"b\"",
                  "  acl    = var.assets_acl"}};
  acl.related = {{at("infra/terraform.tfvars", 2, 14, 2, 26), "value of variable \"assets_acl\""}};
  acl.expired_suppressions = {
      comment_suppression("infra/main.tf", 11, "Until the CDN migration", "2020-01-31")};
  acl.baseline_state = BaselineState::new_finding;

  Finding odd = sample_finding("team-tagging", Severity::medium,
                               "Tag | `owner` <script>alert(1)</script> 100% missing,\nsee: a,b",
                               at("infra/odd|dir/we`ird <x>.tf", 3, 1, 5, 1));
  odd.resource = "aws_instance.odd";

  Finding review =
      sample_finding("ec2-imdsv2-required", Severity::high,
                     "Instance \"aws_instance.worker\": variable \"tokens\" has no value",
                     at("infra/main.tf", 30, 19, 30, 40));
  review.kind = FindingKind::review;

  Finding open_world = sample_finding("sg-ingress-open-world", Severity::medium,
                                      "Security group \"web\" allows 0.0.0.0/0 on 443",
                                      at("infra/network.tf", 8, 19, 8, 31));
  open_world.suppressions = {comment_suppression("infra/network.tf", 8, "Public HTTPS behind WAF")};

  Finding no_reason = sample_finding("sg-ingress-open-world", Severity::medium,
                                     "Security group \"admin\" allows 0.0.0.0/0 on 22",
                                     at("infra/network.tf", 20, 19, 20, 31));
  Suppression configured;
  configured.kind = SuppressionKind::external;
  configured.origin = "config";
  configured.location = at(".iacscan.yaml", 4, 5, 4, 30);
  no_reason.suppressions = {configured};

  Finding versioning = sample_finding("s3-bucket-versioning", Severity::low,
                                      "S3 bucket \"aws_s3_bucket.logs\" has no versioning",
                                      at("infra/storage.tf", 1, 1, 3, 1));
  versioning.baseline_state = BaselineState::unchanged;

  result.findings = {acl, review, open_world, no_reason, odd, versioning};  // sorted by path

  Finding fixed = sample_finding("s3-bucket-versioning", Severity::low,
                                 "S3 bucket \"aws_s3_bucket.old\" has no versioning",
                                 at("infra/old.tf", 4, 1, 6, 1));
  fixed.baseline_state = BaselineState::absent;
  result.absent_findings = {fixed};

  Diagnostic broken;
  broken.code = DiagnosticCode::parse_error;
  broken.level = DiagnosticLevel::error;
  broken.message = "unterminated string";
  broken.location = at("infra/broken.tf", 2, 12, 2, 12);
  broken.excerpt = {1, {"resource \"aws_s3_bucket\" \"x\" {", "  bucket = \"orders"}};
  Diagnostic duplicate;
  duplicate.code = DiagnosticCode::duplicate_key;
  duplicate.level = DiagnosticLevel::warning;
  duplicate.message = "key \"Type\" appears twice; the last value wins";
  duplicate.location = at("stack.yaml", 5, 5, 5, 9);
  Diagnostic remote;
  remote.code = DiagnosticCode::not_loaded;
  remote.level = DiagnosticLevel::note;
  remote.message = "https://example.com/child.yaml is not fetched";
  remote.location = at("stack.yaml", 9, 20, 9, 50);
  result.diagnostics = {broken, duplicate, remote};
  return result;
}

}  // namespace report_samples
