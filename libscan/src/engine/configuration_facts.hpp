// The organization facts of the configuration as rules name them ("organization.identity_account"),
// so that a rule can say which facts it needs and the roadmap can say which are missing.
#pragma once

#include <span>
#include <string_view>

#include "iacscan/options.hpp"

namespace iacscan::detail {

// Every key a rule may list in `requires-config`, sorted.
std::span<const std::string_view> configuration_facts();
bool is_configuration_fact(std::string_view key);
// Whether the options give the fact a value (a non-empty string, list or map).
bool configuration_fact_is_set(const ScanOptions& options, std::string_view key);

}  // namespace iacscan::detail
