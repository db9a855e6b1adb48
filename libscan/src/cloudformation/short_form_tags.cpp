// Short-form tag expansion for CloudFormation YAML templates.
#include "cloudformation/short_form_tags.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace iacscan::detail {
namespace {

// Tags whose long form is "Fn::<Name>".
constexpr std::array<std::string_view, 18> kFunctionTags = {
    "GetAtt", "Sub",         "Join",   "Select",    "Split",     "If",
    "Equals", "And",         "Or",     "Not",       "FindInMap", "Base64",
    "Cidr",   "ImportValue", "GetAZs", "Transform", "Length",    "ToJsonString"};

std::optional<std::string> long_form_key(std::string_view tag) {
  if (tag.empty() || tag.front() != '!') return std::nullopt;
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string{name};
  for (std::string_view function : kFunctionTags) {
    if (name == function) return "Fn::" + std::string{name};
  }
  return std::nullopt;
}

// Spans of the two halves of "Logical.Attribute" when the string was written on one line, as a
// plain or quoted scalar; otherwise both halves keep the whole span.
std::pair<Span, Span> split_spans(const Span& whole, std::size_t length, std::size_t dot) {
  Span left = whole;
  Span right = whole;
  const Range& range = whole.range;
  if (range.start_line != range.end_line || range.end_column < range.start_column) {
    return {left, right};
  }
  const std::size_t width = range.end_column - range.start_column + 1;
  if (width != length && width != length + 2) return {left, right};
  const auto first = static_cast<std::uint32_t>(range.start_column + (width == length ? 0 : 1));
  left.range.start_column = first;
  left.range.end_column = first + static_cast<std::uint32_t>(dot) - 1;
  right.range.start_column = first + static_cast<std::uint32_t>(dot) + 1;
  right.range.end_column = first + static_cast<std::uint32_t>(length) - 1;
  return {left, right};
}

// `!GetAtt Bucket.Arn` means ["Bucket", "Arn"]; split at the first dot only, since attribute
// names may contain dots themselves (Endpoint.Address).
Value split_get_att(Value value) {
  if (!value.is_string()) return value;
  const std::string& text = value.text();
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) return value;
  const auto [left, right] = split_spans(value.span, text.size(), dot);
  Value::List parts;
  parts.push_back(Value::string(text.substr(0, dot), left));
  parts.push_back(Value::string(text.substr(dot + 1), right));
  return Value::list(std::move(parts), value.span);
}

}  // namespace

Value expand_short_form(const std::string& tag, Value value, const Span& node_span) {
  const std::optional<std::string> key = long_form_key(tag);
  if (!key) return value;
  if (*key == "Fn::GetAtt") value = split_get_att(std::move(value));
  Value::Map entries;
  entries.push_back(Value::Entry{*key, node_span, std::move(value)});
  return Value::map(std::move(entries), node_span);
}

const YamlTagHandler& cloudformation_tag_handler() {
  static const YamlTagHandler handler = expand_short_form;
  return handler;
}

}  // namespace iacscan::detail
