// Detection is judged by asking whether a detection would fire on a sample event, rather than
// by looking for expected strings in a pattern: `{"eventName": [{"prefix": "Create"}]}`, a
// `$or`, a wildcard or a CIS-style metric filter all count when they match; a pattern that
// fires on every event (`{"prefix": ""}`, `$.eventName = *`) or needs a field the event does
// not have (an errorCode) does not.
#include "engine/detection_predicates.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <initializer_list>
#include <optional>
#include <vector>

#include "engine/attribute_path.hpp"
#include "engine/predicate_support.hpp"
#include "graph/resource_graph.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::predicates {
namespace {

using Field = SampleEvent::Field;
using Kind = SampleEvent::Kind;

constexpr std::string_view kRuleKind = "aws.events.rule";
constexpr std::string_view kTargetKind = "aws.events.target";
constexpr std::string_view kTopicKind = "aws.sns.topic";
constexpr std::string_view kSubscriptionKind = "aws.sns.subscription";
constexpr std::string_view kFilterKind = "aws.logs.metric_filter";
constexpr std::string_view kAlarmKind = "aws.cloudwatch.alarm";

// ---------------------------------------------------------------------------------------------
// Text

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

// `*` matches any run of characters (EventBridge wildcard filters, CloudWatch Logs values).
bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_unknown_text(const Value& v) {
  return v.is_unknown() || (v.is_string() && v.text().find(kUnknownMarker) != std::string::npos);
}

std::optional<std::string> known_string(const Value* v) {
  if (v == nullptr || !v->is_string() || is_unknown_text(*v)) return std::nullopt;
  return v->text();
}

std::optional<double> number_of(std::string_view text) {
  double out = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return out;
}

// Kleene disjunction of two matches, keeping the discriminating one when both hold.
PatternMatch either(const PatternMatch& a, const PatternMatch& b) {
  if (a.truth == Truth::true_ && (b.truth != Truth::true_ || a.discriminating)) return a;
  if (b.truth == Truth::true_) return b;
  return PatternMatch{truth_or(a.truth, b.truth), false};
}

PatternMatch both(const PatternMatch& a, const PatternMatch& b) {
  return PatternMatch{truth_and(a.truth, b.truth), a.discriminating || b.discriminating};
}

// ---------------------------------------------------------------------------------------------
// EventBridge patterns

// A content filter ({"prefix": "x"}, {"wildcard": "a*"} ...) on a fixed value.
Truth filter_holds(std::string_view op, const Value& operand, std::string_view value) {
  if (is_unknown_text(operand)) return Truth::unknown;
  if (operand.is_map() && operand.entries().size() == 1 &&
      operand.entries().front().key == "equals-ignore-case") {
    const Value& text = operand.entries().front().value;
    if (is_unknown_text(text)) return Truth::unknown;
    if (!text.is_string()) return Truth::false_;
    if (op == "prefix") return truth_of(istarts_with(value, text.text()));
    if (op == "suffix") return truth_of(iends_with(value, text.text()));
    return Truth::unknown;
  }
  if (op == "numeric" || op == "cidr") return Truth::false_;  // the samples' fields are text
  if (!operand.is_string()) return Truth::false_;
  const std::string& text = operand.text();
  if (op == "prefix") return truth_of(value.starts_with(text));
  if (op == "suffix") return truth_of(value.ends_with(text));
  if (op == "equals-ignore-case") return truth_of(iequals(value, text));
  if (op == "wildcard") return truth_of(glob_match(text, value));
  return Truth::unknown;  // a filter this reader does not know
}

bool is_known_filter(std::string_view op) {
  return op == "prefix" || op == "suffix" || op == "equals-ignore-case" || op == "wildcard" ||
         op == "numeric" || op == "cidr" || op == "anything-but" || op == "exists";
}

Truth equals_value(const Value& literal, std::string_view value) {
  if (is_unknown_text(literal)) return Truth::unknown;
  if (literal.is_string() || literal.is_number() || literal.is_bool())
    return truth_of(literal.to_display_string() == value);
  return Truth::false_;
}

// anything-but: the value is none of these (or does not pass the nested filter).
Truth excluded(const Value& operand, std::string_view value) {
  if (operand.is_list()) {
    Truth any = Truth::false_;
    for (const Value& item : operand.items()) any = truth_or(any, equals_value(item, value));
    return any;
  }
  if (operand.is_map() && operand.entries().size() == 1)
    return filter_holds(operand.entries().front().key, operand.entries().front().value, value);
  return equals_value(operand, value);
}

// One element of a pattern's value list against the sample's field.
Truth matcher_holds(const Value& matcher, const Field& field) {
  if (is_unknown_text(matcher)) return Truth::unknown;
  if (matcher.is_map() && matcher.entries().size() == 1) {
    const std::string& op = matcher.entries().front().key;
    const Value& operand = matcher.entries().front().value;
    if (op == "exists") {
      if (is_unknown_text(operand)) return Truth::unknown;
      const bool wanted = loosely_equal(operand, Value::boolean(true));
      return truth_of((field.kind != Kind::absent) == wanted);
    }
    if (field.kind == Kind::absent) return Truth::false_;
    if (field.kind == Kind::varies) return is_known_filter(op) ? Truth::true_ : Truth::unknown;
    if (op == "anything-but") return truth_not(excluded(operand, field.value));
    return filter_holds(op, operand, field.value);
  }
  if (matcher.is_list() || matcher.is_map()) return Truth::false_;
  if (field.kind == Kind::absent) return Truth::false_;
  if (field.kind == Kind::varies) return Truth::true_;
  if (matcher.is_null()) return Truth::false_;
  return equals_value(matcher, field.value);
}

Truth any_matcher_holds(const Value& values, const Field& field) {
  if (!values.is_list()) return matcher_holds(values, field);  // AWS wants a list; read one
  Truth any = Truth::false_;
  for (const Value& matcher : values.items()) any = truth_or(any, matcher_holds(matcher, field));
  return any;
}

PatternMatch match_leaf(const Value& values, const Field& field) {
  const Truth holds = any_matcher_holds(values, field);
  bool discriminating = false;
  if (holds == Truth::true_ && field.kind == Kind::fixed && field.discriminating()) {
    const Field decoy{Kind::fixed, field.decoy, {}};
    discriminating = any_matcher_holds(values, decoy) != Truth::true_;
  }
  return PatternMatch{holds, discriminating};
}

PatternMatch match_map(const Value& pattern, const std::string& prefix, const SampleEvent& event);

PatternMatch match_or(const Value& branches, const std::string& prefix, const SampleEvent& event) {
  if (!branches.is_list())
    return PatternMatch{is_unknown_text(branches) ? Truth::unknown : Truth::false_, false};
  PatternMatch any;
  for (const Value& branch : branches.items()) {
    PatternMatch one =
        branch.is_map()
            ? match_map(branch, prefix, event)
            : PatternMatch{is_unknown_text(branch) ? Truth::unknown : Truth::false_, false};
    any = either(any, one);
  }
  return any;
}

PatternMatch match_map(const Value& pattern, const std::string& prefix, const SampleEvent& event) {
  PatternMatch all{Truth::true_, false};
  for (const Value::Entry& e : pattern.entries()) {
    if (e.key == "$or") {
      all = both(all, match_or(e.value, prefix, event));
    } else if (e.value.is_map()) {
      all = both(all, match_map(e.value, prefix + e.key + ".", event));
    } else {
      all = both(all, match_leaf(e.value, event.at(prefix + e.key)));
    }
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs filter patterns

// Recursive descent over a JSON filter pattern, evaluated on the sample as it is read.
class JsonFilter {
 public:
  JsonFilter(std::string_view text, const SampleEvent& event) : text_(text), event_(event) {}

  std::optional<PatternMatch> evaluate() {
    skip_space();
    if (!take("{")) return std::nullopt;
    std::optional<PatternMatch> result = disjunction();
    skip_space();
    if (!result || !take("}")) return std::nullopt;
    skip_space();
    if (pos_ != text_.size()) return std::nullopt;
    return result;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool take(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }

  bool take_word(std::string_view word) {
    skip_space();
    if (pos_ + word.size() > text_.size() || !iequals(text_.substr(pos_, word.size()), word))
      return false;
    const std::size_t end = pos_ + word.size();
    if (end < text_.size() && std::isalnum(static_cast<unsigned char>(text_[end]))) return false;
    pos_ = end;
    return true;
  }

  std::optional<PatternMatch> disjunction() {
    std::optional<PatternMatch> left = conjunction();
    while (left && take("||")) {
      std::optional<PatternMatch> right = conjunction();
      if (!right) return std::nullopt;
      left = either(*left, *right);
    }
    return left;
  }

  std::optional<PatternMatch> conjunction() {
    std::optional<PatternMatch> left = primary();
    while (left && take("&&")) {
      std::optional<PatternMatch> right = primary();
      if (!right) return std::nullopt;
      left = both(*left, *right);
    }
    return left;
  }

  std::optional<PatternMatch> primary() {
    if (take("(")) {
      std::optional<PatternMatch> inner = disjunction();
      if (!inner || !take(")")) return std::nullopt;
      return inner;
    }
    return comparison();
  }

  // "$.userIdentity.type" -> "detail.userIdentity.type" (array indexes dropped).
  std::optional<std::string> selector() {
    if (!take("$")) return std::nullopt;
    std::string path = "detail";
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '.') {
        path += '.';
      } else if (c == '[') {
        const std::size_t close = text_.find(']', pos_);
        if (close == std::string_view::npos) return std::nullopt;
        pos_ = close;
      } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '@' ||
                 c == ':') {
        path += c;
      } else {
        break;
      }
      ++pos_;
    }
    return path;
  }

  struct Operand {
    std::string text;
    bool regex = false;
  };

  std::optional<Operand> operand() {
    skip_space();
    if (pos_ >= text_.size()) return std::nullopt;
    Operand out;
    const char open = text_[pos_];
    if (open == '"' || open == '%') {
      out.regex = open == '%';
      for (++pos_; pos_ < text_.size() && text_[pos_] != open; ++pos_) {
        if (text_[pos_] == '\\' && open == '"' && pos_ + 1 < text_.size()) ++pos_;
        out.text += text_[pos_];
      }
      if (pos_ >= text_.size()) return std::nullopt;
      ++pos_;
      return out;
    }
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(c)) || c == ')' || c == '}' || c == '&' ||
          c == '|')
        break;
      out.text += c;
      ++pos_;
    }
    if (out.text.empty()) return std::nullopt;
    return out;
  }

  std::optional<PatternMatch> comparison() {
    std::optional<std::string> path = selector();
    if (!path) return std::nullopt;
    const Field& field = event_.at(*path);
    const bool present = field.kind != Kind::absent;
    const bool fixed = field.kind == Kind::fixed;
    if (take_word("IS")) {
      if (take_word("NULL")) return decided(present && !fixed, false);
      if (take_word("TRUE")) return decided(present && (!fixed || field.value == "true"), false);
      if (take_word("FALSE")) return decided(present && (!fixed || field.value == "false"), false);
      return std::nullopt;
    }
    if (take_word("NOT")) {
      if (!take_word("EXISTS")) return std::nullopt;
      return decided(!present, false);
    }
    if (take_word("EXISTS")) return decided(present, false);
    std::string op;
    for (std::string_view candidate : {"!=", "<=", ">=", "=", "<", ">"}) {
      if (take(candidate)) {
        op = candidate;
        break;
      }
    }
    if (op.empty()) return std::nullopt;
    std::optional<Operand> value = operand();
    if (!value) return std::nullopt;
    if (!present) return decided(false, false);
    if (!fixed) return decided(true, false);  // some event of this kind has a value that fits
    if (op == "=" || op == "!=") {
      std::optional<bool> equal = value_matches(*value, field.value);
      if (!equal) return PatternMatch{Truth::unknown, false};
      const bool holds = op == "=" ? *equal : !*equal;
      bool discriminating = false;
      if (holds && field.discriminating()) {
        const bool decoy_equal = value_matches(*value, field.decoy).value_or(true);
        discriminating = !(op == "=" ? decoy_equal : !decoy_equal);
      }
      return decided(holds, discriminating);
    }
    const std::optional<double> left = number_of(field.value);
    const std::optional<double> right = number_of(value->text);
    if (!left || !right) return decided(false, false);
    if (op == "<") return decided(*left < *right, false);
    if (op == ">") return decided(*left > *right, false);
    if (op == "<=") return decided(*left <= *right, false);
    return decided(*left >= *right, false);
  }

  static std::optional<bool> value_matches(const Operand& value, const std::string& actual) {
    if (!value.regex) return glob_match(value.text, actual);
    RE2 re(value.text, RE2::Quiet);
    if (!re.ok()) return std::nullopt;
    return RE2::PartialMatch(actual, re);
  }

  static PatternMatch decided(bool holds, bool discriminating) {
    return PatternMatch{truth_of(holds), holds && discriminating};
  }

  std::string_view text_;
  const SampleEvent& event_;
  std::size_t pos_ = 0;
};

