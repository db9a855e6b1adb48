// Marker for unknown values that stand for a read from a secret or parameter store at
// deployment (CloudFormation's `{{resolve:secretsmanager:...}}`, SSM parameter types). Such a
// value is not written in the source, so a rule about literal secrets must not treat it as one;
// it asks is_dynamic_reference() instead of parsing reasons itself.
#pragma once

#include <string>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

// An unknown value is a dynamic reference when its reason reads
// "dynamic reference to <service>: <detail>", e.g.
// "dynamic reference to secretsmanager: {{resolve:secretsmanager:db:SecretString:password}}".
inline constexpr std::string_view kDynamicReferencePrefix = "dynamic reference to ";

inline Value dynamic_reference(std::string_view service, std::string_view detail, Span span) {
  std::string reason{kDynamicReferencePrefix};
  reason.append(service).append(": ").append(detail);
  return Value::unknown(std::move(reason), span);
}

inline bool is_dynamic_reference(const Value& value) {
  return value.is_unknown() && value.text().starts_with(kDynamicReferencePrefix);
}

// "secretsmanager", "ssm-secure", "ssm"; empty when `value` is no dynamic reference.
inline std::string_view dynamic_reference_service(const Value& value) {
  if (!is_dynamic_reference(value)) return {};
  const std::string_view rest =
      std::string_view{value.text()}.substr(kDynamicReferencePrefix.size());
  return rest.substr(0, rest.find(':'));
}

}  // namespace iacscan::detail
