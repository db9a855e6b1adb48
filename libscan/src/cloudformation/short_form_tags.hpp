// CloudFormation's YAML short forms (`!Ref x`, `!GetAtt a.b`, `!Sub ...`) rewritten into the
// long forms of the JSON syntax (`{"Ref": "x"}`, `{"Fn::GetAtt": ["a", "b"]}`), so everything
// after the reader sees one spelling of each intrinsic function.
#pragma once

#include <string>

#include "value/value.hpp"
#include "value/yaml_reader.hpp"

namespace iacscan::detail {

// The long form of a node tagged `tag`; nodes with other tags come back unchanged. The new map
// and its key span the whole tagged node; the argument keeps its own span.
Value expand_short_form(const std::string& tag, Value value, const Span& node_span);

// expand_short_form as a handler for read_yaml.
const YamlTagHandler& cloudformation_tag_handler();

}  // namespace iacscan::detail
