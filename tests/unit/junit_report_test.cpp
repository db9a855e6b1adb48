// The JUnit XML report: a suite per rule (a passing test for a clean rule), failures for active
// findings, skipped for suppressed and undecided ones, nothing for the baseline's, errors for
// diagnostics that left the scan incomplete, counts that agree with the elements, and XML 1.0
// escaping of everything that comes from the scanned files.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "iacscan/report.hpp"
#include "report/junit_report.hpp"
#include "report_samples.hpp"

using namespace iacscan;
using namespace report_samples;

namespace {

std::string junit_of(const ScanResult& result) {
  return render_report(result, ReportFormat::junit);
}

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + what.size())) {
    ++count;
  }
  return count;
}

// The text of one <testsuite ...> ... </testsuite> element.
std::string suite(const std::string& xml, std::string_view name) {
  const std::size_t start = xml.find("<testsuite name=\"" + std::string(name) + "\"");
  REQUIRE(start != std::string::npos);
  const std::size_t end = xml.find("</testsuite>", start);
  return xml.substr(start, end - start);
}

}  // namespace

TEST_CASE("JUnit report: one suite per rule, outcomes by disposition") {
  const std::string xml = junit_of(mixed_result());
  CHECK(
      xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<testsuites name=\"iacscan\" tests=\"9\" failures=\"2\" errors=\"1\" "
                      "skipped=\"3\">\n"));
  CHECK(xml.ends_with("</testsuites>\n"));

  const std::string acl = suite(xml, "s3-bucket-public-acl");
  CHECK(acl.starts_with(
      "<testsuite name=\"s3-bucket-public-acl\" tests=\"1\" failures=\"1\" errors=\"0\" "
      "skipped=\"0\">\n"
      "    <testcase classname=\"s3-bucket-public-acl\" "
      "name=\"infra/main.tf:12:12 aws_s3_bucket_acl.assets\">\n"
      "      <failure message=\"S3 bucket &quot;aws_s3_bucket.assets&quot; grants public read\" "
      "type=\"critical\">infra/main.tf:12:12\n"
      "resource: aws_s3_bucket_acl.assets (aws_s3_bucket_acl)\n"
      "related: value of variable \"assets_acl\" (infra/terraform.tfvars:2:14)\n"
      "expired: suppression at infra/main.tf:11 (comment, until 2020-01-31): Until the CDN "
      "migration\n"
      "rule: S3 bucket ACL grants public access\n"
      "fix: Fix s3-bucket-public-acl.\n"
      "docs: https://github.com/iacscan/iacscan/blob/main/docs/rules/s3-bucket-public-acl.md\n"
      "</failure>\n"));

  const std::string open_world = suite(xml, "sg-ingress-open-world");
  CHECK(open_world.find("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"2\"") !=
        std::string::npos);
  CHECK(open_world.find("<skipped message=\"suppressed by comment at infra/network.tf:8:3: "
                        "Public HTTPS behind WAF\"/>") != std::string::npos);
  CHECK(open_world.find("<skipped message=\"suppressed by config at .iacscan.yaml:4:5: "
                        "no reason given\"/>") != std::string::npos);

  CHECK(suite(xml, "ec2-imdsv2-required")
            .find("<skipped message=\"undecided: Instance &quot;aws_instance.worker&quot;: "
                  "variable &quot;tokens&quot; has no value\"/>") != std::string::npos);

  // Only unchanged from the baseline: no news, so the rule passes.
  CHECK(suite(xml, "s3-bucket-versioning") ==
        "<testsuite name=\"s3-bucket-versioning\" tests=\"1\" failures=\"0\" errors=\"0\" "
        "skipped=\"0\">\n"
        "    <testcase classname=\"s3-bucket-versioning\" name=\"no findings\"/>\n  ");
}

