// Reading rule files and rendering their messages.
#include "engine/rule.hpp"

#include <algorithm>
#include <array>

#include "engine/condition_parser.hpp"
#include "engine/configuration_facts.hpp"
#include "engine/rule_equivalents.hpp"
#include "engine/yaml_node.hpp"

namespace iacscan::detail {
namespace {

// "scp": a standalone policy file in an SCP folder (its path, not its content, makes it one).
constexpr std::array<const char*, 4> kFormats = {"cloudformation", "terraform", "policy", "scp"};

RuleScope parse_scope(const YAML::Node& root) {
  const std::string scope = optional_string(root, "scope");
  if (scope.empty() || scope == "resource") return RuleScope::resource;
  if (scope == "account") return RuleScope::account;
  if (scope == "org-config") return RuleScope::org_config;
  fail_at(root["scope"], "scope must be resource, account or org-config");
}

bool is_kebab_case(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char ch : id) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
  }
  return true;
}

RuleInfo parse_info(const YAML::Node& root, const std::string& source_path) {
  RuleInfo info;
  info.id = required_string(root, "id");
  if (!is_kebab_case(info.id)) fail_at(root["id"], "rule id must be kebab-case: " + info.id);
  info.title = required_string(root, "title");
  const std::string severity = required_string(root, "severity");
  auto parsed = parse_severity(severity);
  if (!parsed) fail_at(root["severity"], "unknown severity: " + severity);
  info.severity = *parsed;
  const YAML::Node stage = root["stage"];
  if (!stage || !stage.IsScalar()) fail_at(root, "missing 'stage' (1-10)");
  try {
    info.stage = stage.as<int>();
  } catch (const YAML::Exception&) {
    fail_at(stage, "'stage' must be a number from 1 to 10");
  }
  if (info.stage < 1 || info.stage > 10) fail_at(stage, "'stage' must be from 1 to 10");
  info.category = required_string(root, "category");
  info.scope = parse_scope(root);
  info.description = required_string(root, "description");
  info.remediation = required_string(root, "remediation");
  info.references = string_list(root, "references");
  info.tags = string_list(root, "tags");
  info.equivalents = parse_equivalents(root["equivalents"]);
  info.source_path = source_path;
  return info;
}

// The lines marked `iacscan-expect: <id>` in an example: a comment at the end of the line, or
// alone on the line before the one it marks.
std::vector<unsigned> marked_lines(const std::string& code, const std::string& id) {
  const std::string marker = "iacscan-expect: " + id;
  std::vector<unsigned> lines;
  unsigned line = 1;
  for (std::size_t pos = 0; pos <= code.size(); ++line) {
    std::size_t end = code.find('\n', pos);
    if (end == std::string::npos) end = code.size();
    const std::string_view text(code.data() + pos, end - pos);
    const std::size_t at = text.find(marker);
    if (at != std::string_view::npos) {
      // Only a comment leader before the marker: it marks the next line.
      const bool alone = text.substr(0, at).find_first_not_of(" \t#/") == std::string_view::npos;
      lines.push_back(alone ? line + 1 : line);
    }
    if (end == code.size()) break;
    pos = end + 1;
  }
  return lines;
}

RuleExample parse_example(const YAML::Node& item, const std::string& format,
                          ExampleExpectation expectation) {
  RuleExample example;
  example.format = format;
  example.expectation = expectation;
  if (item.IsMap()) {
    for (const auto& entry : item) {
      const std::string key = entry.first.Scalar();
      if (key != "code" && key != "line")
        fail_at(entry.first, "an example map holds 'code' and 'line', not \"" + key + "\"");
    }
    example.code = required_string(item, "code");
    if (const YAML::Node line = item["line"]) {
      if (expectation != ExampleExpectation::bad) fail_at(line, "only bad examples have a 'line'");
      try {
        example.lines.push_back(line.as<unsigned>());
      } catch (const YAML::Exception&) {
        fail_at(line, "'line' is a 1-based line number");
      }
    }
  } else if (item.IsScalar()) {
    example.code = item.Scalar();
  } else {
    fail_at(item, "an example is a block of code, or a map with 'code' and 'line'");
  }
  return example;
}

