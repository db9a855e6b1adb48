// Fn::Sub: the string form ("text ${Name}") and the list form ([text, {Name: value}]).
#include "cloudformation/sub.hpp"

#include <map>
#include <optional>
#include <utility>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return std::string{text.substr(first, last - first + 1)};
}

}  // namespace

Value substitute(std::string_view format, const PlaceholderResolver& resolve, const Span& use,
                 std::string_view function, TemplateEvaluator& evaluator) {
  Concatenation result;
  std::size_t at = 0;
  while (at < format.size()) {
    const std::size_t open = format.find("${", at);
    const std::size_t close = open == std::string_view::npos ? open : format.find('}', open + 2);
    if (close == std::string_view::npos) {  // no (complete) placeholder left: plain text
      result.text(format.substr(at));
      break;
    }
    result.text(format.substr(at, open - at));
    if (format[open + 2] == '!') {  // ${!Literal} is the text ${Literal}
      result.text("${");
      at = open + 3;
      continue;
    }
    const std::string name = trimmed(format.substr(open + 2, close - open - 2));
    const std::string label = "${" + name + "}";
    const Value piece = resolve(name);
    if (!result.piece(piece, label)) {
      const std::string message = std::string{function} + ": " + label + " is a list or map";
      evaluator.warn(use, message + "; the value is unknown");
      result.piece(Value::unknown(message, use), label);
    }
    at = close + 1;
  }
  return result.finish(use, function);
}

Value fn_sub(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value* format = &argument;
  const Value* variables = nullptr;
  if (argument.is_list() && (argument.items().size() == 1 || argument.items().size() == 2)) {
    format = &argument.items()[0];
    if (argument.items().size() == 2) variables = &argument.items()[1];
  }
  if (!format->is_string() || (variables != nullptr && !variables->is_map())) {
    return malformed(evaluator, use, "Fn::Sub takes a string or [string, {name: value}]");
  }
  // Variables are evaluated when first used, so unused ones add no refs.
  std::map<std::string, Value, std::less<>> evaluated;
  const auto resolve = [&](const std::string& name) -> Value {
    if (variables != nullptr) {
      if (const Value* variable = variables->find(name)) {
        auto it = evaluated.find(name);
        if (it == evaluated.end()) {
          it = evaluated.emplace(name, evaluator.argument(*variable, "Fn::Sub")).first;
        }
        return it->second;
      }
    }
    const std::size_t dot = name.find('.');
    if (dot != std::string::npos) {
      return evaluator.get_att(name.substr(0, dot), name.substr(dot + 1), use);
    }
    return evaluator.ref(name, use);
  };
  return substitute(format->text(), resolve, use, "Fn::Sub", evaluator);
}

}  // namespace iacscan::detail
