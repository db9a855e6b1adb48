// Fn::Sub's placeholder syntax, shared by Fn::Sub itself and by formats such as an S3 bucket's
// ARN: `${Name}` is replaced by what `resolve` returns for Name, `${!Literal}` stands for the
// text "${Literal}".
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

class TemplateEvaluator;

using PlaceholderResolver = std::function<Value(const std::string& name)>;

// The string `format` with every placeholder filled, at `use`: unknown when any piece is (the
// reason names it, `function` prefixes it), with the refs of every piece.
Value substitute(std::string_view format, const PlaceholderResolver& resolve, const Span& use,
                 std::string_view function, TemplateEvaluator& evaluator);

}  // namespace iacscan::detail
