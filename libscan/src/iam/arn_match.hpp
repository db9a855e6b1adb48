// ARN matching as IAM does it for the Resource element and the Arn* condition operators: the
// six colon-separated parts (arn:partition:service:region:account:resource) are compared one by
// one, so a wildcard in the region never reaches into the account; the resource part is the
// rest of the string and may hold colons of its own. Case-sensitive.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "iam/iam_pattern.hpp"

namespace iacscan::detail::iam {

// The six parts, split at the first five colons; nullopt when there are fewer than six.
std::optional<std::array<std::string_view, 6>> split_arn(std::string_view arn);

// Arn* condition operators: both sides must be six-part ARNs, or nothing matches.
std::optional<bool> arn_condition_match(const Pattern& pattern, std::string_view arn);

// Resource / NotResource: "*" matches anything; a pattern with fewer than six parts that ends
// in `*` ("arn:aws:s3:*") has its missing parts taken as `*`; a request resource that is not
// an ARN is compared as a whole string.
bool resource_pattern_match(const Pattern& pattern, std::string_view resource);

// Whether the pattern's partition, service, region and account parts match the resource's
// (false when either is not an ARN).
bool arn_prefix_match(const Pattern& pattern, std::string_view resource);

// What IAM accepts in Resource / NotResource: "*" (or only wildcards), or an ARN pattern: "arn:"
// and six parts, or fewer when it ends in `*`. IAM refuses anything else ("must be in ARN
// format or *").
bool is_resource_pattern(const Pattern& pattern);

// True when the pattern matches every resource: "*", or "arn" followed by wildcard-only parts.
bool resource_pattern_covers_all(const Pattern& pattern);

}  // namespace iacscan::detail::iam
