// The `organization` section: facts about the user's AWS organization that rules cannot learn
// from the scanned code (account ids by role, approved regions, OU roles...).
#pragma once

#include "config/config_values.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail {

// Validates the section and sets every fact it names; facts it leaves out keep their value.
void apply_organization_section(const Field& section, OrganizationFacts& facts);

}  // namespace iacscan::detail
