// Logging predicates: the guards that skip Gateway Load Balancers and API Gateway deployments
// without a stage. The direct tests build canonical attributes from JSON; the scan tests check
// that a guarded rule points its finding at the resource, not at the value the guard read.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "engine/logging_predicates.hpp"
#include "graph/resource.hpp"
#include "iacscan/iacscan.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

Value json(const std::string& text) {
  auto result = read_json(text, 0);
  REQUIRE(result.ok());
  return *result.value;
}

Outcome judge(Outcome (*predicate)(const PredicateInput&), const std::string& kind,
              const Value& subject) {
  Resource r;
  r.kind = kind;
  r.address = "Judged";
  const Value arguments = Value::map({});
  return predicate(PredicateInput{r, subject, arguments});
}

Outcome gateway(const Value& subject) {
  return judge(elb_gateway, "aws.elbv2.load_balancer", subject);
}

Outcome without_stage(const std::string& kind, const Value& subject) {
  return judge(apigw_deployment_without_stage, kind, subject);
}

Value with_unknown(const char* key) {
  Value subject = Value::map({});
  subject.set(key, Value::unknown("variable \"x\" has no value"));
  return subject;
}

// The lines of a rule's findings, in report order.
std::string finding_lines(const std::string& path, const std::string& code,
                          const std::string& rule) {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  std::string lines;
  for (const iacscan::Finding& f : result->findings) {
    if (f.rule_id == rule) lines += std::to_string(f.location.start_line) + " ";
  }
  return lines;
}

}  // namespace

TEST_CASE("elb-gateway: only a gateway type is a gateway") {
  CHECK(gateway(json(R"({"load_balancer_type": "gateway"})")).truth == Truth::true_);
  CHECK(gateway(json(R"({"load_balancer_type": "network"})")).truth == Truth::false_);
  CHECK(gateway(json(R"({"load_balancer_type": "application"})")).truth == Truth::false_);
  CHECK(gateway(json(R"({"name": "web"})")).truth == Truth::false_);
  CHECK(gateway(with_unknown("load_balancer_type")).truth == Truth::unknown);
}

TEST_CASE("elb-gateway points nowhere") {
  const Outcome o = gateway(json(R"({"load_balancer_type": "network"})"));
  CHECK(o.witness == nullptr);
  CHECK_FALSE(o.span.valid());
}

TEST_CASE("apigw-deployment-without-stage: deployments without a stage name") {
  const std::string deployment = "aws.apigateway.deployment";
  CHECK(without_stage(deployment, json(R"({"api_id": "abc"})")).truth == Truth::true_);
  CHECK(without_stage(deployment, json(R"({"stage_name": ""})")).truth == Truth::true_);
  CHECK(without_stage(deployment, json(R"({"stage_name": "prod"})")).truth == Truth::false_);
  CHECK(without_stage(deployment, with_unknown("stage_name")).truth == Truth::unknown);
}

TEST_CASE("apigw-deployment-without-stage: never true for stages") {
  CHECK(without_stage("aws.apigateway.stage", json(R"({"api_id": "abc"})")).truth == Truth::false_);
  CHECK(without_stage("aws.apigatewayv2.stage", with_unknown("stage_name")).truth == Truth::false_);
}

TEST_CASE("a network load balancer without logs is reported at its name, not its type") {
  const std::string code = R"(resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = ["subnet-1"]
}
resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-1"]
}
)";
  CHECK(finding_lines("lb/main.tf", code, "elb-access-logging") == "1 ");
}

TEST_CASE("a deployment's stage without access logs is reported at the deployment") {
  const std::string code = R"(Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  WithStage:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: prod
  WithoutStage:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
)";
  CHECK(finding_lines("api/template.yaml", code, "apigw-access-logging") == "6 ");
}

namespace {

Outcome setting_off(const Value& subject) {
  Resource r;
  r.kind = "aws.elbv2.load_balancer";
  const Value arguments =
      json(R"({"attribute": "load_balancer_attributes", "key": "access_logs.s3.enabled"})");
  return keyed_setting_off(PredicateInput{r, subject, arguments});
}

}  // namespace

TEST_CASE("keyed-setting-off: the entry's value decides, pointing at it") {
  const Value on = json(R"({"load_balancer_attributes": [
    {"key": "idle_timeout.timeout_seconds", "value": "30"},
    {"key": "access_logs.s3.enabled", "value": "true"}]})");
  CHECK(setting_off(on).truth == Truth::false_);
  CHECK(setting_off(json(R"({"load_balancer_attributes": [
    {"key": "access_logs.s3.enabled", "value": true}]})"))
            .truth == Truth::false_);
  const Value off = json(R"({"load_balancer_attributes": [
    {"key": "access_logs.s3.enabled", "value": "false"}]})");
  const Outcome o = setting_off(off);
  CHECK(o.truth == Truth::true_);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->text() == "false");
}

TEST_CASE("keyed-setting-off: a missing entry or list is off, pointing nowhere") {
  const Outcome missing = setting_off(json(R"({"load_balancer_attributes": [
    {"key": "idle_timeout.timeout_seconds", "value": "30"}]})"));
  CHECK(missing.truth == Truth::true_);
  CHECK(missing.witness == nullptr);
  CHECK(setting_off(json(R"({"name": "web"})")).truth == Truth::true_);
}

TEST_CASE("keyed-setting-off: unknown list, key or value is unknown") {
  CHECK(setting_off(with_unknown("load_balancer_attributes")).truth == Truth::unknown);
  Value unknown_value =
      json(R"({"load_balancer_attributes": [{"key": "access_logs.s3.enabled"}]})");
  unknown_value.find("load_balancer_attributes")->items()[0].set("value", Value::unknown("x"));
  CHECK(setting_off(unknown_value).truth == Truth::unknown);
  Value unknown_key = json(R"({"load_balancer_attributes": [{"value": "true"}]})");
  unknown_key.find("load_balancer_attributes")->items()[0].set("key", Value::unknown("x"));
  CHECK(setting_off(unknown_key).truth == Truth::unknown);
  // A known entry that turns the setting on wins over an unknown one.
  Value mixed = json(R"({"load_balancer_attributes": [
    {"key": "access_logs.s3.enabled", "value": "true"}, {"value": "false"}]})");
  mixed.find("load_balancer_attributes")->items()[1].set("key", Value::unknown("x"));
  CHECK(setting_off(mixed).truth == Truth::false_);
}

TEST_CASE("keyed-setting-off checks its arguments") {
  CHECK(keyed_setting_off_arguments(json(R"({"attribute": "a", "key": "k"})")).empty());
  CHECK_FALSE(keyed_setting_off_arguments(json(R"({"attribute": "a"})")).empty());
  CHECK_FALSE(keyed_setting_off_arguments(json(R"({"key": "k"})")).empty());
  CHECK_FALSE(
      keyed_setting_off_arguments(json(R"({"attribute": "a", "key": "k", "x": 1})")).empty());
}