// Term patterns search the event's text: `Term` must occur, `?Term` is one of several that may,
// `-Term` must not. Only a term found in a fixed field says what the event is; any other may
// occur in the parts that vary.
PatternMatch match_terms(std::string_view text, const SampleEvent& event) {
  struct Term {
    std::string text;
    char sign = 0;
  };
  std::vector<Term> terms;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos >= text.size()) break;
    Term term;
    if (text[pos] == '?' || text[pos] == '-') term.sign = text[pos++];
    if (pos < text.size() && text[pos] == '"') {
      const std::size_t close = text.find('"', pos + 1);
      if (close == std::string_view::npos) return PatternMatch{Truth::unknown, false};
      term.text = std::string(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    } else {
      const std::size_t start = pos;
      while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
      term.text = std::string(text.substr(start, pos - start));
    }
    if (!term.text.empty()) terms.push_back(std::move(term));
  }
  // Whether a term occurs in a fixed field, and in a discriminating one.
  auto occurs = [&](const std::string& term) {
    std::optional<bool> found;
    for (const auto& [path, field] : event.fields()) {
      if (field.kind != Kind::fixed || field.value.find(term) == std::string::npos) continue;
      found = found.value_or(false) ||
              (field.discriminating() && field.decoy.find(term) == std::string::npos);
    }
    return found;
  };
  PatternMatch result{Truth::true_, false};
  bool has_optional = false;
  bool optional_found = false;
  for (const Term& term : terms) {
    const std::optional<bool> where = occurs(term.text);
    if (term.sign == '-') {
      if (where) return PatternMatch{};
    } else if (term.sign == '?') {
      has_optional = true;
      if (where) {
        optional_found = true;
        result.discriminating = result.discriminating || *where;
      }
    } else if (where) {
      result.discriminating = result.discriminating || *where;
    }
  }
  if (has_optional && !optional_found) result.discriminating = false;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Sample events

