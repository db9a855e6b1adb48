// Rule documentation: the same text for `iacscan explain ID`, the generated pages under
// docs/rules/ and users' own rules (--policy-dir). Pure functions of RuleInfo: same rules,
// byte-identical pages.
#pragma once

#include <string>
#include <vector>

#include "iacscan/export.hpp"
#include "iacscan/rule.hpp"

namespace iacscan {

// Plain text for a terminal: metadata, description, remediation, examples, references.
IACSCAN_API std::string render_rule_text(const RuleInfo& rule);

// One Markdown page (docs/rules/<id>.md).
IACSCAN_API std::string render_rule_markdown(const RuleInfo& rule);

// The index page (docs/rules/README.md): every rule by category, linking to its page.
IACSCAN_API std::string render_rule_index_markdown(const std::vector<RuleInfo>& rules);

}  // namespace iacscan
