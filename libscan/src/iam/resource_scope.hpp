// Whether a statement's Resource / NotResource reaches the resources an analysis asks about.
// Analyses judge a policy without knowing which resources exist, so they sort each pattern:
// one that matches every ARN ("*", "arn:aws:*:*:*:*"); a wildcard ARN of the asked service
// ("arn:aws:iam::*:role/*": could reach the resource an attacker wants); a specific ARN of
// that service (reaches only that one, which we cannot judge: not counted); other services.
// An Allow reaches when it names the first or second kind; a Deny covers every target only
// with the first kind, and perhaps (Unknown) with the second.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

struct ResourceTarget {
  // The ARN service segments of the resources asked about ("iam" for roles); empty: every
  // resource (administrator access).
  std::vector<std::string> services;
  // The action takes no resource ARN, so its requests name the resource "*" and only a
  // pattern matching "*" itself reaches it ("arn:*" does not).
  bool star_only = false;
};

enum class ResourceReach : std::uint8_t { all, service_wildcard, service_specific, other };

// "*" (any run of stars), or "arn:" then an optional partition, then only "*" segments:
// "arn:*", "arn:aws:*", "arn:aws:*:*:*:*".
bool covers_all_resources(std::string_view pattern);

ResourceReach classify_resource(std::string_view pattern, const ResourceTarget& target);

// Whether no pattern of a list could match a target resource (Unknown when an unknown
// pattern could): a NotResource list that takes away none of the targets.
Truth none_could_be_target(const ElementList& patterns, const ResourceTarget& target);

// An Allow statement: does its Resource (or NotResource) reach a target resource?
Truth allow_reaches(const Statement& statement, const ResourceTarget& target);
// A Deny statement: does its Resource (or NotResource) cover every target resource?
Truth deny_covers(const Statement& statement, const ResourceTarget& target);

}  // namespace iacscan::detail::iam
