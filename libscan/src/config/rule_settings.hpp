// The configuration's rule settings applied to the loaded rules (at Scanner::create, once the
// user's --policy-dir rules are known).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/policy_set.hpp"
#include "iacscan/options.hpp"
#include "iacscan/result.hpp"

namespace iacscan::detail {

// An id no loaded rule has is an invalid_option Error (a typo would otherwise leave on a rule
// the user meant off); disabled rules leave the set; a severity override replaces the rule's
// own, which its findings copy.
std::optional<Error> apply_rule_settings(const std::map<std::string, RuleSetting>& settings,
                                         PolicySet& policies);

}  // namespace iacscan::detail
