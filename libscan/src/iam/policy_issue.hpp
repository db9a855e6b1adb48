// A problem a policy validator found in a policy document: a stable code that rules and
// suppressions can name ("invalid-effect"), a message for people, and where it was written.
// The validators (policy_validator.hpp, scp_validator.hpp) report only what is certainly
// wrong: an element that is unknown (a Terraform value known after apply) is never an issue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail::iam {

enum class IssueLevel : std::uint8_t {
  error,    // AWS rejects the policy, or an element cannot do anything
  warning,  // AWS accepts it, but it does not do what it seems to (or our data says so)
  note,     // worth a look: something our IAM data does not know, a deprecated form
};

constexpr std::string_view issue_level_name(IssueLevel level) {
  switch (level) {
    case IssueLevel::error:
      return "error";
    case IssueLevel::warning:
      return "warning";
    case IssueLevel::note:
      return "note";
  }
  return "error";
}

struct PolicyIssue {
  std::string code;  // stable, kebab-case: "unknown-action", "duplicate-sid", ...
  std::string message;
  Span span;  // the offending element; the statement or policy when no element is to blame
  IssueLevel level = IssueLevel::error;
};

using PolicyIssues = std::vector<PolicyIssue>;

inline void add_issue(PolicyIssues& issues, std::string code, std::string message, Span span,
                      IssueLevel level = IssueLevel::error) {
  issues.push_back({std::move(code), std::move(message), span, level});
}

}  // namespace iacscan::detail::iam
