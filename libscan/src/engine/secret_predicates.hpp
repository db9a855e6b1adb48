// The secrets rules' predicates (policies/secrets/): secret patterns (secret_patterns.hpp)
// applied to a resource's values. Findings point at the secret itself — inside a heredoc, a
// block scalar or a JSON string, at its line — and never show it: messages name the attribute
// or show a redacted form.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// Any native attribute holding an AWS access key id, or a secret access key under a
// secret-key name (provider secret_key, an AWS_SECRET_ACCESS_KEY variable, a credentials file
// written by user data). Strings holding JSON or base64 are read too.
Outcome secrets_aws_access_key(const PredicateInput& input);
// with: {attribute: <canonical map>}: an entry with a secret name holding a literal.
Outcome secrets_named_literal(const PredicateInput& input);
// with: {attribute: <canonical container definitions>}: a container environment entry with a
// secret name (its value ends up in plain text in the task definition, known or not).
Outcome secrets_container_environment(const PredicateInput& input);
// with: {paths: [<native paths>]}: credentials in user data (plain or base64).
Outcome secrets_user_data(const PredicateInput& input);
// A CloudFormation parameter or Terraform variable with a secret name that is not masked
// (NoEcho / sensitive) or has a default value.
Outcome secrets_parameter_unmasked(const PredicateInput& input);

std::string secret_paths_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
