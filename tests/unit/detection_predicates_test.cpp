// Detection predicates: EventBridge patterns and CloudWatch Logs metric filters matched against
// sample events, and the whole-set predicates behind guardduty-findings-routed and
// realtime-high-value-event-rules (run through the built-in rules, account rules on).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/detection_predicates.hpp"
#include "iacscan/iacscan.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;
using iacscan::ControlStatus;

namespace {

Value json(const std::string& text) {
  auto result = read_json(text, 0);
  REQUIRE_MESSAGE(result.ok(), text);
  return *result.value;
}

SampleEvent guardduty_finding() {
  SampleEvent e;
  e.fix("source", "aws.guardduty", "aws.other").fix("detail-type", "GuardDuty Finding", "Other");
  return e;
}

SampleEvent api_call(const std::string& service, const std::string& name) {
  SampleEvent e;
  e.fix("source", "aws." + service, "aws.other")
      .fix("detail-type", "AWS API Call via CloudTrail")
      .fix("detail.eventSource", service + ".amazonaws.com", "other.amazonaws.com")
      .fix("detail.eventName", name, "DescribeOthers")
      .fix("detail.eventType", "AwsApiCall")
      .absent("detail.errorCode");
  return e;
}

SampleEvent root_login() {
  SampleEvent e;
  e.fix("source", "aws.signin", "aws.other")
      .fix("detail-type", "AWS Console Sign In via CloudTrail", "Other")
      .fix("detail.eventName", "ConsoleLogin", "DescribeOthers")
      .fix("detail.eventType", "AwsConsoleSignIn")
      .fix("detail.userIdentity.type", "Root", "AssumedRole")
      .absent("detail.userIdentity.invokedBy")
      .absent("detail.errorCode");
  return e;
}

Truth fires(const std::string& pattern, const SampleEvent& event) {
  const PatternMatch m = match_event_pattern(json(pattern), event);
  return m.truth == Truth::true_ && !m.discriminating ? Truth::false_ : m.truth;
}

Truth filter_fires(const std::string& pattern, const SampleEvent& event) {
  const PatternMatch m = match_metric_filter(pattern, event);
  return m.truth == Truth::true_ && !m.discriminating ? Truth::false_ : m.truth;
}

struct Judgement {
  ControlStatus status = ControlStatus::not_run;
  std::string detail;
  unsigned line = 0;
};

Judgement judge(const std::string& rule, const std::string& path, const std::string& code) {
  iacscan::ScanOptions options;
  options.account_rules = true;
  options.assess_controls = true;
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  Judgement j;
  for (const iacscan::ControlAssessment& c : result->controls) {
    if (c.rule_id != rule) continue;
    j.status = c.status;
    j.detail = c.detail;
  }
  for (const iacscan::Finding& f : result->findings)
    if (f.rule_id == rule) j.line = f.location.start_line;
  return j;
}

Judgement routed(const std::string& code) {
  return judge("guardduty-findings-routed", "alerts/main.tf", code);
}

Judgement realtime(const std::string& path, const std::string& code) {
  return judge("realtime-high-value-event-rules", path, code);
}

const std::string kGuardDutyRule = R"(resource "aws_cloudwatch_event_rule" "findings" {
  name          = "guardduty-findings"
  event_pattern = jsonencode({ source = ["aws.guardduty"] })
}
resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_sns_topic.alerts.arn
}
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
)";

}  // namespace

