// The `rules` section: per rule id, whether it runs and at which severity. Ids are only checked
// for their shape here; whether a rule of that id is loaded is Scanner::create's to judge,
// since users' --policy-dir rules are not known yet.
#pragma once

#include <map>
#include <string>

#include "config/config_values.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail {

// Sets the setting of every rule the section names (replacing what `settings` held for it).
void apply_rules_section(const Field& section, std::map<std::string, RuleSetting>& settings);

}  // namespace iacscan::detail