// Values other events have in the fields that say what an event is.
constexpr const char* kOtherSource = "aws.decoy";
constexpr const char* kOtherDetailType = "Decoy Event";
constexpr const char* kOtherEventSource = "decoy.amazonaws.com";
constexpr const char* kOtherEventName = "DescribeDecoys";
constexpr const char* kOtherIdentity = "AssumedRole";

SampleEvent cloudtrail_call(std::string source, std::string event_source, std::string name) {
  SampleEvent e;
  e.fix("source", std::move(source), kOtherSource)
      .fix("detail-type", "AWS API Call via CloudTrail")
      .fix("detail.eventSource", std::move(event_source), kOtherEventSource)
      .fix("detail.eventName", std::move(name), kOtherEventName)
      .fix("detail.eventType", "AwsApiCall")
      .fix("detail.readOnly", "false")
      .fix("detail.managementEvent", "true")
      .fix("detail.eventCategory", "Management")
      .absent("detail.errorCode")
      .absent("detail.errorMessage");
  return e;
}

SampleEvent root_console_login() {
  SampleEvent e;
  e.fix("source", "aws.signin", kOtherSource)
      .fix("detail-type", "AWS Console Sign In via CloudTrail", kOtherDetailType)
      .fix("detail.eventSource", "signin.amazonaws.com", kOtherEventSource)
      .fix("detail.eventName", "ConsoleLogin", kOtherEventName)
      .fix("detail.eventType", "AwsConsoleSignIn")
      .fix("detail.userIdentity.type", "Root", kOtherIdentity)
      .fix("detail.responseElements.ConsoleLogin", "Success")
      .fix("detail.readOnly", "false")
      .fix("detail.managementEvent", "true")
      .fix("detail.eventCategory", "Management")
      .absent("detail.userIdentity.invokedBy")
      .absent("detail.errorCode")
      .absent("detail.errorMessage");
  return e;
}

