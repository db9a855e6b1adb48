// Baseline predicates: ec2-declarative-policy-assigns judging one Organizations policy (type,
// content, assigned value, attachment), and judging the whole scanned set in an account rule
// (where the finding points, unknowns, the evidence the roadmap shows).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/baseline_predicates.hpp"
#include "engine/builtin_predicates.hpp"
#include "graph/resource.hpp"
#include "iacscan/iacscan.hpp"
#include "rule_scanner.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

Value json(std::string_view text) {
  ReadResult read = read_json(text, 1);
  REQUIRE(read.ok());
  return std::move(*read.value);
}

Value imds_arguments() {
  Value args = Value::map({});
  args.set("setting", Value::string("instance_metadata_defaults.http_tokens"));
  args.set("value", Value::string("required"));
  return args;
}

// A CloudFormation AWS::Organizations::Policy with the given properties (JSON).
Resource cfn_policy(std::string_view properties) {
  Resource r;
  r.format = SourceFormat::cloudformation;
  r.native_type = "AWS::Organizations::Policy";
  r.address = "ImdsPolicy";
  r.attributes = json(properties);
  return r;
}

Outcome judge(const Resource& r) {
  const Value args = imds_arguments();
  return ec2_declarative_policy_assigns(PredicateInput{r, r.attributes, args});
}

constexpr std::string_view kRequired =
    R"({"ec2_attributes": {"instance_metadata_defaults": {"http_tokens": {"@@assign": "required"}}}})";

std::string properties(std::string_view type, std::string_view content,
                       std::string_view extra = R"(, "TargetIds": ["r-ab12"])") {
  return std::string(R"({"Name": "imds", "Type": ")") + std::string(type) + R"(", "Content": )" +
         std::string(content) + std::string(extra) + "}";
}

}  // namespace

TEST_CASE("ec2-declarative-policy-assigns: an attached policy requiring IMDSv2") {
  const Outcome o = judge(cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired)));
  CHECK(o.truth == Truth::true_);
  CHECK(o.attribute == "ec2_attributes.instance_metadata_defaults.http_tokens");
  CHECK(o.span.valid());
  CHECK(o.detail == "ImdsPolicy");
}

TEST_CASE("ec2-declarative-policy-assigns: values and settings that fall short") {
  SUBCASE("another value") {
    const Outcome o = judge(cfn_policy(properties(
        "DECLARATIVE_POLICY_EC2",
        R"({"ec2_attributes": {"instance_metadata_defaults": {"http_tokens": {"@@assign": "optional"}}}})")));
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail ==
          "ImdsPolicy: ec2_attributes.instance_metadata_defaults.http_tokens = optional");
    CHECK_FALSE(o.span.valid());  // the account rule points at the policy itself
  }
  SUBCASE("the setting is not assigned") {
    const Outcome o = judge(cfn_policy(properties(
        "DECLARATIVE_POLICY_EC2",
        R"({"ec2_attributes": {"instance_metadata_defaults": {"http_put_response_hop_limit": {"@@assign": 2}}}})")));
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail ==
          "ImdsPolicy: ec2_attributes.instance_metadata_defaults.http_tokens is not assigned");
  }
  SUBCASE("not attached anywhere") {
    const Outcome o =
        judge(cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired, R"(, "TargetIds": [])")));
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail == "ImdsPolicy is not attached to any root, OU or account");
  }
  SUBCASE("another policy type is not judged") {
    const Outcome o = judge(cfn_policy(properties("SERVICE_CONTROL_POLICY", kRequired)));
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail.empty());
  }
  SUBCASE("content that is not JSON") {
    const Outcome o = judge(cfn_policy(properties("DECLARATIVE_POLICY_EC2", R"("{not json")")));
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail.starts_with("ImdsPolicy: "));
  }
  SUBCASE("a resource that is no Organizations policy") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired));
    r.native_type = "AWS::S3::Bucket";
    CHECK(judge(r).truth == Truth::false_);
  }
}

