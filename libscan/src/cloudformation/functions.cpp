// Intrinsic function dispatch, and the list and string functions: Fn::Join, Fn::Select,
// Fn::Split, Fn::Length.
#include "cloudformation/functions.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

struct NamedFunction {
  std::string_view key;
  IntrinsicFunction function;
};

constexpr std::array<NamedFunction, 12> kFunctions = {{
    {"Fn::Sub", fn_sub},
    {"Fn::Join", fn_join},
    {"Fn::Select", fn_select},
    {"Fn::Split", fn_split},
    {"Fn::Length", fn_length},
    {"Fn::Base64", fn_base64},
    {"Fn::ToJsonString", fn_to_json_string},
    {"Fn::GetAZs", fn_get_azs},
    {"Fn::ImportValue", fn_import_value},
    {"Fn::Transform", fn_transform},
    {"Fn::FindInMap", fn_find_in_map},
    {"Fn::Cidr", fn_cidr},
}};

// The arguments of a function that takes a list of exactly `count`, or nullptr.
const Value::List* fixed_arguments(const Value& argument, std::size_t count) {
  if (!argument.is_list() || argument.items().size() != count) return nullptr;
  return &argument.items();
}

// A list index: a non-negative whole number, or a string spelling one.
std::optional<std::size_t> as_index(const Value& value) {
  if (value.is_number()) {
    const double n = value.as_number();
    if (n < 0 || n != std::floor(n) || n > 1e9) return std::nullopt;
    return static_cast<std::size_t>(n);
  }
  if (!value.is_string()) return std::nullopt;
  std::size_t index = 0;
  const std::string& text = value.text();
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return index;
}

}  // namespace

IntrinsicFunction find_function(std::string_view key) {
  for (const NamedFunction& named : kFunctions) {
    if (named.key == key) return named.function;
  }
  return nullptr;
}

Value malformed(TemplateEvaluator& evaluator, const Span& use, const std::string& message,
                std::initializer_list<const Value*> inputs) {
  evaluator.warn(use, message + "; the value is unknown");
  return unknown_from(message, use, inputs);
}

Value fn_join(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value::List* args = fixed_arguments(argument, 2);
  if (args == nullptr) return malformed(evaluator, use, "Fn::Join takes [delimiter, list]");
  const Value delimiter = evaluator.argument((*args)[0], "Fn::Join");
  const Value list = evaluator.argument((*args)[1], "Fn::Join");
  const std::optional<std::string> separator = scalar_text(delimiter);
  if (delimiter.is_unknown() || list.is_unknown()) {
    const Value& unknown = delimiter.is_unknown() ? delimiter : list;
    return unknown_from("Fn::Join of an unknown value: " + unknown.text(), use,
                        {&delimiter, &list});
  }
  if (!separator || !list.is_list()) {
    return malformed(evaluator, use, "Fn::Join takes a string delimiter and a list",
                     {&delimiter, &list});
  }
  Concatenation joined;
  for (std::size_t i = 0; i < list.items().size(); ++i) {
    if (i > 0) joined.text(*separator);
    if (!joined.piece(list.items()[i], "element " + std::to_string(i))) {
      return malformed(evaluator, use,
                       "Fn::Join: element " + std::to_string(i) + " is a list or map",
                       {&delimiter, &list});
    }
  }
  Value out = joined.finish(use, "Fn::Join");
  add_refs(out.refs, delimiter);
  for (const std::string& ref : list.refs) add_ref(out.refs, ref);
  return out;
}

Value fn_select(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value::List* args = fixed_arguments(argument, 2);
  if (args == nullptr) return malformed(evaluator, use, "Fn::Select takes [index, list]");
  const Value index = evaluator.argument((*args)[0], "Fn::Select");
  const Value list = evaluator.argument((*args)[1], "Fn::Select");
  if (index.is_unknown() || list.is_unknown()) {
    const Value& unknown = index.is_unknown() ? index : list;
    return unknown_from("Fn::Select from an unknown value: " + unknown.text(), use,
                        {&index, &list});
  }
  const std::optional<std::size_t> at = as_index(index);
  if (!at || !list.is_list()) {
    return malformed(evaluator, use, "Fn::Select takes a whole-number index and a list",
                     {&index, &list});
  }
  if (*at >= list.items().size()) {
    return malformed(evaluator, use,
                     "Fn::Select: index " + std::to_string(*at) +
                         " is out of range for a list of " + std::to_string(list.items().size()),
                     {&index, &list});
  }
  // The element keeps its own place (the literal chosen); refs of the other elements do not
  // flow into it, those of the index and of the list as a whole do.
  Value out = list.items()[*at];
  add_refs(out.refs, index);
  for (const std::string& ref : list.refs) add_ref(out.refs, ref);
  return out;
}

Value fn_split(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value::List* args = fixed_arguments(argument, 2);
  if (args == nullptr) return malformed(evaluator, use, "Fn::Split takes [delimiter, string]");
  const Value delimiter = evaluator.argument((*args)[0], "Fn::Split");
  const Value source = evaluator.argument((*args)[1], "Fn::Split");
  if (delimiter.is_unknown() || source.is_unknown()) {
    const Value& unknown = delimiter.is_unknown() ? delimiter : source;
    return unknown_from("Fn::Split of an unknown value: " + unknown.text(), use,
                        {&delimiter, &source});
  }
  const std::optional<std::string> separator = scalar_text(delimiter);
  const std::optional<std::string> text = scalar_text(source);
  if (!separator || separator->empty() || !text) {
    return malformed(evaluator, use, "Fn::Split takes a non-empty delimiter and a string",
                     {&delimiter, &source});
  }
  Value::List parts;
  std::size_t at = 0;
  for (std::size_t next; (next = text->find(*separator, at)) != std::string::npos;
       at = next + separator->size()) {
    parts.push_back(Value::string(text->substr(at, next - at), use));
  }
  parts.push_back(Value::string(text->substr(at), use));
  Value out = Value::list(std::move(parts), use);
  add_refs(out.refs, delimiter);
  add_refs(out.refs, source);
  return out;
}

Value fn_length(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value list = evaluator.argument(argument, "Fn::Length");
  if (list.is_unknown()) {
    return unknown_from("Fn::Length of an unknown list: " + list.text(), use, {&list});
  }
  if (!list.is_list()) return malformed(evaluator, use, "Fn::Length takes a list", {&list});
  const std::size_t count = list.items().size();
  Value out = Value::number(static_cast<double>(count), std::to_string(count), use);
  add_refs(out.refs, list);
  return out;
}

}  // namespace iacscan::detail
