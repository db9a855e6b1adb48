// What Ref and Fn::GetAtt of common resource types return when the resource's own properties
// say it: Ref of an S3 bucket is its BucketName, GetAtt Bucket.Arn is
// arn:<partition>:s3:::<BucketName>, Ref of an IAM role its RoleName. A small table of the
// common cases; everything else is unknown until deployment.
#pragma once

#include <optional>
#include <string>

#include "value/value.hpp"

namespace iacscan::detail {

class TemplateEvaluator;

// The value of `attribute` (empty for Ref) of resource `logical_id` of `type` at `use`, given
// its evaluated `properties`; possibly unknown (the property is). nullopt when the table has
// no row for it or the property it needs is not set.
std::optional<Value> known_resource_attribute(const std::string& type,
                                              const std::string& logical_id,
                                              const std::string& attribute, const Value& properties,
                                              const Span& use, TemplateEvaluator& evaluator);

}  // namespace iacscan::detail