TEST_CASE("ec2-declarative-policy-assigns: content given as JSON text") {
  const Outcome o = judge(cfn_policy(properties(
      "DECLARATIVE_POLICY_EC2",
      R"("{\"ec2_attributes\": {\"instance_metadata_defaults\": {\"http_tokens\": {\"@@assign\": \"required\"}}}}")")));
  CHECK(o.truth == Truth::true_);
}

TEST_CASE("ec2-declarative-policy-assigns: what is unknown decides nothing") {
  SUBCASE("the assigned value") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired));
    r.attributes.find("Content")
        ->find("ec2_attributes")
        ->find("instance_metadata_defaults")
        ->find("http_tokens")
        ->set("@@assign", Value::unknown("parameter \"HttpTokens\" has no value"));
    CHECK(judge(r).truth == Truth::unknown);
  }
  SUBCASE("the content") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired));
    r.attributes.set("Content", Value::unknown("parameter \"Content\" has no value"));
    CHECK(judge(r).truth == Truth::unknown);
  }
  SUBCASE("the policy type, when the content would qualify") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired));
    r.attributes.set("Type", Value::unknown("parameter \"PolicyType\" has no value"));
    const Outcome o = judge(r);
    CHECK(o.truth == Truth::unknown);
    CHECK(o.detail == "ImdsPolicy: its policy type is unknown");
  }
  SUBCASE("the policy type, when the content would not") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", R"({"ec2_attributes": {}})"));
    r.attributes.set("Type", Value::unknown("parameter \"PolicyType\" has no value"));
    CHECK(judge(r).truth == Truth::false_);
  }
  SUBCASE("the attachment targets") {
    Resource r = cfn_policy(properties("DECLARATIVE_POLICY_EC2", kRequired));
    r.attributes.set("TargetIds", Value::unknown("parameter \"Targets\" has no value"));
    CHECK(judge(r).truth == Truth::unknown);
  }
  SUBCASE("a Terraform policy judged without the graph that holds its attachments") {
    Resource r;
    r.format = SourceFormat::terraform;
    r.native_type = "aws_organizations_policy";
    r.address = "aws_organizations_policy.imds";
    r.attributes = json(std::string(R"({"type": "DECLARATIVE_POLICY_EC2", "content": )") +
                        std::string(kRequired) + "}");
    CHECK(judge(r).truth == Truth::unknown);
  }
}

TEST_CASE("ec2-declarative-policy-assigns: arguments") {
  const BuiltinPredicate* p = find_builtin_predicate("ec2-declarative-policy-assigns");
  REQUIRE(p != nullptr);
  CHECK(p->check_arguments(imds_arguments()).empty());
  Value no_value = Value::map({});
  no_value.set("setting", Value::string("instance_metadata_defaults.http_tokens"));
  CHECK_FALSE(p->check_arguments(no_value).empty());
  Value no_setting = Value::map({});
  no_setting.set("value", Value::string("required"));
  CHECK_FALSE(p->check_arguments(no_setting).empty());
  Value extra = imds_arguments();
  extra.set("attribute", Value::string("content"));
  CHECK(p->check_arguments(extra) == "unknown argument \"attribute\"");
}

// The predicate over the whole scanned set, as account-imdsv2-default uses it.
namespace {

constexpr const char* kSetRule = R"(id: test-imds-policy
title: no declarative policy requiring IMDSv2
severity: medium
stage: 6
category: test
scope: account
description: d
remediation: r
control:
  builtin: ec2-declarative-policy-assigns
  with: {setting: instance_metadata_defaults.http_tokens, value: required}
message: 'No declarative policy requiring IMDSv2 ({value})'
)";

// Runs kSetRule alone, with account rules on and the controls assessed.
class SetScanner : public iacscan::testing::RuleScanner {
 public:
  SetScanner() : RuleScanner({std::string(kSetRule)}, options()) {}

