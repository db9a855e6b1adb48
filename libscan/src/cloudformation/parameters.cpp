// Parameter resolution: given value, then Default, then a single AllowedValue; typed by the
// declared Type. SSM parameter types are read at deployment: their value is never the default.
#include "cloudformation/parameters.hpp"

#include <charconv>
#include <memory>
#include <utility>

#include "cloudformation/value_ops.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail {
namespace {

std::string declared_type(const Value& declaration) {
  const Value* type = declaration.find("Type");
  return type != nullptr && type->is_string() ? type->text() : "String";
}

bool is_list_type(const std::string& type) {
  return type == "CommaDelimitedList" || type.starts_with("List<");
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<double> parse_number(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return number;
}

// A value as the declared type reads it: list types split strings at commas, Number turns a
// given numeric string into a number. Anything else stays as written.
Value typed(Value value, const std::string& type) {
  if (is_list_type(type)) {
    if (const auto text = scalar_text(value)) return split_list_parameter(*text, value.span);
    return value;
  }
  if (type == "Number" && value.is_string()) {
    if (const auto number = parse_number(trim(value.text()))) {
      return Value::number(*number, std::string{trim(value.text())}, value.span);
    }
  }
  return value;
}

Value with_note(Value value, const std::string& note) {
  give_origin(value, note);
  return value;
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

// AWS::SSM::Parameter::Value<String>: the default (or given value) names an SSM parameter
// whose value is read at deployment, much like an {{resolve:ssm:...}} dynamic reference.
bool is_ssm_value_type(const std::string& type) {
  return type.starts_with("AWS::SSM::Parameter::Value<");
}

Span key_span(const Value& map, const std::string& key) {
  for (const Value::Entry& e : map.entries()) {
    if (e.key == key) return e.key_span;
  }
  return {};
}

}  // namespace

Value split_list_parameter(const std::string& text, const Span& span) {
  Value::List items;
  std::string_view rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    items.push_back(Value::string(std::string{trim(rest.substr(0, comma))}, span));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (trim(text).empty()) items.clear();
  return Value::list(std::move(items), span);
}

ParameterTable::ParameterTable(const Value* section, const CloudFormationContext& context)
    : section_(section != nullptr && section->is_map() ? section : nullptr), context_(context) {}

bool ParameterTable::declares(const std::string& name) const {
  return section_ != nullptr && section_->find(name) != nullptr;
}

Value ParameterTable::value(const std::string& name, const Span& use) {
  auto it = resolved_.find(name);
  if (it == resolved_.end()) it = resolved_.emplace(name, resolve(name)).first;
  Value out = it->second;
  move_to(out, use);
  return out;
}

Value ParameterTable::resolve(const std::string& name) const {
  const Value& declaration = *section_->find(name);
  const std::string type = declared_type(declaration);
  const auto given = context_.parameters.find(name);
  const Value* fallback = declaration.find("Default");
  if (is_ssm_value_type(type) && (given != context_.parameters.end() || fallback != nullptr)) {
    const std::string key =
        given != context_.parameters.end() ? given->second.value : fallback->to_display_string();
    return dynamic_reference("ssm",
                             "parameter " + quoted(name) + " of type " + type +
                                 " holds the value of SSM parameter " + key,
                             {});
  }
  if (given != context_.parameters.end() && given->second.passed) {
    // A nested stack's parameter: exactly what the parent passes, known or not.
    return with_note(typed(*given->second.passed, type),
                     "value of parameter " + quoted(name) + " " + given->second.source);
  }
  if (given != context_.parameters.end()) {
    // A given value has no place in the template; its origin is the parameter's declaration.
    Value value = typed(Value::string(given->second.value, key_span(*section_, name)), type);
    return with_note(std::move(value),
                     "value of parameter " + quoted(name) + " " + given->second.source);
  }
  if (fallback != nullptr) {
    return with_note(typed(*fallback, type), "default of parameter " + quoted(name));
  }
  const Value* allowed = declaration.find("AllowedValues");
  if (allowed != nullptr && allowed->is_list() && allowed->items().size() == 1) {
    return with_note(typed(allowed->items().front(), type),
                     "only allowed value of parameter " + quoted(name));
  }
  Value unknown =
      Value::unknown("parameter " + quoted(name) + " has no default and no value was given", {});
  if (allowed != nullptr && allowed->is_list() && !allowed->items().empty() &&
      !is_list_type(type)) {
    unknown.candidates = std::make_shared<const Value::List>(allowed->items());
  }
  return unknown;
}

}  // namespace iacscan::detail
