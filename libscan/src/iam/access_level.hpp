// IAM access levels, as the AWS Service Authorization Reference classifies each action.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace iacscan::detail::iam {

// The generated action table stores these values (tools/iam-table-gen), so keep them stable.
enum class AccessLevel : std::uint8_t { list, read, write, permissions_management, tagging };

inline constexpr std::array<AccessLevel, 5> kAccessLevels = {
    AccessLevel::list, AccessLevel::read, AccessLevel::write, AccessLevel::permissions_management,
    AccessLevel::tagging};

// AWS's spelling: "List", "Read", "Write", "Permissions management", "Tagging".
constexpr std::string_view access_level_name(AccessLevel level) {
  switch (level) {
    case AccessLevel::list:
      return "List";
    case AccessLevel::read:
      return "Read";
    case AccessLevel::write:
      return "Write";
    case AccessLevel::permissions_management:
      return "Permissions management";
    case AccessLevel::tagging:
      return "Tagging";
  }
  return "Write";
}

}  // namespace iacscan::detail::iam