TEST_CASE("JUnit report: diagnostics, errors only for those that leave the scan incomplete") {
  const std::string diagnostics = suite(junit_of(mixed_result()), "diagnostics");
  CHECK(diagnostics.find("tests=\"3\" failures=\"0\" errors=\"1\" skipped=\"0\"") !=
        std::string::npos);
  CHECK(diagnostics.find("<testcase classname=\"diagnostics\" "
                         "name=\"infra/broken.tf:2:12 parse-error\">\n"
                         "      <error message=\"unterminated string\" type=\"parse-error\">"
                         "infra/broken.tf:2:12\n</error>") != std::string::npos);
  CHECK(diagnostics.find("<system-out>warning: key \"Type\" appears twice; the last value "
                         "wins\n</system-out>") != std::string::npos);
  CHECK(diagnostics.find("<system-out>note: https://example.com/child.yaml is not "
                         "fetched\n</system-out>") != std::string::npos);
}

TEST_CASE("JUnit report: counts agree with the elements") {
  const std::string xml = junit_of(mixed_result());
  CHECK(occurrences(xml, "<testcase ") == 9);
  CHECK(occurrences(xml, "<failure ") == 2);
  CHECK(occurrences(xml, "<error ") == 1);
  CHECK(occurrences(xml, "<skipped ") == 3);
  CHECK(occurrences(xml, "<testsuite ") == 6);  // five rules and the diagnostics
}

TEST_CASE("JUnit report: escapes markup, quotes and characters XML 1.0 cannot carry") {
  CHECK(detail::xml_escape("a<b>&\"c\"", false) == "a&lt;b&gt;&amp;\"c\"");
  CHECK(detail::xml_escape("a<b>&\"c\"", true) == "a&lt;b&gt;&amp;&quot;c&quot;");
  // Tabs, newlines and carriage returns survive attribute normalisation as references.
  CHECK(detail::xml_escape("1\t2\n3\r4", true) == "1&#9;2&#10;3&#13;4");
  CHECK(detail::xml_escape("1\t2\n3\r4", false) == "1\t2\n3&#13;4");
  // Not even a character reference may name these in XML 1.0: shown as visible escapes.
  CHECK(detail::xml_escape(std::string("nul\0esc\x1b del\x7f", 13), false) ==
        "nul\\x00esc\\x1B del\\x7F");
  CHECK(detail::xml_escape("\xEF\xBF\xBE \xEF\xBF\xBF", false) == "\\uFFFE \\uFFFF");
  CHECK(detail::xml_escape("bad\xff", true) == "bad\\xFF");
  CHECK(detail::xml_escape("\xC2\x85", false) == "\\u0085");  // C1: NEL
  CHECK(detail::xml_escape("caf\xC3\xA9 \xF0\x9F\x94\x92", false) ==
        "caf\xC3\xA9 \xF0\x9F\x94\x92");

  const std::string xml = junit_of(mixed_result());
  CHECK(xml.find("<testcase classname=\"team-tagging\" "
                 "name=\"infra/odd|dir/we`ird &lt;x&gt;.tf:3:1 aws_instance.odd\">\n"
                 "      <failure message=\"Tag | `owner` &lt;script&gt;alert(1)&lt;/script&gt; "
                 "100% missing,&#10;see: a,b\" type=\"medium\">") != std::string::npos);
  CHECK(xml.find("<script>") == std::string::npos);
}

TEST_CASE("JUnit report: an empty scan and a scan without rules") {
  CHECK(junit_of(ScanResult{}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"iacscan\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "</testsuites>\n");
  ScanResult clean;
  clean.rules = mixed_result().rules;
  const std::string xml = junit_of(clean);
  CHECK(xml.find("tests=\"5\" failures=\"0\" errors=\"0\" skipped=\"0\"") != std::string::npos);
  CHECK(occurrences(xml, "name=\"no findings\"") == 5);
}

TEST_CASE("JUnit report is byte-identical for the same input") {
  const ScanResult result = mixed_result();
  CHECK(junit_of(result) == junit_of(result));
}