struct Probe {
  std::string name;  // what the message calls it: an event name
  SampleEvent event;
};

struct Category {
  std::string_view id;
  std::string_view label;
  std::vector<Probe> probes;
};

std::vector<Probe> calls(const std::string& service, std::initializer_list<const char*> names) {
  std::vector<Probe> out;
  for (const char* name : names)
    out.push_back({name, cloudtrail_call("aws." + service, service + ".amazonaws.com", name)});
  return out;
}

const std::vector<Category>& high_value_categories() {
  static const std::vector<Category> kCategories = {
      {"root-login", "root logins", {{"ConsoleLogin", root_console_login()}}},
      {"iam-user-key-creation", "IAM user and access key creation",
       calls("iam", {"CreateUser", "CreateAccessKey"})},
      {"cloudtrail-changes", "CloudTrail changes",
       calls("cloudtrail", {"StopLogging", "DeleteTrail", "UpdateTrail"})},
      {"organizations-policy-changes", "SCP and Organizations policy changes",
       calls("organizations", {"AttachPolicy", "DetachPolicy", "UpdatePolicy", "DeletePolicy"})},
  };
  return kCategories;
}

// ---------------------------------------------------------------------------------------------
// Reading detections from the graph

// A verdict with where it points and why, for near misses and undecided answers.
struct Judged {
  Truth truth = Truth::true_;
  Span span;
  std::string why;
};

Judged conjoin(Judged a, Judged b) {
  if (a.truth == Truth::false_) return a;
  if (b.truth == Truth::false_) return b;
  if (a.truth == Truth::unknown) return a;
  return b;
}

Judged rule_enabled(const Resource& rule) {
  const Value* state = rule.canonical.find("state");
  if (state != nullptr && !state->is_null()) {
    if (is_unknown_text(*state)) return {Truth::unknown, state->span, "its state is unknown"};
    if (state->is_string() && state->text() == "DISABLED")
      return {Truth::false_, state->span, "it is disabled"};
  }
  const Value* enabled = rule.canonical.find("enabled");
  if (enabled != nullptr && !enabled->is_null()) {
    if (is_unknown_text(*enabled))
      return {Truth::unknown, enabled->span, "whether it is enabled is unknown"};
    if (loosely_equal(*enabled, Value::boolean(false)))
      return {Truth::false_, enabled->span, "it is disabled"};
  }
  return {};
}

// Whether the rule's event pattern fires on `event`; `why` says what kept it undecided.
PatternMatch rule_fires_on(const Resource& rule, const SampleEvent& event, std::string& why) {
  const Value* pattern = rule.canonical.find("event_pattern");
  if (pattern == nullptr || pattern->is_null()) return PatternMatch{};
  const iam::DecodedDocument document = iam::decode_document(*pattern);
  if (document.unknown) {
    why = "its event pattern is unknown" +
          (document.unknown_reason.empty() ? std::string() : " (" + document.unknown_reason + ")");
    return PatternMatch{Truth::unknown, false};
  }
  if (document.malformed || document.get() == nullptr || !document.get()->is_map())
    return PatternMatch{};
  PatternMatch m = match_event_pattern(*document.get(), event);
  if (m.truth == Truth::unknown) why = "its event pattern has unknown parts";
  return m;
}

// A rule's targets: inline (CloudFormation) or aws_cloudwatch_event_target resources naming it.
struct Targets {
  std::vector<const Value*> arns;
  const Value* maybe = nullptr;  // a target whose rule is unknown: it might be one of them
};

