// Built-in predicates about machine images: what an image does by default that a template
// cannot say itself.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// image-requires-imdsv2 (with: {attribute}): the image named by the canonical attribute is
// known to require IMDSv2 tokens by itself (Amazon Linux 2023, imds-support v2.0), whether
// named through its public SSM parameter (a CloudFormation SSM parameter type, Terraform's
// "resolve:ssm:" form) or by a path that says so. Any other image, or one not known before
// deployment, is not known to: the instance's own setting decides, as AWS recommends.
Outcome image_requires_imdsv2(const PredicateInput& input);
std::string image_attribute_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
