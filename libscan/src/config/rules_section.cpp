#include "config/rules_section.hpp"

#include <cctype>

namespace iacscan::detail {
namespace {

// Rule ids are kebab-case (policies/schema.json).
bool is_rule_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' ||
      id.find("--") != std::string_view::npos)
    return false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::islower(u) || std::isdigit(u) || c == '-')) return false;
  }
  return true;
}

Severity read_severity(const Field& field) {
  const std::string text = read_choice(field, {"info", "low", "medium", "high", "critical"});
  return parse_severity(text).value_or(Severity::medium);  // read_choice allowed only those
}

// `id: off` and `id: on` (or false / true) stand for {enabled: false} and {enabled: true}.
RuleSetting read_shorthand(const Field& field) {
  RuleSetting setting;
  if (field.value.is_bool()) {
    setting.enabled = field.value.as_bool();
  } else if (field.value.is_string() &&
             (field.value.text() == "on" || field.value.text() == "off")) {
    setting.enabled = field.value.text() == "on";
  } else {
    fail(field, "expected {enabled: ..., severity: ...}, on, off, true or false, got " +
                    describe(field.value));
  }
  return setting;
}

RuleSetting read_setting(const Field& field) {
  if (!field.value.is_map()) return read_shorthand(field);
  check_known_keys(field, {"enabled", "severity"});
  RuleSetting setting;
  for (const Value::Entry& entry : field.value.entries()) {
    const Field child = entry_field(field, entry);
    if (entry.key == "enabled") setting.enabled = read_bool(child);
    if (entry.key == "severity") setting.severity = read_severity(child);
  }
  return setting;
}

}  // namespace

void apply_rules_section(const Field& section, std::map<std::string, RuleSetting>& settings) {
  for (const Value::Entry& entry : read_map(section)) {
    const Field field = entry_field(section, entry);
    if (!is_rule_id(entry.key))
      fail_at_key(field, "\"" + entry.key +
                             "\" is not a rule id (lower-case words joined by '-', as "
                             "`iacscan rules` lists them)");
    settings[entry.key] = read_setting(field);
  }
}

}  // namespace iacscan::detail
