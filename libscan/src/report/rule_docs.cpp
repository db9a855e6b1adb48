// Rule documentation renderers.
#include "iacscan/rule_docs.hpp"

#include <map>
#include <string_view>

#include "iacscan/severity.hpp"

namespace iacscan {
namespace {

std::string_view scope_name(RuleScope scope) {
  switch (scope) {
    case RuleScope::resource:
      return "resource";
    case RuleScope::account:
      return "account";
    case RuleScope::org_config:
      return "org-config";
  }
  return "resource";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out.empty() ? "-" : out;
}

std::string_view format_title(std::string_view format) {
  if (format == "cloudformation") return "CloudFormation";
  if (format == "terraform") return "Terraform";
  if (format == "policy") return "Standalone policy file";
  if (format == "scp") return "SCP file";
  return format;
}

std::string_view fence_language(std::string_view format) {
  if (format == "cloudformation") return "yaml";
  if (format == "terraform") return "hcl";
  return "json";
}

std::string_view expectation_title(RuleExample::Expectation expectation) {
  switch (expectation) {
    case RuleExample::Expectation::bad:
      return "Bad";
    case RuleExample::Expectation::good:
      return "Good";
    case RuleExample::Expectation::unknown:
      return "Unknown value (no finding by default)";
  }
  return "";
}

std::string with_newline(std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

// Examples grouped by format (in the order the rule file lists formats), bad first.
template <typename Emit>
void for_each_example_group(const RuleInfo& rule, Emit&& emit) {
  std::vector<std::string> formats;
  for (const RuleExample& e : rule.examples) {
    bool seen = false;
    for (const std::string& f : formats) seen = seen || f == e.format;
    if (!seen) formats.push_back(e.format);
  }
  for (const std::string& format : formats) {
    for (auto expectation : {RuleExample::Expectation::bad, RuleExample::Expectation::good,
                             RuleExample::Expectation::unknown}) {
      std::vector<const RuleExample*> group;
      for (const RuleExample& e : rule.examples)
        if (e.format == format && e.expectation == expectation) group.push_back(&e);
      if (!group.empty()) emit(format, expectation, group);
    }
  }
}

// What a suppression of an equivalent check means here, said once in both renderers.
constexpr std::string_view kEquivalentsNote =
    "A suppression of one of these checks, in that tool's own spelling, also suppresses this "
    "rule.";

// The source of a built-in rule, as a repository path.
std::string source_name(const RuleInfo& rule) {
  constexpr std::string_view kBuiltin = "builtin:";
  if (rule.source_path.starts_with(kBuiltin))
    return "policies/" + rule.source_path.substr(kBuiltin.size());
  return rule.source_path;
}

}  // namespace

std::string render_rule_text(const RuleInfo& rule) {
  std::string out = rule.id + ": " + rule.title + "\n\n";
  out += "  severity  " + std::string(to_string(rule.severity)) + "\n";
  out += "  stage     " + std::to_string(rule.stage) + " (AWS Security Maturity Roadmap)\n";
  out += "  category  " + rule.category + "\n";
  out += "  scope     " + std::string(scope_name(rule.scope)) + "\n";
  out += "  formats   " + joined(rule.formats, ", ") + "\n";
  out += "  kinds     " + joined(rule.kinds, ", ") + "\n";
  out += "  tags      " + joined(rule.tags, ", ") + "\n";
  out += "  source    " + source_name(rule) + "\n\n";
  out += with_newline(rule.description) + "\nRemediation: " + with_newline(rule.remediation);
  for_each_example_group(rule, [&](const std::string& format, RuleExample::Expectation expectation,
                                   const std::vector<const RuleExample*>& group) {
    out += "\n" + std::string(format_title(format)) + ", " +
           std::string(expectation_title(expectation)) + ":\n";
    for (const RuleExample* e : group) {
      std::string_view code = e->code;
      while (!code.empty()) {
        const std::size_t newline = code.find('\n');
        out += "    " + std::string(code.substr(0, newline)) + "\n";
        if (newline == std::string_view::npos) break;
        code.remove_prefix(newline + 1);
      }
      if (e != group.back()) out += "    ---\n";
    }
  });
  if (!rule.equivalents.empty()) {
    out += "\nEquivalent checks in other scanners:\n";
    for (const auto& [tool, ids] : rule.equivalents) {
      out += "  " + tool + std::string(tool.size() < 9 ? 9 - tool.size() : 1, ' ') +
             joined(ids, ", ") + "\n";
    }
    out += "  " + std::string(kEquivalentsNote) + "\n";
  }
  if (!rule.references.empty()) {
    out += "\nReferences:\n";
    for (const std::string& r : rule.references) out += "  " + r + "\n";
  }
  return out;
}

std::string render_rule_markdown(const RuleInfo& rule) {
  std::string out = "# " + rule.id + "\n\n**" + rule.title + "**\n\n";
  out += "| | |\n|---|---|\n";
  out += "| Severity | " + std::string(to_string(rule.severity)) + " |\n";
  out += "| Roadmap stage | " + std::to_string(rule.stage) + " |\n";
  out += "| Category | " + rule.category + " |\n";
  out += "| Scope | " + std::string(scope_name(rule.scope)) + " |\n";
  out += "| Formats | " + joined(rule.formats, ", ") + " |\n";
  out += "| Kinds | " + joined(rule.kinds, ", ") + " |\n";
  out += "| Tags | " + joined(rule.tags, ", ") + " |\n\n";
  out += with_newline(rule.description) + "\n## Remediation\n\n" + with_newline(rule.remediation);
  if (!rule.examples.empty()) out += "\n## Examples\n";
  std::string current_format;
  for_each_example_group(rule, [&](const std::string& format, RuleExample::Expectation expectation,
                                   const std::vector<const RuleExample*>& group) {
    if (format != current_format) {
      out += "\n### " + std::string(format_title(format)) + "\n";
      current_format = format;
    }
    out += "\n" + std::string(expectation_title(expectation)) + ":\n";
    for (const RuleExample* e : group) {
      out += "\n```" + std::string(fence_language(format)) + "\n" + with_newline(e->code) + "```\n";
    }
  });
  if (!rule.equivalents.empty()) {
    out += "\n## Equivalent checks\n\n| Tool | Checks |\n|---|---|\n";
    for (const auto& [tool, ids] : rule.equivalents) {
      std::string codes;
      for (const std::string& id : ids) codes += (codes.empty() ? "`" : ", `") + id + "`";
      out += "| " + tool + " | " + codes + " |\n";
    }
    out += "\n" + std::string(kEquivalentsNote) + "\n";
  }
  if (!rule.references.empty()) {
    out += "\n## References\n\n";
    for (const std::string& r : rule.references) out += "- <" + r + ">\n";
  }
  out += "\n---\n\nGenerated by `iacscan docs` from `" + source_name(rule) +
         "`; edit the rule file, not this page.\n";
  return out;
}

std::string render_rule_index_markdown(const std::vector<RuleInfo>& rules) {
  std::map<std::string, std::vector<const RuleInfo*>> by_category;
  for (const RuleInfo& rule : rules) by_category[rule.category].push_back(&rule);
  std::string out = "# Rules\n\n" + std::to_string(rules.size()) +
                    " rules, by category. Each page gives the rule's examples, which run as "
                    "tests.\n";
  for (const auto& [category, list] : by_category) {
    out += "\n## " + category +
           "\n\n| id | severity | stage | scope | formats | title |\n"
           "|---|---|---|---|---|---|\n";
    for (const RuleInfo* rule : list) {
      out += "| [" + rule->id + "](" + rule->id + ".md) | " +
             std::string(to_string(rule->severity)) + " | " + std::to_string(rule->stage) + " | " +
             std::string(scope_name(rule->scope)) + " | " + joined(rule->formats, ", ") + " | " +
             rule->title + " |\n";
    }
  }
  out += "\n---\n\nGenerated by `iacscan docs`; edit the rule files under `policies/`.\n";
  return out;
}

}  // namespace iacscan
