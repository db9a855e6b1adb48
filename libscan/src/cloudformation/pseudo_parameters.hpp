// CloudFormation pseudo parameters (AWS::Region, AWS::AccountId, AWS::Partition, ...): unknown
// until deployment unless the scan was given a value (--parameter AWS::Region=eu-west-1).
// AWS::NoValue is not among them: it removes a property, which the evaluator handles.
#pragma once

#include <string>
#include <string_view>

#include "cloudformation/context.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

bool is_pseudo_parameter(std::string_view name);

// The value at `use`. AWS::Partition and AWS::URLSuffix follow from a given AWS::Region when
// they are not given themselves; AWS::NotificationARNs is a list.
Value pseudo_parameter(const std::string& name, const CloudFormationContext& context,
                       const Span& use);

}  // namespace iacscan::detail
