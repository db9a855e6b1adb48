// RuleInfo: the metadata of a loaded rule, as reports and integrations need it.
// The rule's condition stays private to the engine. Plain values: Scanner::rules() and
// ScanResult::rules hold copies.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iacscan/severity.hpp"

namespace iacscan {

enum class RuleScope { resource, account, org_config };

// A rule's example, run as a test and shown in its documentation: bad code must produce a
// finding of the rule, good code none, and code whose decisive value is unknown none either.
struct RuleExample {
  enum class Expectation { bad, good, unknown };
  std::string format;  // "cloudformation", "terraform", "policy", "scp"
  Expectation expectation = Expectation::bad;
  std::string code;
  // Bad examples: the 1-based lines the rule's findings must point at, from
  // `iacscan-expect: <id>` comments in the code or the example's `line:` field.
  std::vector<unsigned> lines;
};

struct RuleInfo {
  std::string id;     // stable kebab-case id, e.g. "s3-bucket-public-acl"
  std::string title;  // states the problem in one line
  Severity severity = Severity::medium;
  int stage = 0;         // AWS Security Maturity Roadmap stage, 1..10
  std::string category;  // e.g. "public-exposure"
  RuleScope scope = RuleScope::resource;
  // Judged once over the whole scanned set (a `control:` rule: account rules, and org-config
  // rules about the organization as a whole) rather than per resource (`condition:`).
  bool judges_whole_set = false;
  // Configuration keys the rule needs ("organization.security_account"); while one is unset
  // the rule is silent and the roadmap reports it as needing configuration.
  std::vector<std::string> requires_config;
  std::string description;              // a paragraph: why it matters
  std::string remediation;              // what to do instead
  std::vector<std::string> references;  // URLs
  std::vector<std::string> tags;
  // The formats the rule's examples cover, sorted: "cloudformation", "policy" (standalone
  // policy files), "scp", "terraform".
  std::vector<std::string> formats;
  std::string source_path;         // policy file the rule came from ("builtin:..." for built-ins)
  std::vector<std::string> kinds;  // canonical kinds (or native types) the rule visits
  std::string message;             // message template: {resource}, {type}, {value}, {attribute}
  std::vector<RuleExample> examples;
  // The same check in other scanners, by tool: {"checkov": ["CKV_AWS_20"], "cfn_nag": ["W35"],
  // "tfsec": ["aws-s3-no-public-access-with-acl"]}. Their suppressions (checkov's and
  // cfn_nag's Metadata, checkov:skip and tfsec:ignore comments) then suppress this rule.
  std::map<std::string, std::vector<std::string>> equivalents;
};

}  // namespace iacscan