bool refs_resolve_to(const Value& v, const Resource& from, std::size_t index,
                     const ResourceGraph& graph, bool& resolved_elsewhere) {
  bool hit = false;
  for (const std::string& ref : v.refs) {
    for (std::size_t i : graph.resolve(from.scope, ref)) {
      if (i == index)
        hit = true;
      else
        resolved_elsewhere = true;
    }
  }
  return hit;
}

Targets targets_of(const Resource& rule, std::size_t index, const ResourceGraph& graph) {
  Targets out;
  for (const Value* arn : resolve_all(rule.canonical, split_path("targets.arn")))
    out.arns.push_back(arn);
  const std::optional<std::string> name = known_string(rule.canonical.find("name"));
  for (std::size_t i : graph.of_kind(rule.scope, std::string(kTargetKind))) {
    const Resource& target = graph.resources[i];
    const Value* names = target.canonical.find("rule");
    const Value* arn = target.canonical.find("arn");
    if (names == nullptr || arn == nullptr) continue;
    bool elsewhere = false;
    const bool linked = refs_resolve_to(*names, target, index, graph, elsewhere) ||
                        (!elsewhere && name && known_string(names) == name);
    if (linked)
      out.arns.push_back(arn);
    else if (!elsewhere && is_unknown_text(*names) && out.maybe == nullptr)
      out.maybe = names;
  }
  return out;
}

enum class Audience { acts, notifies, unknown };

Audience audience_of(const Value* protocol) {
  const std::optional<std::string> p = known_string(protocol);
  if (!p) return Audience::unknown;
  if (*p == "email" || *p == "email-json" || *p == "sms") return Audience::notifies;
  return Audience::acts;  // http(s), lambda, sqs, firehose, application
}

// Whether a topic's subscribers (inline ones, subscriptions that reference it, or for a topic
// known only by ARN, that name that ARN) act on what it publishes.
Judged judge_topic_subscribers(const std::vector<Audience>& audiences, bool maybe_more,
                               const std::string& topic, const Span& at) {
  bool unknown = maybe_more;
  bool notifies = false;
  for (Audience a : audiences) {
    if (a == Audience::acts) return {};
    if (a == Audience::unknown) unknown = true;
    if (a == Audience::notifies) notifies = true;
  }
  if (unknown) return {Truth::unknown, at, "what subscribes to " + topic + " is unknown"};
  if (notifies) return {Truth::false_, at, topic + " has only email or SMS subscribers"};
  return {Truth::unknown, at, "no subscriber of " + topic + " is in the scanned set"};
}

Judged judge_topic(const Resource& topic, std::size_t index, const ResourceGraph& graph,
                   const Span& at) {
  std::vector<Audience> audiences;
  for (const Value* p : resolve_all(topic.canonical, split_path("subscriptions.protocol")))
    audiences.push_back(audience_of(p));
  bool maybe = false;
  for (std::size_t i : graph.of_kind(topic.scope, std::string(kSubscriptionKind))) {
    const Resource& subscription = graph.resources[i];
    const Value* topic_arn = subscription.canonical.find("topic_arn");
    if (topic_arn == nullptr) continue;
    bool elsewhere = false;
    if (refs_resolve_to(*topic_arn, subscription, index, graph, elsewhere))
      audiences.push_back(audience_of(subscription.canonical.find("protocol")));
    else if (!elsewhere && is_unknown_text(*topic_arn))
      maybe = true;
  }
  return judge_topic_subscribers(audiences, maybe, topic.address, at);
}

Judged judge_topic_arn(const std::string& arn, const ResourceGraph& graph, const Span& at) {
  std::vector<Audience> audiences;
  for (const Resource& r : graph.resources) {
    if (r.kind != kSubscriptionKind || known_string(r.canonical.find("topic_arn")) != arn) continue;
    audiences.push_back(audience_of(r.canonical.find("protocol")));
  }
  return judge_topic_subscribers(audiences, false, arn, at);
}

bool is_log_group(const Resource& r) {
  return r.native_type == "AWS::Logs::LogGroup" || r.native_type == "aws_cloudwatch_log_group";
}

// What a target is: a resource of the scan, or the service named in its literal ARN.
struct Sink {
  const Resource* resource = nullptr;
  std::size_t index = 0;
  std::string arn;      // a literal ARN, when no resource of the scan is referenced
  std::string service;  // of that ARN: "sns", "logs", "lambda" ...
};

std::optional<Sink> sink_of(const Value& arn, const Resource& holder, const ResourceGraph& graph) {
  for (const std::string& ref : arn.refs) {
    for (std::size_t i : graph.resolve(holder.scope, ref))
      return Sink{&graph.resources[i], i, {}, {}};
  }
  const std::optional<std::string> text = known_string(&arn);
  if (!text) return std::nullopt;
  // arn:partition:service:...
  const std::size_t first = text->find(':');
  const std::size_t second = first == std::string::npos ? first : text->find(':', first + 1);
  const std::size_t third = second == std::string::npos ? second : text->find(':', second + 1);
  if (third == std::string::npos) return std::nullopt;
  return Sink{nullptr, 0, *text, text->substr(second + 1, third - second - 1)};
}

