// The `suppressions` section: findings the configuration accepts, each with a rule, optional
// path globs and resource addresses, a reason and an expiry date.
//   suppressions:
//     - rule: s3-bucket-public-acl
//       paths: ["sites/**"]
//       resources: ["aws_s3_bucket.website"]
//       reason: Public website, approved in SEC-123
//       expires: 2027-01-31
#pragma once

#include <string>
#include <vector>

#include "config/config_values.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail {

// Replaces `out` with the section's entries. `display_path` names the configuration file in
// the entries' locations, which reports show for external suppressions.
void apply_suppressions_section(const Field& section, const std::string& display_path,
                                std::vector<ConfiguredSuppression>& out);

}  // namespace iacscan::detail
