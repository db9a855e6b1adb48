// Predicates for detection rules: would the scanned set notice an event? EventBridge rule
// patterns and CloudWatch Logs metric filter patterns are matched against sample events (a
// GuardDuty finding, a root console login, a CloudTrail record of CreateUser ...), and a match
// only counts when it reaches someone: an enabled rule with a target, a filter whose metric has
// an alarm with actions.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// An event a detection should fire on, field by field (dotted EventBridge paths: "source",
// "detail-type", "detail.eventName"; a CloudTrail record is the event's `detail`). A field is
// fixed (the event always has that value), absent (never there: errorCode of a successful
// call), or varies (who called, from where, which finding): every field not declared varies.
// Fields that say what the event is carry a decoy, the value another event has there; a
// detection must match one of them by value, without matching its decoy, or it fires on
// everything (`{"prefix": ""}`, `= *`) rather than on this event.
class SampleEvent {
 public:
  enum class Kind { fixed, varies, absent };
  struct Field {
    Kind kind = Kind::varies;
    std::string value;
    std::string decoy;  // empty: the field does not say what the event is
    bool discriminating() const { return !decoy.empty(); }
  };

  SampleEvent& fix(const std::string& path, std::string value, std::string decoy = {});
  SampleEvent& absent(const std::string& path);
  const Field& at(std::string_view path) const;
  const std::map<std::string, Field, std::less<>>& fields() const { return fields_; }

 private:
  std::map<std::string, Field, std::less<>> fields_;
};

// Whether a pattern fires on a sample event: true when it matches and matched a
// discriminating field by value; unknown when an unknown part of the pattern decides.
struct PatternMatch {
  Truth truth = Truth::false_;
  bool discriminating = false;
  bool fires() const { return truth == Truth::true_ && discriminating; }
};

// An EventBridge event pattern (a map: CloudFormation YAML, a decoded JSON document). Supports
// value lists, prefix, suffix, equals-ignore-case, wildcard, anything-but, exists, numeric and
// cidr (the last two never match the samples' text fields) and $or.
PatternMatch match_event_pattern(const Value& pattern, const SampleEvent& event);

// A CloudWatch Logs filter pattern applied to the CloudTrail record of `event` (its detail):
// JSON patterns `{ $.eventName = CreateUser || ... }` with =, !=, <, >, <=, >=, wildcards,
// %regex%, IS NULL / TRUE / FALSE, EXISTS, NOT EXISTS, && and ||; or term patterns
// (`"StopLogging"`, `?CreateUser ?CreateAccessKey`). Unknown when the text is not understood.
PatternMatch match_metric_filter(std::string_view pattern, const SampleEvent& event);

// Whole set: some enabled EventBridge rule matching findings of `source` (and `detail_type`)
// has a target that acts on them: anything but a log group, or an SNS topic whose subscribers
// are all email or SMS. with: {source: aws.guardduty, detail_type: GuardDuty Finding}.
Outcome findings_routed_to_responder(const PredicateInput& input);
std::string findings_routed_arguments(const Value& arguments);

// Whole set: enabled EventBridge rules with a target, or metric filters whose metric has an
// alarm with actions, fire on the high-value CloudTrail events of every category: root-login
// (a root ConsoleLogin), iam-user-key-creation (CreateUser, CreateAccessKey),
// cloudtrail-changes (StopLogging, DeleteTrail, UpdateTrail), organizations-policy-changes
// (AttachPolicy, DetachPolicy, UpdatePolicy, DeletePolicy). with: {categories: [ids]}
// (default: all four). False names the categories (and events) nothing detects.
Outcome high_value_events_detected(const PredicateInput& input);
std::string high_value_events_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