Judged unknown_sink(const Value& arn) {
  return {Truth::unknown, arn.span,
          "what its target is, is unknown" +
              (arn.is_unknown() && !arn.text().empty() ? " (" + arn.text() + ")" : "")};
}

bool stores_only(const Sink& sink) {
  return sink.resource != nullptr ? is_log_group(*sink.resource) : sink.service == "logs";
}

std::string name_of(const Sink& sink) {
  return sink.resource != nullptr ? sink.resource->address : sink.arn;
}

// Does a target act on what it receives (a function, a queue, a workflow, an API destination,
// another event bus), or only store it or mail it to someone?
Judged judge_sink(const Value& arn, const Resource& holder, const ResourceGraph& graph) {
  const std::optional<Sink> sink = sink_of(arn, holder, graph);
  if (!sink) return unknown_sink(arn);
  if (stores_only(*sink)) return {Truth::false_, arn.span, name_of(*sink) + " is a log group"};
  if (sink->resource != nullptr && sink->resource->kind == kTopicKind)
    return judge_topic(*sink->resource, sink->index, graph, arn.span);
  if (sink->resource == nullptr && sink->service == "sns")
    return judge_topic_arn(sink->arn, graph, arn.span);
  return {};
}

// Does a target tell someone in real time: anything but a log group (email will do)?
Judged judge_alert(const Value& arn, const Resource& holder, const ResourceGraph& graph) {
  const std::optional<Sink> sink = sink_of(arn, holder, graph);
  if (!sink) return unknown_sink(arn);
  if (stores_only(*sink)) return {Truth::false_, arn.span, name_of(*sink) + " is a log group"};
  return {};
}

Judged rule_routes(const Resource& rule, std::size_t index, const ResourceGraph& graph) {
  const Targets targets = targets_of(rule, index, graph);
  Judged best{Truth::false_, rule.name_span, "it has no target"};
  std::optional<Judged> unknown;
  bool missed = false;
  for (const Value* arn : targets.arns) {
    Judged sink = judge_sink(*arn, rule, graph);
    if (sink.truth == Truth::true_) return conjoin(rule_enabled(rule), sink);
    if (sink.truth == Truth::unknown && !unknown) unknown = sink;
    if (sink.truth == Truth::false_ && !missed) {
      missed = true;
      best = sink;
      best.why = "its only sinks neither act nor open tickets: " + sink.why;
    }
  }
  if (!unknown && targets.maybe != nullptr)
    unknown = Judged{Truth::unknown, targets.maybe->span, "a target names an unknown rule"};
  return conjoin(rule_enabled(rule), unknown ? *unknown : best);
}

Judged rule_alerts(const Resource& rule, std::size_t index, const ResourceGraph& graph) {
  const Targets targets = targets_of(rule, index, graph);
  Judged best{Truth::false_, rule.name_span, "it has no target"};
  std::optional<Judged> unknown;
  for (const Value* arn : targets.arns) {
    Judged alert = judge_alert(*arn, rule, graph);
    if (alert.truth == Truth::true_) return rule_enabled(rule);
    if (alert.truth == Truth::unknown && !unknown) unknown = alert;
    if (alert.truth == Truth::false_)
      best = {Truth::false_, alert.span, "its only target " + alert.why};
  }
  if (!unknown && targets.maybe != nullptr)
    unknown = Judged{Truth::unknown, targets.maybe->span, "a target names an unknown rule"};
  return conjoin(rule_enabled(rule), unknown ? *unknown : best);
}

// The elements of a list attribute (a lone map counts as a list of one).
std::vector<const Value*> elements(const Value& holder, const char* attribute) {
  std::vector<const Value*> out;
  for (const Value* hit : resolve_all(holder, split_path(attribute))) {
    if (!hit->is_list()) {
      out.push_back(hit);
      continue;
    }
    for (const Value& item : hit->items()) out.push_back(&item);
  }
  return out;
}

// The metric a filter publishes, as an alarm names it.
struct Metric {
  const Resource& filter;
  std::size_t index;
  std::optional<std::string> name;  // nullopt: unknown
  std::optional<std::string> space;
};

// Does an alarm's metric (its own, or one of its metric math queries) watch `metric`? A
// metric name that references the filter (`aws_cloudwatch_log_metric_filter.x.id`, the filter's
// name) links them whatever its value; one referencing another resource never does.
Truth watches(const Value& watched, const Resource& alarm, const Metric& metric,
              const ResourceGraph& graph) {
  const Value* name = watched.find("metric_name");
  const Value* space = watched.find("namespace");
  if (name == nullptr || space == nullptr) return Truth::false_;
  bool elsewhere = false;
  Truth same_name = Truth::unknown;
  if (refs_resolve_to(*name, alarm, metric.index, graph, elsewhere))
    same_name = Truth::true_;
  else if (elsewhere)
    same_name = Truth::false_;
  else if (!is_unknown_text(*name) && metric.name)
    same_name = truth_of(known_string(name) == metric.name);
  const Truth same_space = is_unknown_text(*space) || !metric.space
                               ? Truth::unknown
                               : truth_of(known_string(space) == metric.space);
  return truth_and(same_name, same_space);
}

