// The GitHub Actions report: a workflow command per active finding and undecided check with the
// command chosen by severity, the most serious first, nothing for suppressed or baseline
// findings, diagnostics by level, and GitHub's escaping of messages and properties.
#include <doctest/doctest.h>

#include <string>

#include "iacscan/report.hpp"
#include "report/github_report.hpp"
#include "report_samples.hpp"

using namespace iacscan;
using namespace report_samples;

namespace {

std::string github_of(const ScanResult& result) {
  return render_report(result, ReportFormat::github);
}

}  // namespace

TEST_CASE("GitHub report: one command per active finding and check to review") {
  const std::string out = github_of(mixed_result());
  CHECK(out ==
        "::error file=infra/main.tf,line=12,endLine=12,col=12,endColumn=24,"
        "title=S3 bucket ACL grants public access::S3 bucket \"aws_s3_bucket.assets\" grants "
        "public read%0AExpired suppression at infra/main.tf:11 (comment, until 2020-01-31): "
        "Until the CDN migration%0A%0AFix: Fix s3-bucket-public-acl.%0ARule: "
        "s3-bucket-public-acl (https://github.com/iacscan/iacscan/blob/main/docs/rules/"
        "s3-bucket-public-acl.md)\n"
        "::warning file=infra/odd|dir/we`ird <x>.tf,line=3,endLine=5,"
        "title=Resource lacks the <owner> tag::Tag | `owner` <script>alert(1)</script> 100%25 "
        "missing,%0Asee: a,b%0A%0AFix: Fix team-tagging.%0ARule: team-tagging\n"
        "::notice file=infra/main.tf,line=30,endLine=30,col=19,endColumn=40,"
        "title=Undecided%3A EC2 instance does not require IMDSv2::Instance "
        "\"aws_instance.worker\": variable \"tokens\" has no value%0A%0AFix: Fix "
        "ec2-imdsv2-required.%0ARule: ec2-imdsv2-required (https://github.com/iacscan/iacscan/"
        "blob/main/docs/rules/ec2-imdsv2-required.md)\n"
        "::error file=infra/broken.tf,line=2,endLine=2,col=12,endColumn=12,"
        "title=iacscan parse-error::unterminated string\n"
        "::warning file=stack.yaml,line=5,endLine=5,col=5,endColumn=9,"
        "title=iacscan duplicate-key::key \"Type\" appears twice; the last value wins\n"
        "::notice file=stack.yaml,line=9,endLine=9,col=20,endColumn=50,"
        "title=iacscan not-loaded::https://example.com/child.yaml is not fetched\n"
        "iacscan: 2 findings (1 critical, 1 medium) in 7 files, 1 undecided check, 2 suppressed, "
        "1 unchanged from the baseline, 1 fixed since the baseline, 1 file could not be "
        "parsed\n");
}

TEST_CASE("GitHub report: commands by severity, most serious first") {
  ScanResult result;
  result.files_scanned = 1;
  const Severity severities[] = {Severity::info, Severity::low, Severity::medium, Severity::high,
                                 Severity::critical};
  std::uint32_t line = 1;
  for (Severity severity : severities) {
    result.findings.push_back(
        sample_finding("r", severity, std::string(to_string(severity)), at("a.tf", line, 0, 0, 0)));
    ++line;
  }
  // A whole-file finding: no position at all.
  result.findings.push_back(sample_finding("r", Severity::low, "file", at("b.tf", 0, 0, 0, 0)));
  CHECK(github_of(result) ==
        "::error file=a.tf,line=5,endLine=5,title=r::critical%0ARule: r\n"
        "::error file=a.tf,line=4,endLine=4,title=r::high%0ARule: r\n"
        "::warning file=a.tf,line=3,endLine=3,title=r::medium%0ARule: r\n"
        "::notice file=a.tf,line=2,endLine=2,title=r::low%0ARule: r\n"
        "::notice file=b.tf,title=r::file%0ARule: r\n"
        "::notice file=a.tf,line=1,endLine=1,title=r::info%0ARule: r\n"
        "iacscan: 6 findings (1 critical, 1 high, 1 medium, 2 low, 1 info) in 1 file\n");
}

TEST_CASE("GitHub report: columns only for a range on one line") {
  ScanResult result;
  result.findings = {sample_finding("r", Severity::high, "m", at("a.tf", 3, 5, 7, 1))};
  CHECK(github_of(result).starts_with("::error file=a.tf,line=3,endLine=7,title=r::m"));
}

TEST_CASE("GitHub workflow command escaping") {
  CHECK(detail::workflow_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b");
  CHECK(detail::workflow_property("C:\\x,y%\n") == "C%3A\\x%2Cy%25%0A");
  // A property cannot end early, a message cannot start a new command line.
  CHECK(detail::workflow_property("a::error file=x") == "a%3A%3Aerror file=x");
  CHECK(detail::workflow_data("x\n::error::injected") == "x%0A::error::injected");
  // Terminal controls are shown, not passed to the log viewer.
  CHECK(detail::workflow_data("esc\x1b[2J") == "esc\\x1B[2J");
}

TEST_CASE("GitHub report of a clean scan, and determinism") {
  ScanResult result;
  result.files_scanned = 4;
  CHECK(github_of(result) == "iacscan: no findings in 4 files\n");
  const ScanResult mixed = mixed_result();
  CHECK(github_of(mixed) == github_of(mixed));
}
