// The text report's handling of suppressions and baselines: only active findings and undecided
// checks are shown, a lapsed suppression is named, each finding carries its rule's title, and
// the summary counts what was left out.
#include <doctest/doctest.h>

#include <string>

#include "iacscan/report.hpp"
#include "report_samples.hpp"

using namespace iacscan;
using namespace report_samples;

namespace {

std::string text_of(const ScanResult& result, bool color = false) {
  ReportOptions options;
  options.color = color;
  return render_report(result, ReportFormat::text, options);
}

}  // namespace

TEST_CASE("text report shows active findings and undecided checks only") {
  const std::string text = text_of(mixed_result());
  CHECK(text.find("CRITICAL  s3-bucket-public-acl") != std::string::npos);
  CHECK(text.find("REVIEW  ec2-imdsv2-required") != std::string::npos);
  CHECK(text.find("MEDIUM  team-tagging") != std::string::npos);
  // Suppressed and unchanged findings need no action: not listed, only counted.
  CHECK(text.find("sg-ingress-open-world") == std::string::npos);
  CHECK(text.find("s3-bucket-versioning") == std::string::npos);
  CHECK(text.find("infra/network.tf") == std::string::npos);
  CHECK(text.find("infra/storage.tf") == std::string::npos);
}

TEST_CASE("text report names the rule's title and a lapsed suppression") {
  const std::string text = text_of(mixed_result());
  CHECK(text.find("  >  12 |   acl    = var.assets_acl\n"
                  "        |            ^^^^^^^^^^^^^ value of variable \"assets_acl\" "
                  "(infra/terraform.tfvars:2)\n"
                  "     expired: suppression at infra/main.tf:11 (comment, until 2020-01-31): "
                  "Until the CDN migration\n"
                  "     rule: S3 bucket ACL grants public access\n"
                  "     fix: Fix s3-bucket-public-acl.\n") != std::string::npos);
  // A user's rule has a title and a fix but no documentation page.
  CHECK(text.find("     rule: Resource lacks the <owner> tag\n"
                  "     fix: Fix team-tagging.\n\n") != std::string::npos);
}

TEST_CASE("text report says when a lapsed suppression gave no reason") {
  ScanResult result;
  result.files_scanned = 1;
  Finding finding = sample_finding("r", Severity::low, "m", at("a.tf", 3, 1, 3, 2));
  Suppression lapsed = comment_suppression("a.tf", 2, "", "2021-02-28");
  finding.expired_suppressions = {lapsed};
  result.findings = {finding};
  CHECK(text_of(result).find("     expired: suppression at a.tf:2 (comment, until 2021-02-28), "
                             "no reason given\n") != std::string::npos);
}

TEST_CASE("text report summary counts suppressed, unchanged and fixed findings") {
  const std::string text = text_of(mixed_result());
  CHECK(
      text.ends_with("2 findings (1 critical, 1 medium), 1 undecided check to review in 7 files"
                     " \u00b7 2 suppressed \u00b7 1 unchanged from the baseline"
                     " \u00b7 1 fixed since the baseline \u00b7 1 file could not be parsed\n"));
}

TEST_CASE("text report with every finding suppressed or known says no findings") {
  ScanResult result = mixed_result();
  result.diagnostics.clear();
  result.absent_findings.clear();
  std::erase_if(result.findings, [](const Finding& f) { return ScanResult::is_active(f); });
  std::erase_if(result.findings, [](const Finding& f) { return f.kind == FindingKind::review; });
  CHECK(text_of(result) ==
        "No findings in 7 files \u00b7 2 suppressed \u00b7 1 unchanged from the baseline\n");
}

TEST_CASE("text report colours only on request, and the same way every time") {
  const ScanResult result = mixed_result();
  const std::string plain = text_of(result);
  const std::string colored = text_of(result, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(colored.find("\x1b[31mCRITICAL\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[33mREVIEW\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[1minfra/main.tf\x1b[0m") != std::string::npos);
  CHECK(text_of(result, true) == colored);
  CHECK(text_of(result) == plain);
}
