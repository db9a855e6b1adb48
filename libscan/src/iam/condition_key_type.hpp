// The value type of an IAM condition key, as the Service Authorization Reference and the
// "AWS global condition context keys" page give it (String, ArrayOfString, ARN, Bool, ...).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace iacscan::detail::iam {

// The generated action table stores these values (tools/iam-table-gen), so keep them stable.
enum class ConditionValueType : std::uint8_t {
  string,
  arn,
  numeric,
  date,
  boolean,
  ip_address,
  binary
};

inline constexpr std::array<ConditionValueType, 7> kConditionValueTypes = {
    ConditionValueType::string, ConditionValueType::arn,     ConditionValueType::numeric,
    ConditionValueType::date,   ConditionValueType::boolean, ConditionValueType::ip_address,
    ConditionValueType::binary};

// AWS's spelling: "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary".
constexpr std::string_view condition_value_type_name(ConditionValueType type) {
  switch (type) {
    case ConditionValueType::string:
      return "String";
    case ConditionValueType::arn:
      return "ARN";
    case ConditionValueType::numeric:
      return "Numeric";
    case ConditionValueType::date:
      return "Date";
    case ConditionValueType::boolean:
      return "Bool";
    case ConditionValueType::ip_address:
      return "IPAddress";
    case ConditionValueType::binary:
      return "Binary";
  }
  return "String";
}

// A multivalued key ("ArrayOfString") holds a set of values in a request, which is what the
// ForAllValues / ForAnyValue set operators are for.
struct ConditionKeyType {
  ConditionValueType value = ConditionValueType::string;
  bool multivalued = false;
  friend bool operator==(const ConditionKeyType&, const ConditionKeyType&) = default;
};

// The table's one-byte encoding: the value type, plus this bit for a multivalued key.
inline constexpr std::uint8_t kMultivaluedTypeBit = 0x80;

constexpr std::uint8_t encode_condition_key_type(ConditionKeyType type) {
  return static_cast<std::uint8_t>(static_cast<std::uint8_t>(type.value) |
                                   (type.multivalued ? kMultivaluedTypeBit : 0));
}

constexpr ConditionKeyType decode_condition_key_type(std::uint8_t code) {
  return {static_cast<ConditionValueType>(code & ~kMultivaluedTypeBit),
          (code & kMultivaluedTypeBit) != 0};
}

}  // namespace iacscan::detail::iam
