// PolicySet: every rule and kind mapping a scan uses — the built-in policies compiled into the
// library plus the user's --policy-dir folders. Immutable once loaded.
#pragma once

#include <string>
#include <vector>

#include "engine/kind_catalog.hpp"
#include "engine/rule.hpp"
#include "iacscan/options.hpp"
#include "iacscan/result.hpp"

namespace iacscan::detail {

struct PolicySet {
  std::vector<Rule> rules;  // sorted by id
  KindCatalog kinds;
  // Ids of rules the configuration turned off: a suppression naming one is not a typo.
  std::vector<std::string> disabled;  // sorted
};

Result<PolicySet> load_policies(const ScanOptions& options);

}  // namespace iacscan::detail
