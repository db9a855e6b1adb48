// The Markdown report (a pull-request comment): headline, the table of active findings with rule
// links, collapsed sections for what needs no action, the cap on long tables, and escaping of
// everything that comes from the scanned files.
#include <doctest/doctest.h>

#include <string>

#include "iacscan/report.hpp"
#include "report/markdown_report.hpp"
#include "report_samples.hpp"

using namespace iacscan;
using namespace report_samples;

namespace {

std::string markdown_of(const ScanResult& result) {
  ReportOptions options;
  options.tool_version = "9.9.9";
  return render_report(result, ReportFormat::markdown, options);
}

}  // namespace

TEST_CASE("Markdown report: headline, warning and the table of active findings") {
  const std::string md = markdown_of(mixed_result());
  CHECK(
      md.starts_with("## iacscan: 2 findings (1 critical, 1 medium)\n\n"
                     "> [!WARNING]\n"
                     "> 1 file could not be parsed, so the findings may be incomplete (see "
                     "the diagnostics below).\n\n"
                     "| Severity | Rule | Location | Message |\n"
                     "|---|---|---|---|\n"
                     "| critical | [`s3-bucket-public-acl`](https://github.com/iacscan/iacscan/"
                     "blob/main/docs/rules/s3-bucket-public-acl.md) | `infra/main.tf:12:12` | "
                     "S3 bucket \"aws\\_s3\\_bucket.assets\" grants public read<br>**Expired** "
                     "suppression at infra/main.tf:11 (comment, until 2020-01-31): Until the "
                     "CDN migration |\n"));
  CHECK(md.ends_with("<sub>7 files scanned by iacscan 9.9.9</sub>\n"));
}

TEST_CASE("Markdown report: a user's rule is not linked, and its text is escaped") {
  const std::string md = markdown_of(mixed_result());
  CHECK(
      md.find("| medium | `team-tagging` | ``infra/odd\\|dir/we`ird <x>.tf:3:1`` | "
              "Tag \\| \\`owner\\` \\<script\\>alert(1)\\</script\\> 100% missing, see: a,b |\n") !=
      std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);
}

TEST_CASE("Markdown report: collapsed sections for what needs no action") {
  const std::string md = markdown_of(mixed_result());
  CHECK(md.find("<details>\n<summary>1 undecided check to review</summary>\n\n"
                "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
                "| high | [`ec2-imdsv2-required`]") != std::string::npos);
  CHECK(md.find("<details>\n<summary>2 suppressed findings</summary>\n\n"
                "| Severity | Rule | Location | Suppressed by | Reason |\n"
                "|---|---|---|---|---|\n") != std::string::npos);
  CHECK(md.find("| comment at `infra/network.tf:8:3` | Public HTTPS behind WAF |\n") !=
        std::string::npos);
  CHECK(md.find("| config at `.iacscan.yaml:4:5` | *no reason given* |\n") != std::string::npos);
  CHECK(md.find("<summary>1 finding unchanged from the baseline</summary>") != std::string::npos);
  CHECK(md.find("<summary>1 finding fixed since the baseline</summary>") != std::string::npos);
  CHECK(md.find("`infra/old.tf:4:1`") != std::string::npos);
  CHECK(md.find("<details>\n<summary>3 diagnostics</summary>\n\n"
                "| Level | Code | Location | Message |\n|---|---|---|---|\n"
                "| error | `parse-error` | `infra/broken.tf:2:12` | unterminated string |\n"
                "| warning | `duplicate-key` | `stack.yaml:5:5` | key \"Type\" appears twice; the "
                "last value wins |\n") != std::string::npos);
  CHECK(md.find("\n</details>\n") != std::string::npos);
}

TEST_CASE("Markdown report: the most serious first, and long tables capped") {
  ScanResult result;
  result.files_scanned = 1;
  for (int i = 1; i <= 105; ++i) {
    const auto line = static_cast<std::uint32_t>(i);
    result.findings.push_back(sample_finding("r", i == 105 ? Severity::critical : Severity::low,
                                             "finding " + std::to_string(i),
                                             at("a.tf", line, 1, line, 2)));
  }
  const std::string md = markdown_of(result);
  CHECK(
      md.starts_with("## iacscan: 105 findings (1 critical, 104 low)\n\n"
                     "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
                     "| critical | `r` | `a.tf:105:1` | finding 105 |\n"
                     "| low | `r` | `a.tf:1:1` | finding 1 |\n"));
  CHECK(md.find("finding 99 |") != std::string::npos);
  CHECK(md.find("finding 100 |") == std::string::npos);
  CHECK(md.find("\n…and 5 more (the `text`, `json` or `sarif` report lists every one).\n") !=
        std::string::npos);
}

TEST_CASE("Markdown report of a clean scan") {
  ScanResult result;
  result.files_scanned = 3;
  CHECK(markdown_of(result) ==
        "## iacscan: no findings\n\n\n<sub>3 files scanned by iacscan 9.9.9</sub>\n");
}

TEST_CASE("Markdown escaping") {
  CHECK(detail::markdown_text("a|b `c` <d> *e* _f_ [g](h) ~i~ &amp; !j $k$ @l #1 \\") ==
        "a\\|b \\`c\\` \\<d\\> \\*e\\* \\_f\\_ \\[g\\](h) \\~i\\~ \\&amp; \\!j \\$k\\$ \\@l \\#1 "
        "\\\\");
  CHECK(detail::markdown_text("one\ntwo\r\n  three\t") == "one two three");
  CHECK(detail::markdown_text("esc\x1b[2J") == "esc\\\\x1B\\[2J");
  CHECK(detail::markdown_code("plain") == "`plain`");
  CHECK(detail::markdown_code("a`b") == "``a`b``");
  CHECK(detail::markdown_code("`x`") == "`` `x` ``");
  CHECK(detail::markdown_code("a|b") == "`a\\|b`");
}

TEST_CASE("Markdown report is byte-identical for the same input") {
  const ScanResult result = mixed_result();
  CHECK(markdown_of(result) == markdown_of(result));
}
