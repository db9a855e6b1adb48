// Helpers shared by the IAM policy engine's unit tests: policies from JSON text.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "iam/action_catalog.hpp"
#include "iam/policy.hpp"
#include "value/json_reader.hpp"
#include "value/value.hpp"

namespace iacscan::testing {

// A policy read from a JSON object, as a CloudFormation template or a policy file gives it
// (a structure: no source text). Lines are the text's own.
inline detail::iam::Policy policy_from_json(std::string_view text) {
  detail::ReadResult read = detail::read_json(text, 1);
  if (read.error) INFO("JSON error: " << read.error->message);
  REQUIRE(read.ok());
  return detail::iam::read_policy(*read.value);
}

// A policy read from a string holding JSON (a Terraform heredoc or file(): source text).
inline detail::iam::Policy policy_from_string(std::string text) {
  detail::Span span;
  span.file = 1;
  span.range = {1, 1, 1, static_cast<std::uint32_t>(text.size() + 2)};
  return detail::iam::read_policy(detail::Value::string(std::move(text), span));
}

// The text of `text` with every "<?>" replaced by kUnknownMarker: a Terraform template with
// parts known only after apply.
inline std::string with_unknowns(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "<?>") {
      out += detail::kUnknownMarker;
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

inline const detail::iam::ActionCatalog& iam_catalog() {
  return detail::iam::ActionCatalog::builtin();
}

}  // namespace iacscan::testing
