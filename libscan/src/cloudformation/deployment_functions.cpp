// Fn::GetAZs, Fn::ImportValue, Fn::Transform: values that only a deployment knows (the zones
// of a region, another stack's exports, a macro's output). Always unknown, with their
// arguments' refs.
#include <string>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {

Value fn_get_azs(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value region = evaluator.argument(argument, "Fn::GetAZs");
  const std::optional<std::string> name = scalar_text(region);
  // Even for a known region the zones an account sees are known only at deployment.
  const std::string where = name && !name->empty() ? "of region " + *name : "of the stack's region";
  return unknown_from("the availability zones " + where + " are known only at deployment", use,
                      {&region});
}

Value fn_import_value(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value name = evaluator.argument(argument, "Fn::ImportValue");
  const std::optional<std::string> text = scalar_text(name);
  return unknown_from(text ? "Fn::ImportValue of \"" + *text + "\", an export of another stack"
                           : std::string{"Fn::ImportValue of an export of another stack"},
                      use, {&name});
}

Value fn_transform(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value* name = argument.find("Name");
  const std::string macro = name != nullptr && name->is_string() ? name->text() : "a macro";
  Value out =
      Value::unknown("Fn::Transform: the output of " + macro + " is known only at deployment", use);
  if (const Value* parameters = argument.find("Parameters")) {
    if (std::optional<Value> evaluated = evaluator.evaluate(*parameters)) {
      add_refs(out.refs, *evaluated);
    }
  }
  return out;
}

}  // namespace iacscan::detail
