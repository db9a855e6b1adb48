#include "config/rule_settings.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "config/closest_match.hpp"

namespace iacscan::detail {

std::optional<Error> apply_rule_settings(const std::map<std::string, RuleSetting>& settings,
                                         PolicySet& policies) {
  std::vector<std::string_view> ids;  // sorted: the rules are
  for (const Rule& rule : policies.rules) ids.push_back(rule.info.id);
  for (const auto& [id, setting] : settings) {
    if (std::binary_search(ids.begin(), ids.end(), std::string_view(id))) continue;
    std::string message = "rules." + id + ": no loaded rule has the id \"" + id + "\"";
    if (auto suggestion = closest_match(id, ids))
      message += "; did you mean \"" + *suggestion + "\"?";
    else
      message += " (iacscan rules lists them)";
    return Error{ErrorCode::invalid_option, std::move(message), {}};
  }
  std::erase_if(policies.rules, [&settings, &policies](const Rule& rule) {
    const auto setting = settings.find(rule.info.id);
    const bool disabled = setting != settings.end() && !setting->second.enabled;
    if (disabled) policies.disabled.push_back(rule.info.id);
    return disabled;
  });
  for (Rule& rule : policies.rules) {
    const auto setting = settings.find(rule.info.id);
    if (setting != settings.end() && setting->second.severity)
      rule.info.severity = *setting->second.severity;
  }
  return std::nullopt;
}

}  // namespace iacscan::detail