TEST_CASE("event patterns: which GuardDuty-finding patterns fire") {
  const SampleEvent finding = guardduty_finding();
  CHECK(fires(R"({"source": ["aws.guardduty"]})", finding) == Truth::true_);
  CHECK(fires(R"({"detail-type": ["GuardDuty Finding"]})", finding) == Truth::true_);
  CHECK(fires(R"({"source": [{"prefix": "aws.guard"}]})", finding) == Truth::true_);
  CHECK(fires(R"({"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 7]}]}})",
              finding) == Truth::true_);
  CHECK(fires(R"({"$or": [{"source": ["aws.ec2"]}, {"detail-type": ["GuardDuty Finding"]}]})",
              finding) == Truth::true_);
  CHECK(fires(R"({"source": ["aws.securityhub"]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": [{"anything-but": "aws.guardduty"}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": ["aws.guardduty"], "detail-type": ["Scan Finding"]})", finding) ==
        Truth::false_);
  // Filters only on what varies: it fires on some events, but is no GuardDuty rule.
  CHECK(fires(R"({"account": ["555555555555"]})", finding) == Truth::false_);
  CHECK(fires(R"({})", finding) == Truth::false_);
  // Patterns that match every event are no GuardDuty rule either.
  CHECK(fires(R"({"source": [{"prefix": ""}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": [{"prefix": "aws."}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": [{"wildcard": "*"}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": [{"exists": true}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": ["aws.guardduty", {"prefix": "aws."}]})", finding) == Truth::false_);
  CHECK(fires(R"({"source": ["aws.guardduty", "aws.securityhub"]})", finding) == Truth::true_);
}

TEST_CASE("event patterns: CloudTrail calls by event name") {
  const SampleEvent create_user = api_call("iam", "CreateUser");
  CHECK(fires(R"({"source": ["aws.iam"], "detail": {"eventName": ["CreateUser"]}})", create_user) ==
        Truth::true_);
  CHECK(fires(R"({"detail": {"eventName": [{"prefix": "Create"}]}})", create_user) == Truth::true_);
  CHECK(fires(R"({"detail": {"eventName": [{"wildcard": "Create*"}]}})", create_user) ==
        Truth::true_);
  CHECK(fires(R"({"detail": {"eventName": [{"equals-ignore-case": "createuser"}]}})",
              create_user) == Truth::true_);
  CHECK(fires(R"({"detail": {"eventName": [{"suffix": "User"}]}})", create_user) == Truth::true_);
  CHECK(fires(R"({"detail": {"eventName": ["DeleteUser"]}})", create_user) == Truth::false_);
  // Only failed calls: a successful CreateUser has no errorCode.
  CHECK(fires(R"({"detail": {"eventName": ["CreateUser"], "errorCode": [{"exists": true}]}})",
              create_user) == Truth::false_);
  CHECK(fires(R"({"detail": {"eventName": ["CreateUser"], "errorCode": [{"exists": false}]}})",
              create_user) == Truth::true_);
  // Who called varies: excluding the pipeline's role still detects everyone else.
  CHECK(fires(R"({"detail": {"eventName": ["CreateUser"], "userIdentity": {"arn": [
                  {"anything-but": {"prefix": "arn:aws:sts::555555555555:assumed-role/ci"}}]}}})",
              create_user) == Truth::true_);
}

TEST_CASE("event patterns: root sign-ins") {
  const SampleEvent login = root_login();
  CHECK(fires(R"({"detail-type": ["AWS Console Sign In via CloudTrail"],
                  "detail": {"userIdentity": {"type": ["Root"]}}})",
              login) == Truth::true_);
  CHECK(fires(R"({"detail": {"userIdentity": {"type": ["IAMUser"]}}})", login) == Truth::false_);
  CHECK(fires(R"({"source": ["aws.iam"]})", login) == Truth::false_);
}

TEST_CASE("event patterns: unknown parts decide nothing unless the rest does") {
  Value pattern = json(R"({"source": ["x"]})");
  pattern.entries().front().value.items().front() = Value::unknown("variable \"source\"");
  CHECK(match_event_pattern(pattern, guardduty_finding()).truth == Truth::unknown);
  Value decided = json(R"({"source": ["aws.guardduty", "x"]})");
  decided.entries().front().value.items().back() = Value::unknown("variable \"source\"");
  CHECK(match_event_pattern(decided, guardduty_finding()).fires());
  CHECK(match_event_pattern(Value::unknown("var"), guardduty_finding()).truth == Truth::unknown);
}

TEST_CASE("metric filters: CIS-style JSON patterns") {
  const std::string root_usage =
      R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })";
  CHECK(filter_fires(root_usage, root_login()) == Truth::true_);
  CHECK(filter_fires(root_usage, api_call("iam", "CreateUser")) == Truth::false_);
  const std::string users = "{ ($.eventName = CreateUser) || ($.eventName = CreateAccessKey) }";
  CHECK(filter_fires(users, api_call("iam", "CreateUser")) == Truth::true_);
  CHECK(filter_fires(users, api_call("iam", "CreateAccessKey")) == Truth::true_);
  CHECK(filter_fires(users, api_call("cloudtrail", "StopLogging")) == Truth::false_);
  CHECK(filter_fires("{ $.eventSource = cloudtrail.amazonaws.com }",
                     api_call("cloudtrail", "StopLogging")) == Truth::true_);
  CHECK(filter_fires("{$.eventName=Delete*}", api_call("cloudtrail", "DeleteTrail")) ==
        Truth::true_);
  // Every event: no detection of this one.
  CHECK(filter_fires("{ $.eventName = * }", api_call("cloudtrail", "DeleteTrail")) ==
        Truth::false_);
  CHECK(filter_fires("{ $.eventName != ConsoleLogin }", api_call("cloudtrail", "DeleteTrail")) ==
        Truth::false_);
  CHECK(filter_fires("{ $.eventName = %^(Stop|Delete).*% }",
                     api_call("cloudtrail", "DeleteTrail")) == Truth::true_);
  CHECK(
      filter_fires(
          R"({ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AttachPolicy") || ($.eventName = "DetachPolicy")) })",
          api_call("organizations", "DetachPolicy")) == Truth::true_);
  // Unauthorized calls: the samples are successful calls.
  CHECK(filter_fires(
            R"({ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") })",
            api_call("iam", "CreateUser")) == Truth::false_);
  CHECK(filter_fires("{ $.eventName = CreateUser && $.errorCode NOT EXISTS }",
                     api_call("iam", "CreateUser")) == Truth::true_);
}

