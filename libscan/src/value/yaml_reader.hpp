// YAML reader that produces positioned Values from yaml-cpp's event stream. It sees tags (so a
// format layer such as CloudFormation can give `!Ref` its meaning), expands aliases under a
// node budget, and resolves plain scalars per the YAML 1.2 core schema.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "value/json_reader.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

// Called for every node carrying an application tag (anything but the non-specific tags and
// the standard `!!` ones), e.g. tag "!Ref". `value` is the node as read, spanning its content;
// `node_span` also covers the tag and any anchor. Returns the value to use instead. An empty
// handler keeps every value unchanged.
using YamlTagHandler =
    std::function<Value(const std::string& tag, Value value, const Span& node_span)>;

// Reads the first document of `text`; later documents are ignored. An empty document reads as
// null. An alias reads as a copy of its anchored node: the copy spans the alias, its children
// keep the spans where they were written. Alias expansion is budgeted by
// limits.max_alias_nodes; when that is 0 the budget is 50 nodes per input byte, at least
// 100,000 and at most 1,000,000, so a "billion laughs" file fails fast with bounded memory
// while ordinary anchor reuse is untouched.
ReadResult read_yaml(std::string_view text, FileId file, const YamlTagHandler& tags,
                     const ReadLimits& limits = {});

}  // namespace iacscan::detail
