// Rule: a loaded policy file — metadata, the kinds it visits, its condition, its message
// template, and the examples the test suite runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/condition.hpp"
#include "iacscan/rule.hpp"

namespace iacscan::detail {

using ExampleExpectation = RuleExample::Expectation;

// A `kinds` entry that selects every resource able to hold an IAM policy document (a role, a
// bucket policy, an SCP file ...), for rules that judge policies through built-in predicates.
inline constexpr std::string_view kPolicyDocumentsSelector = "policy-documents";
// A `kinds` entry that selects every resource, folded or not, judged on its native attributes
// (secrets can hide anywhere, provider blocks and parameters included).
inline constexpr std::string_view kAllResourcesSelector = "all-resources";

// RuleInfo (public) holds the metadata, kinds, message template and examples.
struct Rule {
  RuleInfo info;
  Condition condition;
};

// Parses one rule file. Throws PolicyFileError with the offending line.
Rule parse_rule(const std::string& text, const std::string& source_path);

// Renders a message template; unknown placeholders are left as written.
std::string render_message(const std::string& templ, const std::string& resource,
                           const std::string& type, const std::string& value,
                           const std::string& attribute);

}  // namespace iacscan::detail