TEST_CASE("metric filters: term patterns and what is not understood") {
  CHECK(filter_fires("\"ConsoleLogin\"", root_login()) == Truth::true_);
  CHECK(filter_fires("?StopLogging ?DeleteTrail", api_call("cloudtrail", "StopLogging")) ==
        Truth::true_);
  CHECK(filter_fires("?StopLogging ?DeleteTrail", api_call("cloudtrail", "UpdateTrail")) ==
        Truth::false_);
  CHECK(filter_fires("StopLogging -StopLogging", api_call("cloudtrail", "StopLogging")) ==
        Truth::false_);
  CHECK(filter_fires("", api_call("cloudtrail", "StopLogging")) == Truth::false_);
  CHECK(filter_fires("[ip, user, ...]", api_call("cloudtrail", "StopLogging")) == Truth::false_);
  CHECK(filter_fires("{ $.eventName = ", api_call("iam", "CreateUser")) == Truth::unknown);
  CHECK(filter_fires("{ $.eventName ~ CreateUser }", api_call("iam", "CreateUser")) ==
        Truth::unknown);
}

TEST_CASE("predicate arguments") {
  CHECK(findings_routed_arguments(json(R"({"source": "aws.guardduty"})")).empty());
  CHECK_FALSE(findings_routed_arguments(json(R"({"detail_type": "x"})")).empty());
  CHECK_FALSE(findings_routed_arguments(json(R"({"source": "a", "target": "b"})")).empty());
  CHECK(high_value_events_arguments(json(R"({})")).empty());
  CHECK(high_value_events_arguments(json(R"({"categories": ["root-login"]})")).empty());
  CHECK_FALSE(high_value_events_arguments(json(R"({"categories": ["root"]})")).empty());
  CHECK_FALSE(high_value_events_arguments(json(R"({"categories": []})")).empty());
}

TEST_CASE("findings routed: an email-only topic is a near miss at the target") {
  const std::string code = kGuardDutyRule + R"(resource "aws_sns_topic_subscription" "mail" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "security@example.com"
}
)";
  Judgement j = routed(code);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 7);
  CHECK(j.detail.find("aws_sns_topic.alerts has only email or SMS subscribers") !=
        std::string::npos);
}

TEST_CASE("findings routed: an HTTPS subscriber is a ticketing sink") {
  const std::string code = kGuardDutyRule + R"(resource "aws_sns_topic_subscription" "mail" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "security@example.com"
}
resource "aws_sns_topic_subscription" "tickets" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "https"
  endpoint  = "https://tickets.example.com/hook"
}
)";
  CHECK(routed(code).status == ControlStatus::met);
}

TEST_CASE("findings routed: a topic whose subscribers are elsewhere is undecided") {
  CHECK(routed(kGuardDutyRule).status == ControlStatus::undecided);
  const std::string maybe = kGuardDutyRule + R"(variable "topic" {}
resource "aws_sns_topic_subscription" "mail" {
  topic_arn = var.topic
  protocol  = "lambda"
  endpoint  = "arn:aws:lambda:eu-west-1:222222222222:function:ticket"
}
)";
  CHECK(routed(maybe).status == ControlStatus::undecided);
}

TEST_CASE("findings routed: log groups store, other rules do not count") {
  const std::string code = R"(resource "aws_cloudwatch_log_group" "findings" {
  name = "/security/guardduty"
}
resource "aws_cloudwatch_event_rule" "findings" {
  name          = "guardduty-findings"
  event_pattern = jsonencode({ source = ["aws.guardduty"] })
}
resource "aws_cloudwatch_event_rule" "ec2" {
  name          = "ec2-state"
  event_pattern = jsonencode({ source = ["aws.ec2"] })
}
resource "aws_cloudwatch_event_target" "logs" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_cloudwatch_log_group.findings.arn
}
resource "aws_cloudwatch_event_target" "lambda" {
  rule = aws_cloudwatch_event_rule.ec2.name
  arn  = "arn:aws:lambda:eu-west-1:555555555555:function:handler"
}
)";
  Judgement j = routed(code);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 14);
}