Truth alarm_acts(const Value& alarm) {
  const Value* enabled = alarm.find("actions_enabled");
  if (enabled != nullptr && is_unknown_text(*enabled)) return Truth::unknown;
  if (enabled != nullptr && loosely_equal(*enabled, Value::boolean(false))) return Truth::false_;
  const Value* actions = alarm.find("alarm_actions");
  if (actions == nullptr || actions->is_null()) return Truth::false_;
  if (actions->is_unknown()) return Truth::unknown;
  return truth_of(!actions->is_list() || !actions->items().empty());
}

Judged filter_alarmed(const Resource& filter, std::size_t index, const ResourceGraph& graph) {
  Truth alarmed = Truth::false_;
  for (const Value* t : elements(filter.canonical, "metric_transformations")) {
    const Metric metric{filter, index, known_string(t->find("metric_name")),
                        known_string(t->find("metric_namespace"))};
    for (const Resource& alarm : graph.resources) {
      if (alarm.kind != kAlarmKind) continue;
      Truth watched = watches(alarm.canonical, alarm, metric, graph);
      for (const Value* m : elements(alarm.canonical, "metrics"))
        watched =
            truth_or(watched, m->is_unknown() ? Truth::unknown : watches(*m, alarm, metric, graph));
      alarmed = truth_or(alarmed, truth_and(watched, alarm_acts(alarm.canonical)));
    }
  }
  if (alarmed == Truth::true_) return {};
  if (alarmed == Truth::unknown)
    return {Truth::unknown, filter.name_span,
            "whether an alarm with actions watches its metric is unknown"};
  return {Truth::false_, filter.name_span, "no alarm with actions watches its metric"};
}

PatternMatch filter_fires_on(const Resource& filter, const SampleEvent& event, std::string& why) {
  const Value* pattern = filter.canonical.find("pattern");
  if (pattern == nullptr || pattern->is_null()) return PatternMatch{};
  if (is_unknown_text(*pattern)) {
    why = "its filter pattern is unknown";
    return PatternMatch{Truth::unknown, false};
  }
  if (!pattern->is_string()) return PatternMatch{};
  PatternMatch m = match_metric_filter(pattern->text(), event);
  if (m.truth == Truth::unknown) why = "its filter pattern is not understood";
  return m;
}

// Collects, over the detections of the scan, the verdict on one question (one sample event):
// met by a ready detection, or missed, with the nearest miss.
class Tally {
 public:
  void add(Judged verdict, std::size_t index, const Resource& r, PresenceEvidence* evidence) {
    if (verdict.truth == Truth::true_) {
      truth_ = Truth::true_;
      if (evidence) evidence->met.push_back(index);
      return;
    }
    if (evidence) evidence->near_miss.push_back(index);
    verdict.why = r.address + ": " + verdict.why;
    if (verdict.truth == Truth::unknown) {
      if (truth_ == Truth::false_) truth_ = Truth::unknown;
      if (!unknown_) unknown_ = std::move(verdict);
    } else if (!miss_) {
      miss_ = std::move(verdict);
    }
  }
  Truth truth() const { return truth_; }
  const std::optional<Judged>& miss() const { return miss_; }
  const std::optional<Judged>& unknown() const { return unknown_; }

 private:
  Truth truth_ = Truth::false_;
  std::optional<Judged> miss_;
  std::optional<Judged> unknown_;
};

