// Terraform's JSON configuration syntax (.tf.json, .tfvars.json) to the same AST the native
// syntax becomes, so evaluation never cares how a file was written. Follows Terraform's
// "JSON Configuration Syntax" mapping: nested objects for block labels, strings as templates
// except where Terraform takes them literally, "//" properties as comments.
#pragma once

#include "source/source_file.hpp"
#include "terraform/ast.hpp"

namespace iacscan::detail::tf {

// A .tf.json file: the root object's properties are top-level block types. Malformed JSON or a
// root that is not an object gives a parse_error diagnostic and an empty body; blocks of the
// wrong shape are reported and skipped while the rest is kept. Duplicate keys are warnings
// (the last one wins). Every body built here has from_json set.
File parse_json_configuration(const SourceFile& file);

// A .tfvars.json file: the root object's properties become attributes whose expressions are
// literal values (strings are never templates here).
File parse_json_variables(const SourceFile& file);

}  // namespace iacscan::detail::tf
