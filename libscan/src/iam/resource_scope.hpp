// Whether a statement's Resource / NotResource reaches the resources an analysis asks about.
// Analyses judge a policy without knowing which resources exist, so they sort each pattern:
// one that matches every ARN ("*", "arn:aws:*:*:*:*"); a wildcard ARN of the asked service
// ("arn:aws:iam::*:role/*": could reach the resource an attacker wants); a specific ARN of
// that service (reaches only that one, which we cannot judge: not counted); other services.
// An Allow reaches when it names the first or second kind; a Deny covers every target only
// with the first kind, and perhaps (Unknown) with the second.
//
// Two rules narrow "a wildcard ARN of the asked service" when the target says so:
//  - Resource types. A target that lists the ARN formats of the action's resource types
//    (ActionCatalog::resource_types: "arn:${Partition}:iam::${Account}:group/${GroupName...}"
//    for iam:AddUserToGroup) is reached only by a pattern that could match one of them: the
//    pattern's service matches the format's, and the literal start of its resource part (the
//    text after the fifth colon, up to the first `*`, `?` or `${`) agrees with the literal
//    start of the format's resource part as far as both go. "arn:aws:iam::*:role/*" cannot
//    name a group ("role/" against "group/"); "arn:aws:iam::*:*" and "arn:aws:iam::*:gr*" can.
//    A pattern with fewer than five colons has no resource part of its own (a star before it
//    may span colons), so it could match any format of its service.
//  - The caller itself. A target that excludes the caller (actions that gain nothing when
//    they act on the caller's own user, such as creating one's own access key) is not reached
//    by a pattern whose last path segment is the policy variable ${aws:username} or
//    ${aws:userid} ("arn:aws:iam::*:user/${aws:username}", AWS's "manage your own
//    credentials" policy): it names the caller's own user and no other principal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.hpp"
#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

// One resource type an action acts on, from its ARN format: "iam" and
// "role/${RoleNameWithPath}" for "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}".
struct ResourceFormat {
  std::string service;   // lowercase
  std::string resource;  // the format after its fifth colon
};
// Nullopt when the format has no literal service or fewer than five colons.
std::optional<ResourceFormat> parse_resource_format(std::string_view arn_format);

struct ResourceTarget {
  // The ARN service segments of the resources asked about ("iam" for roles); empty: every
  // resource (administrator access).
  std::vector<std::string> services;
  // The action takes no resource ARN, so its requests name the resource "*" and only a
  // pattern matching "*" itself reaches it ("arn:*" does not).
  bool star_only = false;
  // The resource types asked about, when known; a wildcard ARN of the services then reaches
  // only when it could match one of them (see above). Empty: any resource of the services.
  std::vector<ResourceFormat> formats = {};
  // The caller's own user is not a target (see above).
  bool excludes_caller = false;
};

// The resources an action acts on, by the ARN formats of its resource types; star_only when
// it has none. `only_type`, when given ("instance|managed-instance"), keeps those resource
// types alone, the ones an attack needs: ssm:SendCommand also takes an S3 bucket for its
// output, but runs on an instance.
ResourceTarget action_resources(const ActionCatalog& catalog, ActionId action,
                                std::string_view only_type = {});

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