TEST_CASE("findings routed: a target naming an unknown rule might be this rule's") {
  const std::string code = R"(variable "rule" {}
resource "aws_cloudwatch_event_rule" "findings" {
  name          = "guardduty-findings"
  event_pattern = jsonencode({ source = ["aws.guardduty"] })
}
resource "aws_cloudwatch_event_target" "lambda" {
  rule = var.rule
  arn  = "arn:aws:lambda:eu-west-1:555555555555:function:handler"
}
)";
  CHECK(routed(code).status == ControlStatus::undecided);
}

TEST_CASE("high-value events: the missing categories and events are named") {
  const std::string code = R"(Resources:
  Alerts:
    Type: AWS::SNS::Topic
  IamChanges:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.iam]
        detail:
          eventName: [CreateUser]
      Targets:
        - Arn: !Ref Alerts
          Id: alerts
)";
  Judgement j = realtime("t.yaml", code);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 0);
  CHECK(j.detail ==
        "nothing detects root logins; IAM user and access key creation (CreateAccessKey); "
        "CloudTrail changes; SCP and Organizations policy changes");
}

TEST_CASE("high-value events: a metric filter counts only with an alarm that acts") {
  const std::string filter = R"(resource "aws_cloudwatch_log_metric_filter" "all" {
  name           = "high-value"
  log_group_name = "org-trail"
  pattern        = "{ ($.userIdentity.type = Root) || ($.eventName = CreateUser) || ($.eventName = CreateAccessKey) || ($.eventSource = cloudtrail.amazonaws.com) || ($.eventSource = organizations.amazonaws.com) }"
  metric_transformation {
    name      = "HighValue"
    namespace = "Security"
    value     = "1"
  }
}
)";
  Judgement no_alarm = realtime("main.tf", filter);
  CHECK(no_alarm.status == ControlStatus::missing);
  CHECK(no_alarm.line == 1);
  CHECK(no_alarm.detail.find("no alarm with actions watches its metric") != std::string::npos);
  const std::string silent_alarm = filter + R"(resource "aws_cloudwatch_metric_alarm" "all" {
  alarm_name          = "high-value"
  metric_name         = "HighValue"
  namespace           = "Security"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
}
)";
  CHECK(realtime("main.tf", silent_alarm).status == ControlStatus::missing);
  const std::string alarm =
      silent_alarm.substr(0, silent_alarm.rfind('}')) +
      "  alarm_actions = [\"arn:aws:sns:eu-west-1:555555555555:alerts\"]\n}\n";
  CHECK(realtime("main.tf", alarm).status == ControlStatus::met);
  const std::string unknown_metric = R"(variable "metric" {}
resource "aws_cloudwatch_log_metric_filter" "all" {
  name           = "high-value"
  log_group_name = "org-trail"
  pattern        = "{ ($.userIdentity.type = Root) || ($.eventName = CreateUser) || ($.eventName = CreateAccessKey) || ($.eventSource = cloudtrail.amazonaws.com) || ($.eventSource = organizations.amazonaws.com) }"
  metric_transformation {
    name      = var.metric
    namespace = "Security"
    value     = "1"
  }
}
resource "aws_cloudwatch_metric_alarm" "all" {
  alarm_name          = "high-value"
  metric_name         = "HighValue"
  namespace           = "Security"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  alarm_actions       = ["arn:aws:sns:eu-west-1:555555555555:alerts"]
}
)";
  CHECK(realtime("main.tf", unknown_metric).status == ControlStatus::undecided);
}

TEST_CASE("high-value events: a rule without targets is the nearest miss") {
  const std::string code = R"(resource "aws_cloudwatch_event_rule" "root" {
  name = "root-logins"
  event_pattern = jsonencode({
    "detail-type" = ["AWS Console Sign In via CloudTrail"]
    detail        = { userIdentity = { type = ["Root"] } }
  })
}
)";
  Judgement j = realtime("main.tf", code);
  CHECK(j.status == ControlStatus::missing);
  CHECK(j.line == 1);
  CHECK(j.detail.find("aws_cloudwatch_event_rule.root: it has no target") != std::string::npos);
}
