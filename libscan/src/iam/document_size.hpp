// The size of an Organizations policy document as AWS counts it against its quota
// ("Maximum size of a policy document" in the AWS Organizations User Guide, "Quotas and
// service limits for AWS Organizations"): SCPs 5,120, AI services opt-out policies 2,500.
// The same page explains that the console removes whitespace between JSON elements and outside
// quotation marks before counting, while the API, the CLI and SDKs (hence CloudFormation and
// Terraform) save and count the document exactly as given. So the raw size is what an IaC
// deployment is held to, and the minified size is what it could shrink to. The page has said
// both "characters" and "bytes (not characters)"; we count bytes, the larger of the two for
// non-ASCII text, so a document within our count is within AWS's either way.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail::iam {

// Bytes of `json_text` with the whitespace outside strings removed.
std::size_t minified_size(std::string_view json_text);

// The compact JSON serialisation of a structure (a CloudFormation object, the value a
// Terraform jsonencode encodes: what the provider sends), in bytes. With unknown parts only a
// lower bound is known: an unknown with candidates (a parameter's AllowedValues, the branches
// of an Fn::If) takes at least its smallest candidate's size; one without may be anything,
// and in CloudFormation that includes AWS::NoValue (an Fn::If with a removed branch), which
// takes away its map entry or list element, so it is counted as absent, key and separator
// included. Map keys are always known.
struct StructureSize {
  std::size_t at_least = 0;  // the size when every part is known
  bool known = true;         // no part is unknown
};
StructureSize structure_size(const Value& structure);

// The size of a structure when every part is known; nullopt otherwise.
std::optional<std::size_t> minified_size(const Value& structure);

}  // namespace iacscan::detail::iam
