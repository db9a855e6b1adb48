// RuleInfo: the metadata of a loaded rule, as reports and integrations need it.
// The rule's condition and examples stay private to the engine.
#pragma once

#include <string>
#include <vector>

#include "iacscan/severity.hpp"

namespace iacscan {

enum class RuleScope { resource, account, org_config };

struct RuleInfo {
  std::string id;     // stable kebab-case id, e.g. "s3-bucket-public-acl"
  std::string title;  // states the problem in one line
  Severity severity = Severity::medium;
  int stage = 0;         // AWS Security Maturity Roadmap stage, 1..10
  std::string category;  // e.g. "public-exposure"
  RuleScope scope = RuleScope::resource;
  std::string description;              // a paragraph: why it matters
  std::string remediation;              // what to do instead
  std::vector<std::string> references;  // URLs
  std::vector<std::string> tags;
  // The formats the rule's examples cover, sorted: "cloudformation", "policy" (standalone
  // policy files), "scp", "terraform".
  std::vector<std::string> formats;
  std::string source_path;  // policy file the rule came from ("builtin:..." for built-ins)
};

}  // namespace iacscan