std::vector<RuleExample> parse_examples(const YAML::Node& root) {
  std::vector<RuleExample> out;
  const YAML::Node examples = root["examples"];
  if (!examples) return out;
  if (!examples.IsMap()) fail_at(examples, "'examples' must map formats to good/bad/unknown lists");
  for (const auto& format_entry : examples) {
    const std::string format = format_entry.first.as<std::string>();
    bool known = false;
    for (const char* f : kFormats) known = known || format == f;
    if (!known) fail_at(format_entry.first, "unknown example format: " + format);
    for (const auto& group : format_entry.second) {
      const std::string name = group.first.as<std::string>();
      ExampleExpectation expectation;
      if (name == "bad") {
        expectation = ExampleExpectation::bad;
      } else if (name == "good") {
        expectation = ExampleExpectation::good;
      } else if (name == "unknown") {
        expectation = ExampleExpectation::unknown;
      } else {
        fail_at(group.first, "examples are grouped as bad, good and unknown, not " + name);
      }
      if (!group.second.IsSequence())
        fail_at(group.second, "a list of examples is expected under " + name);
      for (const YAML::Node& item : group.second)
        out.push_back(parse_example(item, format, expectation));
    }
  }
  return out;
}

}  // namespace

Rule parse_rule(const std::string& text, const std::string& source_path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw PolicyFileError(e.msg, e.mark.line >= 0 ? e.mark.line + 1 : 0);
  }
  if (!root.IsMap()) throw PolicyFileError("a rule file must be a YAML map", 1);
  Rule rule;
  rule.info = parse_info(root, source_path);
  rule.info.kinds = string_list(root, "kinds");
  rule.info.judges_whole_set = static_cast<bool>(root["control"]);
  if (root["control"] && root["condition"])
    fail_at(root["control"],
            "a rule has a 'condition' (judged per resource) or a 'control' "
            "(judged over the whole scanned set), not both");
  if (rule.info.scope == RuleScope::account && !rule.info.judges_whole_set)
    fail_at(root,
            "an account rule needs 'control': the condition under which the scanned set "
            "has the control");
  if (rule.info.scope == RuleScope::resource && rule.info.judges_whole_set)
    fail_at(root["control"],
            "a resource rule has a 'condition'; 'control' is for account and "
            "org-config rules");
  if (!rule.info.judges_whole_set && rule.info.kinds.empty()) {
    fail_at(root, "a rule judged per resource needs 'kinds'");
  }
  if (!rule.info.judges_whole_set && !root["condition"]) fail_at(root, "missing 'condition'");
  rule.condition = parse_condition(root[rule.info.judges_whole_set ? "control" : "condition"]);
  rule.info.requires_config = string_list(root, "requires-config");
  for (const std::string& key : rule.info.requires_config) {
    if (!is_configuration_fact(key))
      fail_at(root["requires-config"], "unknown configuration key \"" + key + "\"");
  }
  if (rule.info.scope == RuleScope::org_config && rule.info.requires_config.empty())
    fail_at(root, "an org-config rule names the facts it needs in 'requires-config'");
  rule.info.message = required_string(root, "message");
  rule.info.examples = parse_examples(root);
  for (RuleExample& example : rule.info.examples) {
    if (example.expectation != ExampleExpectation::bad || !example.lines.empty()) continue;
    example.lines = marked_lines(example.code, rule.info.id);
  }
  for (const RuleExample& example : rule.info.examples) rule.info.formats.push_back(example.format);
  std::sort(rule.info.formats.begin(), rule.info.formats.end());
  rule.info.formats.erase(std::unique(rule.info.formats.begin(), rule.info.formats.end()),
                          rule.info.formats.end());
  return rule;
}

std::string render_message(const std::string& templ, const std::string& resource,
                           const std::string& type, const std::string& value,
                           const std::string& attribute) {
  std::string out;
  out.reserve(templ.size() + resource.size() + value.size());
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{') {
      const std::size_t close = templ.find('}', i);
      if (close != std::string::npos) {
        const std::string_view name(templ.data() + i + 1, close - i - 1);
        const std::string* replacement = nullptr;
        if (name == "resource") replacement = &resource;
        if (name == "type") replacement = &type;
        if (name == "value") replacement = &value;
        if (name == "attribute") replacement = &attribute;
        if (replacement) {
          out += *replacement;
          i = close;
          continue;
        }
      }
    }
    out += templ[i];
  }
  return out;
}

}  // namespace iacscan::detail
