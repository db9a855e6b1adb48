// Built-in predicates about machine images: what an image does by default that a template
// cannot say itself.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// image-requires-imdsv2 (with: {attribute}): the image named by the canonical attribute is
// known to require IMDSv2 tokens by itself (Amazon Linux 2023, imds-support v2.0), whether
// named through its public SSM parameter (a CloudFormation SSM parameter type, Terraform's
// "resolve:ssm:" form). An image known only at deployment (a data source, a variable) is
// unknown; any other named image (an AMI id, another SSM parameter) is known not to.
Outcome image_requires_imdsv2(const PredicateInput& input);

}  // namespace iacscan::detail::predicates
