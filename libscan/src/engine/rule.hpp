// Rule: a loaded policy file — metadata, the kinds it visits, its condition, its message
// template, and the examples the test suite runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/condition.hpp"
#include "iacscan/rule.hpp"

namespace iacscan::detail {

enum class ExampleExpectation { bad, good, unknown };

struct RuleExample {
  std::string format;  // "cloudformation", "terraform"
  ExampleExpectation expectation = ExampleExpectation::bad;
  std::string code;
};

// A `kinds` entry that selects every resource able to hold an IAM policy document (a role, a
// bucket policy, an SCP file ...), for rules that judge policies through built-in predicates.
inline constexpr std::string_view kPolicyDocumentsSelector = "policy-documents";

struct Rule {
  RuleInfo info;
  std::vector<std::string> kinds;  // canonical kinds (or native types) the rule visits
  Condition condition;
  std::string message;  // template: {resource}, {type}, {value}, {attribute}
  std::vector<RuleExample> examples;
};

// Parses one rule file. Throws PolicyFileError with the offending line.
Rule parse_rule(const std::string& text, const std::string& source_path);

// Renders a message template; unknown placeholders are left as written.
std::string render_message(const std::string& templ, const std::string& resource,
                           const std::string& type, const std::string& value,
                           const std::string& attribute);

}  // namespace iacscan::detail
