// Nested stacks through the public API, with in-memory templates.
#include <doctest/doctest.h>

#include <vector>

#include "iacscan/iacscan.hpp"

namespace {

const char* kParent = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SiteAcl:
    Type: String
Resources:
  Known:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
      Parameters:
        Acl: PublicReadWrite
  Unknown:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
      Parameters:
        Acl: !Ref SiteAcl
)";

const char* kChild = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Acl:
    Type: String
    Default: PublicRead
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
)";

// The findings of the ACL rule only: the other S3 rules (versioning, logging ...) also fire on
// these buckets and are not what these tests are about.
std::vector<iacscan::Finding> acl_findings(const iacscan::ScanResult& result) {
  std::vector<iacscan::Finding> out;
  for (const iacscan::Finding& f : result.findings)
    if (f.rule_id == "s3-bucket-public-acl") out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("a nested template is judged with the parameters each parent passes") {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers(
      {{"stacks/parent.yaml", kParent}, {"stacks/nested/child.yaml", kChild}});
  REQUIRE(result.has_value());
  CHECK(result->complete());
  // Known passes a public ACL; Unknown passes an unknown one (not the child's default), and
  // the child's standalone copy with its public default is not judged at all.
  const std::vector<iacscan::Finding> findings = acl_findings(*result);
  REQUIRE(findings.size() == 1);
  const iacscan::Finding& f = findings.front();
  CHECK(f.resource == "Known.Bucket");
  CHECK(f.location.path == "stacks/nested/child.yaml");
  CHECK(f.location.start_line == 10);
  REQUIRE(f.related.size() == 1);
  CHECK(f.related.front().location.path == "stacks/parent.yaml");
  CHECK(f.related.front().location.start_line == 11);
}

TEST_CASE("a template scanned without its parent uses its defaults") {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{"stacks/nested/child.yaml", kChild}});
  REQUIRE(result.has_value());
  const std::vector<iacscan::Finding> findings = acl_findings(*result);
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().resource == "Bucket");
}

TEST_CASE("a missing nested template in memory is a read error") {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{"stacks/parent.yaml", kParent}});
  REQUIRE(result.has_value());
  CHECK_FALSE(result->complete());
  REQUIRE(!result->diagnostics.empty());
  CHECK(result->diagnostics.front().code == iacscan::DiagnosticCode::read_error);
  CHECK(result->diagnostics.front().location.start_line == 9);
}