// A verdict on a detection whose pattern was decided (or not) for `event`.
std::optional<Judged> detection_verdict(const PatternMatch& m, const std::string& why,
                                        const Resource& r, const std::function<Judged()>& ready) {
  if (m.truth == Truth::false_ || (m.truth == Truth::true_ && !m.discriminating))
    return std::nullopt;
  if (m.truth == Truth::unknown) return Judged{Truth::unknown, r.name_span, why};
  return ready();
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

const EvalContext* whole_set_context(const PredicateInput& input) {
  const EvalContext* context = input.context;
  return context != nullptr && context->graph != nullptr ? context : nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

SampleEvent& SampleEvent::fix(const std::string& path, std::string value, std::string decoy) {
  fields_[path] = Field{Kind::fixed, std::move(value), std::move(decoy)};
  return *this;
}

SampleEvent& SampleEvent::absent(const std::string& path) {
  fields_[path] = Field{Kind::absent, {}, {}};
  return *this;
}

const SampleEvent::Field& SampleEvent::at(std::string_view path) const {
  static const Field kVaries;
  auto it = fields_.find(path);
  return it == fields_.end() ? kVaries : it->second;
}

PatternMatch match_event_pattern(const Value& pattern, const SampleEvent& event) {
  if (!pattern.is_map())
    return PatternMatch{is_unknown_text(pattern) ? Truth::unknown : Truth::false_, false};
  return match_map(pattern, "", event);
}

PatternMatch match_metric_filter(std::string_view pattern, const SampleEvent& event) {
  std::size_t start = pattern.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return PatternMatch{Truth::true_, false};  // every event
  if (pattern[start] == '[') return PatternMatch{};  // space-delimited: not a JSON record
  if (pattern[start] != '{') return match_terms(pattern, event);
  JsonFilter filter(pattern, event);
  std::optional<PatternMatch> m = filter.evaluate();
  return m ? *m : PatternMatch{Truth::unknown, false};
}

Outcome findings_routed_to_responder(const PredicateInput& input) {
  const EvalContext* context = whole_set_context(input);
  if (context == nullptr) return undecided("event rules", {}, "the scanned set is not available");
  SampleEvent finding;
  finding.fix("source", input.arguments.find("source")->text(), kOtherSource);
  if (const Value* type = input.arguments.find("detail_type"))
    finding.fix("detail-type", type->text(), kOtherDetailType);
  const ResourceGraph& graph = *context->graph;
  Tally tally;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& rule = graph.resources[i];
    if (rule.folded || rule.kind != kRuleKind) continue;
    std::string why;
    const PatternMatch m = rule_fires_on(rule, finding, why);
    std::optional<Judged> verdict =
        detection_verdict(m, why, rule, [&] { return rule_routes(rule, i, graph); });
    if (verdict) tally.add(std::move(*verdict), i, rule, context->evidence);
    if (tally.truth() == Truth::true_ && context->evidence == nullptr) break;
  }
  if (tally.truth() == Truth::true_) return found("event rules", {}, "routed");
  if (tally.truth() == Truth::unknown)
    return undecided("event rules", tally.unknown()->span, tally.unknown()->why);
  Outcome none;
  none.attribute = "event rules";
  if (tally.miss()) {
    none.span = tally.miss()->span;
    none.detail = tally.miss()->why;
  }
  return none;
}

std::string findings_routed_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "source" && e.key != "detail_type") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || e.value.text().empty())
      return e.key + " must be a non-empty string";
  }
  return arguments.find("source") ? "" : "needs source: the events' source, e.g. aws.guardduty";
}

Outcome high_value_events_detected(const PredicateInput& input) {
  const EvalContext* context = whole_set_context(input);
  if (context == nullptr) return undecided("detections", {}, "the scanned set is not available");
  const ResourceGraph& graph = *context->graph;
  const Value* wanted = input.arguments.find("categories");
  std::vector<std::string> missing;
  std::vector<std::string> undecided_parts;
  std::optional<Judged> nearest;
  std::optional<Judged> first_unknown;
  for (const Category& category : high_value_categories()) {
    if (wanted != nullptr &&
        std::none_of(wanted->items().begin(), wanted->items().end(),
                     [&](const Value& id) { return id.text() == category.id; }))
      continue;
    std::vector<std::string> missed_events;
    bool category_unknown = false;
    for (const Probe& probe : category.probes) {
      Tally tally;
      for (std::size_t i = 0; i < graph.resources.size(); ++i) {
        const Resource& r = graph.resources[i];
        if (r.folded) continue;
        std::string why;
        std::optional<Judged> verdict;
        if (r.kind == kRuleKind) {
          verdict = detection_verdict(rule_fires_on(r, probe.event, why), why, r,
                                      [&] { return rule_alerts(r, i, graph); });
        } else if (r.kind == kFilterKind) {
          verdict = detection_verdict(filter_fires_on(r, probe.event, why), why, r,
                                      [&] { return filter_alarmed(r, i, graph); });
        }
        if (verdict) tally.add(std::move(*verdict), i, r, context->evidence);
      }
      if (tally.truth() == Truth::false_) {
        missed_events.push_back(probe.name);
        if (!nearest && tally.miss()) nearest = tally.miss();
      } else if (tally.truth() == Truth::unknown) {
        category_unknown = true;
        if (!first_unknown) first_unknown = tally.unknown();
      }
    }
    if (missed_events.size() == category.probes.size()) {
      missing.emplace_back(category.label);
    } else if (!missed_events.empty()) {
      missing.push_back(std::string(category.label) + " (" + joined(missed_events, ", ") + ")");
    } else if (category_unknown) {
      undecided_parts.emplace_back(category.label);
    }
  }
  if (!missing.empty()) {
    Outcome none;
    none.attribute = "detections";
    none.detail = "nothing detects " + joined(missing, "; ");
    if (nearest) {
      none.span = nearest->span;
      none.detail += "; nearest: " + nearest->why;
    }
    return none;
  }
  if (!undecided_parts.empty())
    return undecided("detections", first_unknown ? first_unknown->span : Span{},
                     "undecided: " + joined(undecided_parts, "; ") +
                         (first_unknown ? " (" + first_unknown->why + ")" : ""));
  return found("detections", {}, "every category detected");
}

std::string high_value_events_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "categories") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_list() || e.value.items().empty())
      return "categories must be a non-empty list of category ids";
    for (const Value& id : e.value.items()) {
      const auto& all = high_value_categories();
      if (!id.is_string() || std::none_of(all.begin(), all.end(),
                                          [&](const Category& c) { return c.id == id.text(); }))
        return "unknown category \"" + id.to_display_string() +
               "\" (root-login, iam-user-key-creation, cloudtrail-changes, "
               "organizations-policy-changes)";
    }
  }
  return "";
}

}  // namespace iacscan::detail::predicates