 private:
  static iacscan::ScanOptions options() {
    iacscan::ScanOptions o;
    o.account_rules = true;
    o.assess_controls = true;
    return o;
  }
};

const iacscan::ControlAssessment& control_of(const iacscan::ScanResult& result) {
  REQUIRE(result.controls.size() == 1);
  return result.controls.front();
}

const std::string kTfPolicy =
    "resource \"aws_organizations_policy\" \"imds\" {\n"
    "  name = \"imds\"\n"
    "  type = \"DECLARATIVE_POLICY_EC2\"\n"
    "  content = jsonencode({\n"
    "    ec2_attributes = {\n"
    "      instance_metadata_defaults = {\n"
    "        http_tokens = { \"@@assign\" = \"required\" }\n"
    "      }\n"
    "    }\n"
    "  })\n"
    "}\n";

}  // namespace

TEST_CASE("ec2-declarative-policy-assigns over the scanned set: attached through Terraform") {
  SetScanner scanner;
  const auto result = scanner.scan({{"org/policies/main.tf", kTfPolicy},
                                    {"org/policies/attachments.tf",
                                     "resource \"aws_organizations_policy_attachment\" \"root\" {\n"
                                     "  policy_id = aws_organizations_policy.imds.id\n"
                                     "  target_id = \"r-ab12\"\n"
                                     "}\n"}});
  CHECK(result.findings.empty());
  const auto& c = control_of(result);
  CHECK(c.status == iacscan::ControlStatus::met);
  REQUIRE(c.evidence.size() == 1);
  CHECK(c.evidence.front().path == "org/policies/main.tf");
}

TEST_CASE("ec2-declarative-policy-assigns over the scanned set: a policy nobody attaches") {
  SetScanner scanner;
  const auto result = scanner.scan({{"org/policies/main.tf", kTfPolicy}});
  REQUIRE(result.findings.size() == 1);
  const iacscan::Finding& f = result.findings.front();
  CHECK(f.location.path == "org/policies/main.tf");
  CHECK(f.location.start_line == 1);  // the policy's block labels
  CHECK(f.message ==
        "No declarative policy requiring IMDSv2 (aws_organizations_policy.imds is not attached "
        "to any root, OU or account)");
  CHECK(control_of(result).status == iacscan::ControlStatus::missing);
}

TEST_CASE("ec2-declarative-policy-assigns over the scanned set: an attachment from elsewhere") {
  // The attachment names its policy through a variable: it may be this one's.
  SetScanner scanner;
  const auto result = scanner.scan({{"org/policies/main.tf", kTfPolicy},
                                    {"org/attachments/main.tf",
                                     "variable \"policy_id\" {}\n"
                                     "resource \"aws_organizations_policy_attachment\" \"root\" {\n"
                                     "  policy_id = var.policy_id\n"
                                     "  target_id = \"r-ab12\"\n"
                                     "}\n"}});
  CHECK(result.findings.empty());
  CHECK(control_of(result).status == iacscan::ControlStatus::undecided);
}

TEST_CASE("ec2-declarative-policy-assigns over the scanned set: other policies are no near miss") {
  SetScanner scanner;
  const auto result = scanner.scan({{"org/scp.yaml",
                                     "Resources:\n"
                                     "  DenyLeave:\n"
                                     "    Type: AWS::Organizations::Policy\n"
                                     "    Properties:\n"
                                     "      Name: deny-leave\n"
                                     "      Type: SERVICE_CONTROL_POLICY\n"
                                     "      TargetIds: [r-ab12]\n"
                                     "      Content:\n"
                                     "        Version: '2012-10-17'\n"
                                     "        Statement:\n"
                                     "          - Effect: Deny\n"
                                     "            Action: organizations:LeaveOrganization\n"
                                     "            Resource: '*'\n"}});
  REQUIRE(result.findings.size() == 1);
  CHECK_FALSE(result.findings.front().location.has_position());
  CHECK(result.findings.front().message == "No declarative policy requiring IMDSv2 (not defined)");
  CHECK(control_of(result).evidence.empty());
}
