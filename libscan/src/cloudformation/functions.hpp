// The intrinsic functions that compute a value from their arguments: Fn::Sub, Fn::Join,
// Fn::Select, Fn::Split, Fn::Base64, Fn::FindInMap, Fn::GetAZs, Fn::Cidr, Fn::ImportValue,
// Fn::Length, Fn::ToJsonString, Fn::Transform. Each takes the unevaluated argument, the span of
// the whole call (where the result is placed) and the evaluator. A result is unknown when an
// input is, and keeps the inputs' refs either way; malformed arguments give an unknown and a
// warning, never an exception. (Ref, Fn::GetAtt and Fn::If live in the evaluator.)
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

class TemplateEvaluator;

using IntrinsicFunction = Value (*)(const Value& argument, const Span& use,
                                    TemplateEvaluator& evaluator);

// The function named `key` ("Fn::Join"), or nullptr for names not listed above.
IntrinsicFunction find_function(std::string_view key);

// An unknown for a malformed call, after a warning at `use`; keeps the refs of `inputs`.
Value malformed(TemplateEvaluator& evaluator, const Span& use, const std::string& message,
                std::initializer_list<const Value*> inputs = {});

// sub.cpp
Value fn_sub(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
// functions.cpp
Value fn_join(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_select(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_split(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_length(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
// encoding_functions.cpp
Value fn_base64(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_to_json_string(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
// deployment_functions.cpp: values only a deployment knows
Value fn_get_azs(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_import_value(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
Value fn_transform(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
// mappings.cpp
Value fn_find_in_map(const Value& argument, const Span& use, TemplateEvaluator& evaluator);
// cidr_function.cpp
Value fn_cidr(const Value& argument, const Span& use, TemplateEvaluator& evaluator);

}  // namespace iacscan::detail
