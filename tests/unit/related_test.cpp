// Graph tests (`related`) through the public API: links by reference and by literal name, both
// directions, `where` on the linked resource, and unknown links that must never fire.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"
#include "rule_scanner.hpp"

namespace fs = std::filesystem;

namespace {

// A scanner that runs exactly one rule; a scan answers "address kind" per finding.
class OneRule {
 public:
  explicit OneRule(const std::string& rule_yaml, bool report_unknowns = false)
      : scanner_({rule_yaml}, options(report_unknowns)) {}

  // "address kind" per finding, e.g. "aws_vpc.a fail".
  std::set<std::string> scan(const std::string& name, const std::string& code) const {
    std::set<std::string> out;
    for (const iacscan::Finding& f : scanner_.scan({{name, code}}).findings)
      out.insert(f.resource + (f.kind == iacscan::FindingKind::review ? " review" : " fail"));
    return out;
  }

 private:
  static iacscan::ScanOptions options(bool report_unknowns) {
    iacscan::ScanOptions o;
    o.report_unknowns = report_unknowns;
    return o;
  }
  iacscan::testing::RuleScanner scanner_;
};

std::string rule(const std::string& kinds, const std::string& condition) {
  return "id: test-rule\ntitle: t\nseverity: low\nstage: 4\ncategory: test\n"
         "description: d\nremediation: r\nkinds: " +
         kinds + "\ncondition:\n" + condition + "\nmessage: 'm {value}'\n";
}

const std::string kNoFlowLog = rule("[aws_vpc]",
                                    "  not:\n"
                                    "    related:\n"
                                    "      kind: aws_flow_log\n"
                                    "      via: vpc_id\n");

}  // namespace

TEST_CASE("related: a resource that no resource of a kind references") {
  OneRule r(kNoFlowLog);
  const std::string tf = R"(
resource "aws_vpc" "logged" { cidr_block = "10.0.0.0/16" }
resource "aws_vpc" "bare" { cidr_block = "10.1.0.0/16" }
resource "aws_flow_log" "logged" {
  vpc_id       = aws_vpc.logged.id
  traffic_type = "ALL"
}
)";
  CHECK(r.scan("main.tf", tf) == std::set<std::string>{"aws_vpc.bare fail"});
}

TEST_CASE("related: a link through an unknown value is unknown, never a finding") {
  const std::string tf = R"(
variable "vpc_id" {}
resource "aws_vpc" "a" { cidr_block = "10.0.0.0/16" }
resource "aws_flow_log" "somewhere" { vpc_id = var.vpc_id }
)";
  OneRule silent(kNoFlowLog);
  CHECK(silent.scan("main.tf", tf).empty());
  OneRule reporting(kNoFlowLog, true);
  CHECK(reporting.scan("main.tf", tf) == std::set<std::string>{"aws_vpc.a review"});
}

TEST_CASE("related: a flow log of another VPC does not count") {
  OneRule r(kNoFlowLog);
  const std::string tf = R"(
resource "aws_vpc" "a" { cidr_block = "10.0.0.0/16" }
resource "aws_vpc" "b" { cidr_block = "10.1.0.0/16" }
resource "aws_flow_log" "b" { vpc_id = aws_vpc.b.id }
)";
  CHECK(r.scan("main.tf", tf) == std::set<std::string>{"aws_vpc.a fail"});
}

TEST_CASE("related: counted resources referenced as a whole link every instance") {
  OneRule r(kNoFlowLog);
  const std::string tf = R"(
resource "aws_vpc" "many" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}
resource "aws_flow_log" "each" {
  count  = 2
  vpc_id = aws_vpc.many[count.index].id
}
)";
  CHECK(r.scan("main.tf", tf).empty());
}

TEST_CASE("related: CloudFormation references link too") {
  OneRule r(rule("[AWS::EC2::VPC]",
                 "  not:\n    related:\n      kind: AWS::EC2::FlowLog\n      via: ResourceId\n"));
  const std::string yaml = R"(Resources:
  Logged:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Bare:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.1.0.0/16}
  Log:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Logged
      ResourceType: VPC
      TrafficType: ALL
)";
  CHECK(r.scan("template.yaml", yaml) == std::set<std::string>{"Bare fail"});
}

TEST_CASE("related: a literal name links through match") {
  OneRule r(rule("[aws_s3_bucket]",
                 "  related:\n    kind: aws_s3_bucket_logging\n"
                 "    via: target_bucket\n    match: bucket\n"));
  const std::string tf = R"(
resource "aws_s3_bucket" "logs" { bucket = "corp-logs" }
resource "aws_s3_bucket" "data" { bucket = "corp-data" }
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "corp-logs"
}
)";
  CHECK(r.scan("main.tf", tf) == std::set<std::string>{"aws_s3_bucket.logs fail"});
}

TEST_CASE("related: references with where, decided on the linked resource") {
  OneRule r(rule("[aws_eip]",
                 "  related:\n    kind: aws_instance\n    direction: references\n"
                 "    via: instance\n    where:\n"
                 "      attribute: instance_type\n      equals: t3.micro\n"));
  const std::string tf = R"(
variable "instance" {}
resource "aws_instance" "small" { instance_type = "t3.micro" }
resource "aws_instance" "big" { instance_type = "m5.large" }
resource "aws_eip" "small" { instance = aws_instance.small.id }
resource "aws_eip" "big" { instance = aws_instance.big.id }
resource "aws_eip" "unknown" { instance = var.instance }
resource "aws_eip" "none" {}
)";
  CHECK(r.scan("main.tf", tf) == std::set<std::string>{"aws_eip.small fail"});
}

TEST_CASE("related: rule files reject malformed graph tests") {
  const std::string bad = rule("[aws_vpc]",
                               "  related:\n    kind: aws_flow_log\n"
                               "    direction: sideways\n");
  fs::path dir = fs::temp_directory_path() / "iacscan-related-bad";
  fs::create_directories(dir / "test");
  std::ofstream(dir / "test" / "rule.yaml") << bad;
  iacscan::ScanOptions options;
  options.no_builtin_policies = true;
  options.policy_dirs = {dir.string()};
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE_FALSE(scanner.has_value());
  CHECK(scanner.error().message.find("direction is referenced_by or references") !=
        std::string::npos);
  fs::remove_all(dir);
}
